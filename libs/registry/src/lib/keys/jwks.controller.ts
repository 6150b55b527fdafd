import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@interscambio/http';
import type { Jwk } from '@interscambio/access';
import type { HttpReply } from '@interscambio/http';
import { KeyRing } from './key-ring';

@ApiTags('keys')
@Public()
@Controller('.well-known')
export class JwksController {
  constructor(private readonly keys: KeyRing) {}

  @Get('jwks.json')
  @ApiOperation({
    summary: 'Le chiavi pubbliche con cui sono firmati i token: quella attiva e quelle ritirate di recente',
    description: 'The public keys tokens are signed with: the active one and those retired recently',
  })
  async jwks(@Res({ passthrough: true }) reply: HttpReply): Promise<{ keys: Jwk[] }> {
    reply.headers({ 'content-type': 'application/jwk-set+json', 'cache-control': 'public, max-age=60' });
    return this.keys.jwks();
  }
}

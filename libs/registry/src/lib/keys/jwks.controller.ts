import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Operation, Public } from '@interscambio/http';
import type { Jwk } from '@interscambio/access';
import type { HttpReply } from '@interscambio/http';
import { KeyRing } from './key-ring';

@ApiTags('keys')
@Public()
@Controller('.well-known')
export class JwksController {
  constructor(private readonly keys: KeyRing) {}

  @Get('jwks.json')
  @Operation(
    'Le chiavi pubbliche con cui sono firmati i token: quella attiva e quelle ritirate di recente',
    'The public keys tokens are signed with: the active one and those retired recently',
  )
  async jwks(@Res({ passthrough: true }) reply: HttpReply): Promise<{ keys: Jwk[] }> {
    reply.headers({ 'content-type': 'application/jwk-set+json', 'cache-control': 'public, max-age=60' });
    return this.keys.jwks();
  }
}

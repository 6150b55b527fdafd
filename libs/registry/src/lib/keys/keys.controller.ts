import { Operation } from '@interscambio/http';
import { Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Scopes } from '@interscambio/access';
import { KeyRing } from './key-ring';
import type { StoredSigningKey } from './signing-key.entity';
import { SigningKeyStore } from './signing-key.store';

export interface SigningKeyView {
  kid: string;
  alg: string;
  status: 'active' | 'retired';
  createdAt: string;
  retiredAt: string | null;
  /** In the JWKS: active, or retired less than twice the token lifetime ago. */
  published: boolean;
}

@ApiTags('keys')
@Scopes('admin')
@Controller('keys')
export class KeysController {
  constructor(
    private readonly ring: KeyRing,
    private readonly store: SigningKeyStore,
  ) {}

  @Get()
  @Operation(
    'Le chiavi di firma del registry e il loro stato (mai una parte privata)',
    "The registry's signing keys and their states (never a private part)",
  )
  async list(): Promise<{ items: SigningKeyView[] }> {
    const since = this.ring.publishedSince();
    return { items: (await this.store.all()).map((row) => view(row, since)) };
  }

  @Post('rotate')
  @Operation(
    'Una nuova chiave attiva; la precedente è ritirata e resta nel JWKS per 2 × durata dei token',
    'A new active key; the previous one is retired now and stays in the JWKS for 2 × token lifetime',
  )
  async rotate(): Promise<{ active: SigningKeyView; retired: SigningKeyView | null }> {
    const { active, retired } = await this.ring.rotate();
    const since = this.ring.publishedSince();
    return { active: view(active, since), retired: retired ? view(retired, since) : null };
  }
}

function view(row: StoredSigningKey, publishedSince: Date): SigningKeyView {
  return {
    kid: row.kid,
    alg: row.alg,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    retiredAt: row.retiredAt?.toISOString() ?? null,
    published: row.status === 'active' || (row.retiredAt !== null && row.retiredAt > publishedSince),
  };
}

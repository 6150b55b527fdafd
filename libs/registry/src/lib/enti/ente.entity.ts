import type { Opt } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { EnteKind } from '@interscambio/enti';

/** A comune or città metropolitana that may publish and read; seeded from ISTAT data by `migrate`. */
@Entity({ tableName: 'ente' })
export class Ente {
  /** Six digits; a città metropolitana is its provincia code followed by 000 (082000). */
  @PrimaryKey({ type: 'text' })
  codiceIstat!: string;

  @Property({ type: 'text' })
  nome!: string;

  @Property({ type: 'text' })
  kind!: EnteKind;

  /** Three digits: 082 Palermo, 083 Messina. */
  @Property({ type: 'text' })
  provincia!: string;

  /** The ente's code in the Indice delle Pubbliche Amministrazioni, once an operator records it. */
  @Property({ type: 'text', nullable: true })
  codiceIpa: string | null = null;

  @Property({ type: 'boolean' })
  enabled: Opt<boolean> = true;

  @Property({ type: 'datetime' })
  updatedAt: Opt<Date> = new Date();
}

import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { qualifiedTable } from '../src/lib/sql/identifier';

/**
 * The tests' own row: MikroORM will not start without an entity, and the tests of what runs on the
 * ORM (migrations, units of work, a consumer's transaction) need one to write and read back.
 */
@Entity({ tableName: 'probe' })
export class Probe {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @Property({ type: 'integer' })
  n!: number;
}

/** The DDL of Probe's table: in `schema`, or where the connection's search path puts it. */
export function createProbeTable(schema?: string): string {
  const table = schema === undefined ? '"probe"' : qualifiedTable(schema, 'probe');
  return `create table ${table} ("id" text primary key, "n" integer not null)`;
}

export { migrate, openOrm } from './lib/orm';
export { migrationList } from './lib/migration-list';
export { statementTrigger } from './lib/statement-trigger';
export type { PersistenceOptions } from './lib/orm';
export { assertMigrated, ServiceDatabase, whenMigrated } from './lib/service-database';
export type { ServedDatabase, ServiceSchema } from './lib/service-database';
export { prepared } from './lib/sql/sql-executor';
export type { PreparedStatement, SqlExecutor } from './lib/sql/sql-executor';
export { inTransaction } from './lib/sql/transaction';
export { createPool } from './lib/sql/pool';
export { changeChannel, InvalidIdentifierError, qualifiedTable, quoteIdentifier } from './lib/sql/identifier';
export { ColumnCipher } from './lib/crypto/column-cipher';
export { ChangeSignal } from './lib/sql/change-signal';
export type { ChangeSignalOptions } from './lib/sql/change-signal';
export {
  bool,
  bytes,
  int,
  json,
  jsonObject,
  nullable,
  oneOf,
  rowParser,
  text,
  textArray,
  textRecord,
  timestamp,
} from './lib/sql/row-parser';
export type { Column, RowOf } from './lib/sql/row-parser';

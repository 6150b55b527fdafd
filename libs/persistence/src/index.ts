export { migrate, openOrm } from './lib/orm';
export type { PersistenceOptions } from './lib/orm';

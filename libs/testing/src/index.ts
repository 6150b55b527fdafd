export { testDatabase } from './lib/test-database';
export type { TestDatabase } from './lib/test-database';
export { testKafkaBrokers, uniqueName } from './lib/test-kafka';

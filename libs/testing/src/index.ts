export { testDatabase } from './lib/test-database';
export type { TestDatabase } from './lib/test-database';
export { testKafkaBrokers, uniqueName } from './lib/test-kafka';
export { OutputCapture } from './lib/output-capture';
export { secretsIn } from './lib/secret-scan';
export { freePort } from './lib/free-port';
export { eventually } from './lib/eventually';
export type { EventuallyOptions } from './lib/eventually';

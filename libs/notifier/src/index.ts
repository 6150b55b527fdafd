export { createNotifierApp, notifierApiDocument } from './lib/notifier.app';
export { runNotifier } from './lib/notifier.runner';
export { loadNotifierConfig } from './lib/config/notifier.config';
export type { DeliveryConfig, NotifierConfig } from './lib/config/notifier.config';
export { migrateNotifier } from './lib/storage/notifier.database';
export type { RecordFilter } from './lib/subscriptions/record-filter';

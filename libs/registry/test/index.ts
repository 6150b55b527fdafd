export { startRegistryTestApp } from './registry-test-app';
export type { RegistryTestApp, RegistryTestOptions, TestClient } from './registry-test-app';
export { basicAuthorization } from './registry-http';
export type { HttpResult, RequestOptions } from './registry-http';
export { TopicEvents } from './topic-events';

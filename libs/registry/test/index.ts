export { startRegistryTestApp } from './registry-test-app';
export type { RegistryTestApp, RegistryTestOptions, TestClient, TestClientSpec } from './registry-test-app';
export { basicAuthorization, RegistryHttp } from './registry-http';
export type { HttpResult, RequestOptions } from './registry-http';
export { TopicEvents } from './topic-events';

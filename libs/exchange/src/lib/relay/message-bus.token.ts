/** DI token of the MessageBus the outbox relay publishes through (Kafka behind our own interface). */
export const MESSAGE_BUS = Symbol('MESSAGE_BUS');

/** DI token of a MessageBus that gives up fast, for health checks that must answer in seconds. */
export const PROBE_BUS = Symbol('PROBE_BUS');

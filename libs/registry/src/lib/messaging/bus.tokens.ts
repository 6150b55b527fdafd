/** DI token of the MessageBus the outbox relay publishes through and the agreements topic is created with. */
export const MESSAGE_BUS = Symbol('MESSAGE_BUS');

/** DI token of a MessageBus that gives up fast, for the status check and the boot-time topic creation. */
export const PROBE_BUS = Symbol('PROBE_BUS');

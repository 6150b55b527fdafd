import { startTracing } from '@interscambio/observability';
// Before the rest loads pg and the http server: OpenTelemetry's instrumentations patch modules as
// they load. Nothing starts unless OTEL_* variables configure an exporter.
startTracing('console');
import 'reflect-metadata';
import { runConsole } from '@interscambio/console';

void runConsole();

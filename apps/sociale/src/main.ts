import { startTracing } from '@interscambio/observability';
// Before the rest loads pg and the http server: OpenTelemetry's instrumentations patch modules as
// they load. Nothing starts unless OTEL_* variables configure an exporter.
startTracing('sociale');
import 'reflect-metadata';
import { runTheme } from '@interscambio/exchange';
import { socialeTheme } from './sociale.theme';

void runTheme(socialeTheme);

import type { MessageBus } from '@interscambio/messaging';
import type { NestLevel } from '@interscambio/observability';
import type { ThemeOptions } from '../src/index';
import { startThemeTestApp } from './theme-test-app';
import type { ThemeTestApp } from './theme-test-app';

export type RunningTheme = ThemeTestApp;

/**
 * Starts a theme in-process on a database schema of its own, sharing `topicPrefix` with the other
 * themes of a flow test so that their events meet on the same topics.
 */
export function startFlowTheme(
  theme: ThemeOptions,
  name: string,
  topicPrefix: string,
  logLevels?: NestLevel[],
): Promise<RunningTheme> {
  return startThemeTestApp(theme, name, { KAFKA_TOPIC_PREFIX: topicPrefix }, logLevels);
}

/** Stops the themes of a flow test (consumers first), drops their schemas and the test's topics. */
export async function stopFlowThemes(themes: RunningTheme[], bus: MessageBus, topicPrefix: string): Promise<void> {
  for (const r of themes) await r.close();
  const admin = await bus.admin();
  const mine = (await admin.listTopics()).filter((t) => t.startsWith(`${topicPrefix}.`));
  if (mine.length > 0) await admin.deleteTopics(mine);
  await admin.close();
}

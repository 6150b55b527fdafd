import type { AgreementState } from '@interscambio/access';
import type { NestLevel } from '@interscambio/observability';
import { AgreementPublisher, agreementsHandled } from './agreement-publisher';
import { provaTheme } from './prova-theme';
import { startThemeTestApp } from './theme-test-app';
import type { ThemeTestApp } from './theme-test-app';

export interface ProvaTestAppOptions {
  /** Variables added to or overriding the test app's own (see startThemeTestApp). */
  env?: Record<string, string>;
  logLevels?: NestLevel[];
  /** Adds the riservato type that admits any further property (see provaTheme). */
  openType?: boolean;
}

/**
 * The theme `prova` served by a theme test app on schema and topics of its own; `close()` also
 * deletes the schemas directory that provaTheme wrote.
 */
export async function startProvaTestApp(name: string, options: ProvaTestAppOptions = {}): Promise<ThemeTestApp> {
  const prova = provaTheme({ openType: options.openType });
  try {
    const t = await startThemeTestApp(prova.theme, name, options.env, options.logLevels);
    const close = async (): Promise<void> => {
      try {
        await t.close();
      } finally {
        prova.remove();
      }
    };
    return { ...t, close };
  } catch (error) {
    prova.remove();
    throw error;
  }
}

export interface ProvaTestAppWithAgreements extends ThemeTestApp {
  /** Publishes agreement states as the registry does; resolves once the service has handled them all. */
  publishAgreements(...states: AgreementState[]): Promise<void>;
}

/** startProvaTestApp, with a stand-in for the registry's agreements topic that `close()` stops too. */
export async function startProvaTestAppWithAgreements(
  name: string,
  options: ProvaTestAppOptions = {},
): Promise<ProvaTestAppWithAgreements> {
  const t = await startProvaTestApp(name, options);
  const agreements = await AgreementPublisher.start(t.topicPrefix);
  return {
    ...t,
    async publishAgreements(...states) {
      const ids: string[] = [];
      for (const state of states) ids.push(await agreements.publish(state));
      await agreementsHandled(t.sql, ids);
    },
    async close() {
      await agreements.close();
      await t.close();
    },
  };
}

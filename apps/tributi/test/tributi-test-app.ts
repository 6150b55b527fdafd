import { startThemeTestApp } from '@interscambio/exchange/testing';
import type { ThemeTestApp } from '@interscambio/exchange/testing';
import { KafkajsBus } from '@interscambio/messaging';
import { testKafkaBrokers, uniqueName } from '@interscambio/testing';
import { tributiTheme } from '../src/tributi.theme';
import { EventCollector } from './event-collector';

export interface TributiTestApp extends ThemeTestApp {
  topic(type: string): string;
  /** Collects the events of `types` from the beginning of their (pre-created) topics. */
  collect(...types: string[]): Promise<EventCollector>;
}

/** The tributi service in-process on its own schema and its own topics, migrated like `npm start` does. */
export async function startTributi(name: string, env: Record<string, string> = {}): Promise<TributiTestApp> {
  const t = await startThemeTestApp(tributiTheme, name, env);
  const bus = new KafkajsBus(testKafkaBrokers(), uniqueName('tributi-test'));
  const collectors: EventCollector[] = [];
  const topic = (type: string): string => `${t.topicPrefix}.tributi.${type}`;
  return {
    ...t,
    topic,
    async collect(...types) {
      const collector = await EventCollector.start(bus, types.map(topic));
      collectors.push(collector);
      return collector;
    },
    async close() {
      await Promise.all(collectors.map((c) => c.close()));
      await t.close();
    },
  };
}

export interface TributiWithEvents extends TributiTestApp {
  /** The posizione-debitoria events, collected from the start. */
  events: EventCollector;
}

/** startTributi, collecting the events of posizione-debitoria from its first write on. */
export async function startTributiWithEvents(name: string): Promise<TributiWithEvents> {
  const t = await startTributi(name);
  return { ...t, events: await t.collect('posizione-debitoria') };
}

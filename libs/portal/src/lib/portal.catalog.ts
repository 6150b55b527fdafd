import { buildAsyncApi } from '@interscambio/exchange';
import { defaultSchemasDir, SchemaCatalog } from '@interscambio/schemas';
import { recordTypeVersions, versionDiff } from './catalog/schema-versions';
import type { RecordTypeVersions, VersionDiff } from './catalog/schema-versions';
import type { PortalConfig } from './config/portal.config';
import type { ApiService } from './pages/reference.pages';
import { PortalNotFoundError } from './portal.errors';

/** A record type as the schema pages address it: /docs/schemi/:theme/:type. */
export interface TypeAddress {
  theme: string;
  type: string;
}

/** What the portal shows, read once at start-up from schemas/: the services, types, versions and event documents. */
export class PortalCatalog {
  readonly themes: string[];
  readonly services: ApiService[];
  readonly types: RecordTypeVersions[];
  private readonly events = new Map<string, Record<string, unknown>>();

  constructor(config: PortalConfig) {
    const dir = config.schemasDir ?? defaultSchemasDir();
    const catalog = SchemaCatalog.load(dir);
    this.themes = catalog.themes();
    this.types = recordTypeVersions(dir);
    this.services = [
      { name: 'registry', description: 'Enti, client, token (OAuth 2 client credentials) e accordi di fruizione.' },
      {
        name: 'notifier',
        description: 'Sottoscrizioni webhook: le modifiche dei record inviate al vostro gestionale.',
      },
      ...this.themes.map((theme) => ({
        name: theme,
        description: `Record del tema ${theme}: scrittura, lettura, feed delle modifiche, schemi, audit.`,
      })),
    ];
    for (const theme of this.themes)
      this.events.set(
        theme,
        buildAsyncApi(
          { theme, topicPrefix: config.topicPrefix, kafkaBrokers: config.kafkaBrokers },
          catalog.types(theme),
        ) as Record<string, unknown>,
      );
  }

  // Each lookup answers what the portal has, or a 404 saying which page lists what it has.
  service(name: string): ApiService {
    const service = this.services.find((s) => s.name === name);
    if (!service) throw new PortalNotFoundError(`Nessun servizio "${name}": /docs/api li elenca.`);
    return service;
  }

  asyncApi(theme: string): Record<string, unknown> {
    const document = this.events.get(theme);
    if (!document) throw new PortalNotFoundError(`Nessun tema "${theme}": /docs/eventi li elenca.`);
    return document;
  }

  type({ theme, type }: TypeAddress): RecordTypeVersions {
    const found = this.types.find((t) => t.theme === theme && t.type === type);
    if (!found) throw new PortalNotFoundError(`Nessun tipo di record ${theme}/${type}: /docs/schemi li elenca.`);
    return found;
  }

  /** Each version against the next, oldest first. */
  consecutiveDiffs(type: RecordTypeVersions): VersionDiff[] {
    return type.versions
      .slice(1)
      .map((v, i) => versionDiff(type, type.versions[i]?.version ?? '', v.version))
      .filter((d): d is VersionDiff => d !== undefined);
  }
}

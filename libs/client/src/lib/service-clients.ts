import createClient from 'openapi-fetch';
import type { Client, ClientOptions, Middleware } from 'openapi-fetch';
import type { paths as AmbienteTerritorioPaths } from '../generated/ambiente-territorio';
import type { paths as CulturaPaths } from '../generated/cultura';
import type { paths as EdiliziaCatastoPaths } from '../generated/edilizia-catasto';
import type { paths as LavoriPubbliciPaths } from '../generated/lavori-pubblici';
import type { paths as LavoroFormazionePaths } from '../generated/lavoro-formazione';
import type { paths as NotifierPaths } from '../generated/notifier';
import type { paths as RegistryPaths } from '../generated/registry';
import type { paths as SocialePaths } from '../generated/sociale';
import type { paths as TributiPaths } from '../generated/tributi';

/** Each theme's API, as its OpenAPI document describes it (paths relative to `/<theme>/v1`). */
export interface ThemeApis {
  'ambiente-territorio': AmbienteTerritorioPaths;
  cultura: CulturaPaths;
  'edilizia-catasto': EdiliziaCatastoPaths;
  'lavori-pubblici': LavoriPubbliciPaths;
  'lavoro-formazione': LavoroFormazionePaths;
  sociale: SocialePaths;
  tributi: TributiPaths;
}
export type Theme = keyof ThemeApis;

export interface ServiceClientOptions extends Omit<ClientOptions, 'baseUrl'> {
  /** The platform's base URL, the gateway: `http://localhost:8080` for the sandbox. */
  baseUrl: string;
  /** Adds the bearer token to every request, e.g. `clientCredentials(…)`. */
  auth?: Middleware;
}

function serviceClient<Paths extends object>(path: string, options: ServiceClientOptions): Client<Paths> {
  const { baseUrl, auth, ...rest } = options;
  const client = createClient<Paths>({ ...rest, baseUrl: `${baseUrl.replace(/\/+$/, '')}${path}` });
  if (auth) client.use(auth);
  return client;
}

/** A theme's records, feed, schemas and audit: `themeClient('tributi', { baseUrl, auth })`. */
export function themeClient<T extends Theme>(theme: T, options: ServiceClientOptions): Client<ThemeApis[T]> {
  return serviceClient<ThemeApis[T]>(`/${theme}/v1`, options);
}

/** The registry: tokens, enti, clients, agreements. */
export function registryClient(options: ServiceClientOptions): Client<RegistryPaths> {
  return serviceClient<RegistryPaths>('/registry/v1', options);
}

/** The notifier's webhook subscriptions. */
export function notifierClient(options: ServiceClientOptions): Client<NotifierPaths> {
  return serviceClient<NotifierPaths>('/notifier/v1', options);
}

export { notifierClient, registryClient, themeClient } from './lib/service-clients';
export type { ServiceClientOptions, Theme, ThemeApis } from './lib/service-clients';
export { bearerToken, clientCredentials, requestToken, TokenRequestError } from './lib/client-credentials';
export type { ClientCredentials } from './lib/client-credentials';
export type { Client, Middleware } from 'openapi-fetch';
// Each service's generated types, `paths` and `components`: `Tributi.components['schemas']['VersamentoV1']`.
export type * as AmbienteTerritorio from './generated/ambiente-territorio';
export type * as Cultura from './generated/cultura';
export type * as EdiliziaCatasto from './generated/edilizia-catasto';
export type * as LavoriPubblici from './generated/lavori-pubblici';
export type * as LavoroFormazione from './generated/lavoro-formazione';
export type * as Notifier from './generated/notifier';
export type * as Registry from './generated/registry';
export type * as Sociale from './generated/sociale';
export type * as Tributi from './generated/tributi';

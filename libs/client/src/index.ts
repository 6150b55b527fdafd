export { notifierClient, registryClient, themeClient } from './lib/service-clients';
export type { ServiceClientOptions, Theme, ThemeApis } from './lib/service-clients';
export { bearerToken, clientCredentials, requestToken, TokenRequestError } from './lib/client-credentials';
export type { ClientCredentials } from './lib/client-credentials';
export type { Client, Middleware } from 'openapi-fetch';
export type { components as TributiComponents, paths as TributiPaths } from './generated/tributi';
export type { components as SocialeComponents, paths as SocialePaths } from './generated/sociale';
export type {
  components as EdiliziaCatastoComponents,
  paths as EdiliziaCatastoPaths,
} from './generated/edilizia-catasto';
export type { components as LavoriPubbliciComponents, paths as LavoriPubbliciPaths } from './generated/lavori-pubblici';
export type {
  components as LavoroFormazioneComponents,
  paths as LavoroFormazionePaths,
} from './generated/lavoro-formazione';
export type { components as CulturaComponents, paths as CulturaPaths } from './generated/cultura';
export type {
  components as AmbienteTerritorioComponents,
  paths as AmbienteTerritorioPaths,
} from './generated/ambiente-territorio';
export type { components as RegistryComponents, paths as RegistryPaths } from './generated/registry';
export type { components as NotifierComponents, paths as NotifierPaths } from './generated/notifier';

// Who may import whom, on two axes. A theme uses itself and shared/platform code; nothing imports an
// app; shared code never reaches into a theme or the platform's services. Used by eslint.config.mjs
// and by the test that proves a wrong import fails lint (tools/boundaries).
export const themes = [
  'sociale',
  'edilizia-catasto',
  'tributi',
  'lavori-pubblici',
  'cultura',
  'lavoro-formazione',
  'ambiente-territorio',
];
const platformServices = ['registry', 'notifier', 'console'];

export const depConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:util'] },
  { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:util'] },
  { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:util'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['scope:platform', 'scope:shared'] },
  ...[...themes, ...platformServices].map((scope) => ({
    sourceTag: `scope:${scope}`,
    onlyDependOnLibsWithTags: [`scope:${scope}`, 'scope:platform', 'scope:shared'],
  })),
];

export const boundariesRule = [
  'error',
  { enforceBuildableLibDependency: true, banTransitiveDependencies: true, allow: [], depConstraints },
];

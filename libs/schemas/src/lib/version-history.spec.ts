import { recordSchema, schemaDir } from '../../test/schema-dir.fixture';
import { defaultSchemasDir } from './schemas-dir';
import { findIncompatibleVersions } from './version-history';

describe('findIncompatibleVersions', () => {
  it('finds every version of every type in the repository compatible with its predecessor', () => {
    expect(findIncompatibleVersions(defaultSchemasDir())).toEqual([]);
  });

  it('accepts a history whose every minor only widens the one before', () => {
    const fixture = schemaDir({
      'prova/campione/history/1.0.json': recordSchema('prova', 'campione', 1, {
        properties: { anno: { type: 'integer' } },
      }),
      'prova/campione/history/1.1.json': recordSchema('prova', 'campione', 1, {
        properties: { anno: { type: 'integer' }, nota: { type: 'string' } },
      }),
      'prova/campione/1.json': recordSchema('prova', 'campione', 1, {
        properties: { anno: { type: 'number' }, nota: { type: 'string' } },
      }),
      'prova/campione/2.json': recordSchema('prova', 'campione', 2, { required: ['anno', 'nota'] }),
    });
    try {
      expect(findIncompatibleVersions(fixture.dir)).toEqual([]);
    } finally {
      fixture.remove();
    }
  });

  it('names the version that narrows its predecessor and why', () => {
    const fixture = schemaDir({
      'prova/campione/history/1.0.json': recordSchema('prova', 'campione', 1),
      'prova/campione/1.json': recordSchema('prova', 'campione', 1, { required: ['anno', 'nota'] }),
    });
    try {
      expect(findIncompatibleVersions(fixture.dir)).toEqual([
        'prova/campione/1.json rejects documents prova/campione/history/1.0.json accepted — /required: "nota" is newly required; make it a new major instead',
      ]);
    } finally {
      fixture.remove();
    }
  });

  it('reports a history with no current version and a misplaced file', () => {
    const fixture = schemaDir({
      'prova/campione/history/3.0.json': recordSchema('prova', 'campione', 3),
      'prova/campione/history/1.json': recordSchema('prova', 'campione', 1),
    });
    try {
      const lines = findIncompatibleVersions(fixture.dir);
      expect(lines).toContainEqual(expect.stringContaining('history/1.json expected'));
      expect(lines).toContainEqual('prova/campione/history/3.0.json has no current version 3.json beside its history');
    } finally {
      fixture.remove();
    }
  });
});

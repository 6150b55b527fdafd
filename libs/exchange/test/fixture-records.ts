import { comuni } from '@interscambio/enti';
import { generateRecords } from '@interscambio/fixtures';
import { SchemaCatalog } from '@interscambio/schemas';
import { forSuite } from '@interscambio/testing';
import type { BatchItemResult, ThemeOptions } from '../src/index';
import { startThemeTestApp } from './theme-test-app';

/**
 * Batch-writes the fixtures' records (3 per ente, 10 comuni of Palermo and 10 of Messina) of every
 * record type of `theme` through HTTP: the generator must satisfy the theme's rules, not only its schemas.
 */
export function describeFixtureRecords(theme: ThemeOptions): void {
  const catalog = SchemaCatalog.load(theme.schemasDir);
  const enti = [...comuni('palermo').slice(0, 10), ...comuni('messina').slice(0, 10)];
  const types = catalog.types(theme.theme).map((info) => info.type);

  describe(`${theme.theme}: generated fixtures, through the batch API`, () => {
    const t = forSuite(() => startThemeTestApp(theme, `${theme.theme.replace(/-/g, '_')}_fixtures`));

    it.each(types)('creates every generated %s with 201', async (type) => {
      const items = generateRecords({ theme: theme.theme, type, enti, perEnte: 3, seed: 42, catalog });
      // A client writes as its own ente only: one batch per ente, each with that ente's token.
      const results: BatchItemResult[] = [];
      for (const { codiceIstat: ente } of enti) {
        const res = await t.app.inject({
          method: 'POST',
          url: `/${theme.theme}/v1/records/${type}/batch`,
          headers: t.as(ente),
          payload: { items: items.filter((i) => i.ente === ente) },
        });
        expect(res.statusCode).toBe(200);
        results.push(...res.json<{ items: BatchItemResult[] }>().items);
      }
      expect(results.filter((r) => r.status !== 201)).toEqual([]);
      expect(results).toHaveLength(60);
    });
  });
}

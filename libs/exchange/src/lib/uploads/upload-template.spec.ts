import { SchemaCatalog } from '@interscambio/schemas';
import { mapHeader } from './upload-header';
import { rowCommand } from './upload-row';
import { templateRows } from './upload-template';

const catalog = SchemaCatalog.load();

describe('the upload template of every record type', () => {
  it.each(catalog.types().map((info) => [`${info.theme}/${info.type}`, info] as const))(
    '%s: unique Italian headers, and its example row reads back as a document the schema accepts',
    (_, info) => {
      const { columns, header, example } = templateRows(info);
      expect(new Set(header).size).toBe(header.length);
      const mapped = mapHeader(header, columns);
      if (!('columns' in mapped)) throw new Error(JSON.stringify(mapped.issues));
      const made = rowCommand(info.type, mapped.columns, { number: 2, cells: example }, '082053');
      if (!('command' in made)) throw new Error(JSON.stringify(made.errors));
      expect(made.command).toMatchObject({ ente: '082053', key: 'ESEMPIO-1' });
      const data = made.command.op === 'put' ? made.command.data : undefined;
      expect(catalog.validate(info.theme, info.type, data)).toEqual([]);
    },
  );
});

import type { IssueDetail } from '@interscambio/http';
import type { UploadColumn } from './upload-columns';

const normal = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The type's column under each header of a file: a header is the template's Italian one or the
 * field's dotted path, in any case. Unknown, repeated or missing (Chiave) columns are the file's issues.
 */
export function mapHeader(
  header: string[],
  columns: UploadColumn[],
): { columns: UploadColumn[] } | { issues: IssueDetail[] } {
  const byName = new Map<string, UploadColumn>();
  for (const column of columns) {
    byName.set(normal(column.header), column);
    byName.set(normal(column.path), column);
  }
  const issues: IssueDetail[] = [];
  const mapped: UploadColumn[] = [];
  const seen = new Set<string>();
  header.forEach((name, i) => {
    const column = byName.get(normal(name));
    const pointer = `/columns/${i + 1}`;
    if (!column)
      issues.push({
        pointer,
        keyword: 'column',
        message:
          name.trim() === ''
            ? `la colonna ${i + 1} non ha intestazione: scrivere quella del modello o eliminare la colonna`
            : `la colonna «${name.slice(0, 100)}» non appartiene a questo tipo di record`,
      });
    else if (seen.has(column.path))
      issues.push({ pointer, keyword: 'column', message: `la colonna «${column.header}» compare due volte` });
    else {
      seen.add(column.path);
      mapped.push(column);
    }
  });
  if (!seen.has('key'))
    issues.push({
      pointer: '/columns',
      keyword: 'required',
      message: 'manca la colonna «Chiave», che identifica ogni record',
    });
  return issues.length > 0 ? { issues } : { columns: mapped };
}

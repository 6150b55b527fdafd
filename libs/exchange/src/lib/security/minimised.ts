/** How a record was read: through the agreement (and the fields it names) that let the caller see it, if any. */
export interface GrantedRead {
  agreement_id: string | null;
  fields: string[] | null;
}

/** The fields a read through an agreement showed: the agreement's when it names them, else all (null). */
export function shownFields(read: GrantedRead): string[] | null {
  return read.agreement_id ? read.fields : null;
}

/**
 * What a read shows of a record's data: only the fields its agreement names, when it came through
 * one that names them, else all of it. A tombstone (null) shows nothing. The record, its history and
 * the feed answer with this, and audit the same shownFields.
 */
export function shownData(read: GrantedRead & { data: unknown }): unknown {
  const fields = shownFields(read);
  return fields && read.data !== null ? minimised(read.data, fields) : read.data;
}

/**
 * The document as an agreement that names fields lets its reader see it: only the values at those
 * JSON pointers, inside the objects that hold them (an array whole). Data minimisation: a purpose
 * that needs a person's status does not receive their closing reason.
 */
export function minimised(document: unknown, pointers: readonly string[]): unknown {
  const shown: Record<string, unknown> = {};
  for (const pointer of pointers) {
    const path = pointer
      .slice(1)
      .split('/')
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    let source: unknown = document;
    for (const segment of path) {
      source = isObject(source) && Object.hasOwn(source, segment) ? source[segment] : undefined;
      if (source === undefined) break;
    }
    if (source !== undefined) place(shown, path, source);
  }
  return shown;
}

function place(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const segment of path.slice(0, -1)) {
    if (!isObject(node[segment])) node[segment] = {};
    node = node[segment] as Record<string, unknown>;
  }
  node[path.at(-1) as string] = value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

import type { FastifyAdapter } from '@nestjs/platform-fastify';
import { ProblemError } from '@interscambio/http';

/** What browsers and clients send a CSV or XLSX as (Windows calls a .csv `application/vnd.ms-excel`). */
export const SPREADSHEET_MEDIA_TYPES = [
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'application/octet-stream',
];

/**
 * An upload's body reaches its handler as the request stream, unread (upload.receiver.ts spools it
 * with its own limit): no 64 MB buffer per request. Any other route refuses these types.
 */
export function acceptSpreadsheets(adapter: FastifyAdapter): void {
  adapter.getInstance().addContentTypeParser(SPREADSHEET_MEDIA_TYPES, (request, payload, done) => {
    if (request.url.split('?')[0]?.endsWith('/uploads')) return done(null, payload);
    done(
      new ProblemError(
        'unsupported-media-type',
        415,
        { it: 'Tipo di contenuto non supportato', en: 'Unsupported media type' },
        {
          it: 'Solo i caricamenti di fogli di calcolo (…/records/<tipo>/uploads) accettano CSV o XLSX; questo percorso accetta application/json.',
          en: 'Only spreadsheet uploads (…/records/<type>/uploads) take CSV or XLSX; this route takes application/json.',
        },
      ),
      undefined,
    );
  });
}

import { MalformedJsonError, ValidationError } from '../problem/problem.error';
import { toProblem } from '../problem/problem';
import { requestLanguage } from './language';

const asking = (value?: string) => ({ headers: value === undefined ? {} : { 'accept-language': value } });

describe('the language of an answer', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['it', 'it'],
    ['it-IT,it;q=0.9,en;q=0.8', 'it'],
    ['en-GB, it;q=0.5', 'en'],
    ['fr, it;q=0.4', 'it'],
    ['it;q=0, en', 'en'],
    ['de', 'en'],
  ])('Accept-Language %p is answered in %p', (header, language) => {
    expect(requestLanguage(asking(header))).toBe(language);
  });

  it('falls back to the language the caller of requestLanguage chooses when none of ours is asked', () => {
    expect(requestLanguage(asking('de'), 'it')).toBe('it');
    expect(requestLanguage(asking(), 'it')).toBe('it');
  });
});

describe('a problem in Italian', () => {
  it('says title and detail in Italian, and puts JSON Schema issues into Italian with ajv-i18n', () => {
    const error = new ValidationError([
      { pointer: '/anno', keyword: 'type', message: 'must be integer', params: { type: 'integer' } },
      { pointer: '/cf', keyword: 'codiceFiscale', message: 'is not a valid codice fiscale', it: 'non è valido' },
    ]);
    const problem = toProblem(error, 'it');
    expect(problem).toMatchObject({
      title: 'Validazione non riuscita',
      detail: 'Il documento non è conforme al tipo di record.',
      errors: [
        { pointer: '/anno', keyword: 'type', message: 'deve essere di tipo integer', params: { type: 'integer' } },
        { pointer: '/cf', keyword: 'codiceFiscale', message: 'non è valido' },
      ],
    });
    expect(problem.errors?.[1]).not.toHaveProperty('it');
  });

  it('keeps English for an English caller, and as the message logs show', () => {
    const error = new MalformedJsonError();
    expect(toProblem(error, 'en')).toMatchObject({ title: 'Malformed JSON', detail: 'The body is not valid JSON.' });
    expect(toProblem(error, 'it')).toMatchObject({ title: 'JSON non valido' });
    expect(error.message).toBe('The body is not valid JSON.');
  });

  it('answers a bare 500 in Italian without saying more', () => {
    expect(toProblem(new Error('secret detail'), 'it')).toMatchObject({
      status: 500,
      title: 'Errore interno del server',
      detail: 'Non è stato possibile completare la richiesta.',
    });
  });
});

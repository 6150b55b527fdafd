import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { answerFaults } from './answer-check';
import { mutatedDocuments } from './document-mutations';
import { jsonText, RawJson } from './json-text';
import { percentEncode } from './request-parts';
import { readAnswers } from './raw-http';
import { schemaValues } from './schema-values';

const SCHEMAS = path.resolve(__dirname, '../../../schemas');

function recordSchemas(): [string, Record<string, unknown>][] {
  return readdirSync(SCHEMAS, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\/1\.json$/.test(file) && !file.includes('invalid'))
    .map((file) => [file, JSON.parse(readFileSync(path.join(SCHEMAS, file), 'utf8')) as Record<string, unknown>]);
}

describe('the hostile-input kit', () => {
  const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));

  it.each(recordSchemas())('generates documents the %s schema accepts, bar its if/then rules', (_file, schema) => {
    const validate = ajv.compile(schema);
    const values = fc.sample(schemaValues(schema, { root: schema }), { numRuns: 40, seed: 13 });
    const refused = values.filter((v) => !validate(v) && !validate.errors?.some((e) => e.keyword === 'if'));
    expect(refused).toEqual([]);
  });

  it('mutates a document somewhere, never into the same document', () => {
    const valid = fc.constant({ anno: 2024, nota: 'testo', righe: [1, 2] });
    const texts = fc.sample(mutatedDocuments(valid), { numRuns: 200, seed: 13 }).map(jsonText);
    expect(texts.filter((t) => t === '{"anno":2024,"nota":"testo","righe":[1,2]}').length).toBeLessThan(10);
    expect(new Set(texts).size).toBeGreaterThan(100);
  });

  it('keeps __proto__ an own key and splices raw JSON in as written', () => {
    const document = JSON.parse('{"__proto__":{"x":1}}') as object;
    expect(jsonText({ a: new RawJson('1e400'), b: document })).toBe('{"a":1e400,"b":{"__proto__":{"x":1}}}');
  });

  it('percent-encodes a lone surrogate as the bytes a careless client sends', () => {
    expect(percentEncode('a\ud800/é')).toBe('a%ED%A0%80%2F%C3%A9');
  });

  it('reads every answer a connection carried, bodies by their length or chunks', () => {
    const text =
      'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 400 Bad Request\r\nContent-Length: 2\r\n\r\n{}' +
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n';
    expect(readAnswers(text).answers.map((a) => [a.status, a.body])).toEqual([
      [100, ''],
      [400, '{}'],
      [200, 'ok'],
    ]);
  });

  it('faults a 5xx, a 4xx that is not problem+json, and a problem without its members', () => {
    const problem = (status: number, body: object): string[] =>
      answerFaults({ status, headers: { 'content-type': 'application/problem+json' }, body: JSON.stringify(body) });
    expect(problem(400, { status: 400, code: 'bad-request', title: 'Bad request' })).toEqual([]);
    expect(problem(503, { status: 503, code: 'x', title: 'y' })).toHaveLength(1);
    expect(problem(404, { status: 400, title: 'Not found' })).toHaveLength(2);
    expect(answerFaults({ status: 404, headers: { 'content-type': 'application/json' }, body: '{}' })).toHaveLength(1);
    expect(answerFaults({ status: 201, headers: {}, body: '' })).toEqual([]);
  });
});

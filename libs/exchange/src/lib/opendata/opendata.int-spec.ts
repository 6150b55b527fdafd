import jsonld from 'jsonld';
import { forSuite } from '@interscambio/testing';
import { startProvaTestApp } from '../../../test/prova-test-app';
import { OpenDataRefresher } from './opendata.refresher';

const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const DCATAPIT = 'http://dati.gov.it/onto/dcatapit#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const BY_SA = 'https://creativecommons.org/licenses/by-sa/4.0/';

// DCAT-AP_IT's mandatory properties (profile 1.1 of AgID) for what the export describes.
const DATASET = ['identifier', 'title', 'description', 'modified', 'publisher', 'rightsHolder', 'accrualPeriodicity'];
const DATASET_DCAT = ['theme', 'distribution'];

interface Quad {
  subject: { value: string };
  predicate: { value: string };
  object: { value: string };
}

describe('open data: the pubblico records exported with DCAT-AP_IT metadata', () => {
  const t = forSuite(() => startProvaTestApp('opendata', { env: { OPENDATA_LICENCES: `082006=${BY_SA}` } }));
  const put = (ente: string, type: string, key: string, nota: string) =>
    t.call(ente, { method: 'PUT', url: `/prova/v1/records/${type}/${ente}/${key}`, payload: { anno: 2024, nota } });

  beforeAll(async () => {
    await put('082053', 'avviso', 'A-1', 'strada chiusa');
    await put('082053', 'avviso', 'A-2', 'da cancellare');
    await put('082053', 'avviso', 'A-1', 'strada riaperta');
    await t.call('082053', { method: 'DELETE', url: '/prova/v1/records/avviso/082053/A-2' });
    await put('082006', 'avviso', 'B-1', 'mercato spostato');
    await put('082053', 'pratica', 'P-1', 'SEGRETO-RISERVATO');
    await put('082053', 'fascicolo', 'F-1', 'SEGRETO-PERSONALE');
    await t.app.get(OpenDataRefresher).refresh();
  });

  const get = (url: string) => t.app.inject({ method: 'GET', url: `/prova/v1/opendata/${url}` });

  it('exports the live pubblico records of each ente as JSON and CSV, kept current from the feed', async () => {
    const json = await get('avviso/082053.json');
    expect(json.statusCode).toBe(200);
    expect(json.json()).toEqual([
      { key: 'A-1', revision: 2, updatedAt: expect.any(String), data: { anno: 2024, nota: 'strada riaperta' } },
    ]);
    const csv = await get('avviso/082053.csv');
    expect(csv.body.replace(/^\ufeff/, '').split('\r\n')).toEqual([
      'Ente;Chiave;Anno;Nota',
      '082053;A-1;2024;strada riaperta',
      '',
    ]);
  });

  it('never exports riservato or personale records', async () => {
    for (const url of ['pratica/082053.json', 'fascicolo/082053.csv'])
      expect((await get(url)).json()).toMatchObject({ status: 404, code: 'dataset-not-found' });
    const everything = [
      (await get('catalog.jsonld')).body,
      (await get('avviso/082053.json')).body,
      (await get('avviso/082053.csv')).body,
    ].join('\n');
    expect(everything).not.toMatch(/SEGRETO|pratica|fascicolo/);
    const { rows } = await t.sql.query(`select distinct type from opendata_record`);
    expect(rows).toEqual([{ type: 'avviso' }]);
  });

  it('describes each dataset and distribution with the mandatory DCAT-AP_IT properties, parsed as RDF', async () => {
    const res = await get('catalog.jsonld');
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    const quads = (await jsonld.toRDF(res.json())) as unknown as Quad[];
    const of = (subject: string, predicate: string) =>
      quads.filter((q) => q.subject.value === subject && q.predicate.value === predicate).map((q) => q.object.value);
    const typed = (type: string) =>
      quads.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === type).map((q) => q.subject.value);

    const datasets = typed(`${DCATAPIT}Dataset`);
    expect(datasets.map((d) => d.replace(/^.*\/opendata\/prova\//, '')).sort()).toEqual([
      'avviso/082006',
      'avviso/082053',
    ]);
    for (const dataset of datasets) {
      expect(typed(`${DCAT}Dataset`)).toContain(dataset);
      for (const p of DATASET) expect(of(dataset, `${DCT}${p}`).length).toBeGreaterThan(0);
      for (const p of DATASET_DCAT) expect(of(dataset, `${DCAT}${p}`).length).toBeGreaterThan(0);
      for (const distribution of of(dataset, `${DCAT}distribution`)) {
        expect(typed(`${DCATAPIT}Distribution`)).toContain(distribution);
        expect(of(distribution, `${DCT}format`)).toHaveLength(1);
        expect(of(distribution, `${DCAT}accessURL`)).toHaveLength(1);
        expect(of(distribution, `${DCT}license`)).toHaveLength(1);
      }
    }
    const palermo = datasets.find((d) => d.endsWith('/082053')) as string;
    const publisher = of(palermo, `${DCT}publisher`)[0] as string;
    expect(of(publisher, `${DCT}identifier`)).toEqual(['c_g273']);
    expect(typed(`${DCATAPIT}Agent`)).toContain(publisher);
    expect(of(palermo, `${DCT}identifier`)).toEqual(['c_g273:prova.avviso']);
    const licences = (dataset: string) => of(dataset, `${DCAT}distribution`).flatMap((d) => of(d, `${DCT}license`));
    expect(new Set(licences(palermo))).toEqual(new Set(['https://creativecommons.org/licenses/by/4.0/']));
    expect(new Set(licences(datasets.find((d) => d.endsWith('/082006')) as string))).toEqual(new Set([BY_SA]));
    expect(typed(`${DCT}LicenseDocument`)).toEqual(expect.arrayContaining([BY_SA]));
  });
});

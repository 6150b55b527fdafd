import type { RecordTypeInfo } from '@interscambio/schemas';
import { DEFAULT_LICENCE } from './opendata.config';
import type { OpenDataConfig } from './opendata.config';

const EU = 'http://publications.europa.eu/resource/authority';
// The EU data theme of each platform theme (DCAT-AP_IT requires dcat:theme from this vocabulary).
const DATA_THEME: Record<string, string> = {
  sociale: 'SOCI',
  'edilizia-catasto': 'REGI',
  tributi: 'ECON',
  'lavori-pubblici': 'GOVE',
  cultura: 'EDUC',
  'lavoro-formazione': 'ECON',
  'ambiente-territorio': 'ENVI',
};

const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dcatapit: 'http://dati.gov.it/onto/dcatapit#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

export interface DatasetRow {
  type: string;
  ente: string;
  modified: Date;
}

export interface Publisher {
  name: string;
  /** The ente's code in the Indice delle Pubbliche Amministrazioni. */
  ipa: string;
}

const it = (value: string) => ({ '@value': value, '@language': 'it' });
const date = (d: Date) => ({ '@value': d.toISOString().slice(0, 10), '@type': 'xsd:date' });
const ref = (iri: string) => ({ '@id': iri });

/**
 * The DCAT-AP_IT catalog of a theme's open data, as JSON-LD: a dataset per pubblico type and
 * publishing ente, each with a CSV and a JSON distribution, its licence (CC BY 4.0 unless the ente
 * chose another), update frequency, EU data theme, and publisher and rights holder by IPA code.
 */
export function dcatCatalog(
  base: string,
  theme: string,
  datasets: DatasetRow[],
  types: Map<string, RecordTypeInfo>,
  publisher: (ente: string) => Publisher,
  config: OpenDataConfig,
): object {
  const agent = (ente: string) => {
    const p = publisher(ente);
    return {
      '@id': `${base}/enti/${ente}`,
      '@type': ['foaf:Agent', 'dcatapit:Agent'],
      'foaf:name': it(p.name),
      'dct:identifier': p.ipa,
    };
  };
  const modified = datasets.reduce((m, d) => (d.modified > m ? d.modified : m), new Date(0));
  return {
    '@context': CONTEXT,
    '@id': `${base}/catalog`,
    '@type': ['dcat:Catalog', 'dcatapit:Catalog'],
    'dct:title': it(`Interscambio – dati aperti del tema ${theme}`),
    'dct:description': it(`I record pubblici del tema ${theme} pubblicati dagli enti della Città Metropolitana.`),
    'dct:publisher': agent('082000'),
    'dct:modified': date(modified),
    'foaf:homepage': ref(base),
    'dcat:dataset': datasets.map((d) => {
      const info = types.get(d.type) as RecordTypeInfo;
      const p = publisher(d.ente);
      const licence = config.openDataLicences[d.ente] ?? DEFAULT_LICENCE;
      const distribution = (format: 'CSV' | 'JSON') => ({
        '@id': `${base}/${d.type}/${d.ente}.${format.toLowerCase()}`,
        '@type': ['dcat:Distribution', 'dcatapit:Distribution'],
        'dct:title': it(`${info.title} – ${p.name} (${format})`),
        'dct:format': ref(`${EU}/file-type/${format}`),
        'dcat:accessURL': ref(`${base}/${d.type}/${d.ente}.${format.toLowerCase()}`),
        'dcat:downloadURL': ref(`${base}/${d.type}/${d.ente}.${format.toLowerCase()}`),
        'dct:license': {
          '@id': licence,
          '@type': ['dct:LicenseDocument', 'dcatapit:LicenseDocument'],
          'dct:type': ref('http://purl.org/adms/licencetype/Attribution'),
          'foaf:name':
            licence === DEFAULT_LICENCE ? 'Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)' : licence,
        },
      });
      return {
        '@id': `${base}/${d.type}/${d.ente}`,
        '@type': ['dcat:Dataset', 'dcatapit:Dataset'],
        'dct:identifier': `${p.ipa}:${theme}.${d.type}`,
        'dct:title': it(`${info.title} – ${p.name}`),
        'dct:description': it(info.description),
        'dct:modified': date(d.modified),
        'dcat:theme': ref(`${EU}/data-theme/${DATA_THEME[theme] ?? 'GOVE'}`),
        'dct:accrualPeriodicity': ref(`${EU}/frequency/UPDATE_CONT`),
        'dct:publisher': agent(d.ente),
        'dct:rightsHolder': agent(d.ente),
        'dcat:distribution': [distribution('CSV'), distribution('JSON')],
      };
    }),
  };
}

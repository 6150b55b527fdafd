import { metricValue } from './metric-text';

const TEXT = `# HELP interscambio_records_total Records
# TYPE interscambio_records_total counter
interscambio_records_total{theme="tributi",type="versamento",ente="082053",outcome="accepted",reason="created"} 3
interscambio_records_total{theme="tributi",type="versamento",ente="082006",outcome="accepted",reason="created"} 2
interscambio_records_total{theme="tributi",type="versamento",ente="082053",outcome="rejected",reason="invalid-record"} 1
interscambio_degraded 0
`;

describe('metricValue, reading a Prometheus exposition back', () => {
  it('sums the samples whose labels include the ones asked for', () => {
    expect(metricValue(TEXT, 'interscambio_records_total', { outcome: 'accepted' })).toBe(5);
    expect(metricValue(TEXT, 'interscambio_records_total', { ente: '082053' })).toBe(4);
    expect(metricValue(TEXT, 'interscambio_degraded')).toBe(0);
  });

  it('is undefined for a metric or a label set with no sample', () => {
    expect(metricValue(TEXT, 'interscambio_dead_letters_total')).toBeUndefined();
    expect(metricValue(TEXT, 'interscambio_records_total', { ente: '083048' })).toBeUndefined();
  });
});

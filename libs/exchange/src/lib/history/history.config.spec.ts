import { ConfigError } from '@interscambio/config';
import { openDataConfig } from '../opendata/opendata.config';
import { historyConfig, historyHorizon } from './history.config';

describe('history retention and open-data licences, as configured', () => {
  it('keeps all history unless HISTORY_RETENTION_DAYS names the type or *', () => {
    const config = historyConfig({ HISTORY_RETENTION_DAYS: 'prestazione=30,*=365' });
    const now = new Date('2026-12-03T00:00:00Z');
    expect(historyHorizon(config, 'prestazione', now)?.toISOString()).toBe('2026-11-03T00:00:00.000Z');
    expect(historyHorizon(config, 'evento', now)?.toISOString()).toBe('2025-12-03T00:00:00.000Z');
    expect(historyHorizon(historyConfig({}), 'evento', now)).toBeNull();
  });

  it('stops start-up on a malformed retention or licence, naming the variable', () => {
    expect(() => historyConfig({ HISTORY_RETENTION_DAYS: 'prestazione' })).toThrow(ConfigError);
    expect(() => historyConfig({ HISTORY_RETENTION_DAYS: 'prestazione=0' })).toThrow(/HISTORY_RETENTION_DAYS/);
    expect(() => openDataConfig({ OPENDATA_LICENCES: '082053=cc-by' })).toThrow(/OPENDATA_LICENCES/);
    expect(openDataConfig({ OPENDATA_LICENCES: '082053=https://creativecommons.org/licenses/by-sa/4.0/' })).toEqual({
      openDataLicences: { '082053': 'https://creativecommons.org/licenses/by-sa/4.0/' },
    });
  });
});

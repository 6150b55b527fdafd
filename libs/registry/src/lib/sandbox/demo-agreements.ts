import type { Caller } from '@interscambio/access';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Agreement } from '../agreements/agreement.entity';
import type { NewAgreement } from '../agreements/agreement-request';
import { LIVE_STATUSES } from '../agreements/agreement.rules';
import type { AgreementsService } from '../agreements/agreements.service';

const OPERATOR: Caller = {
  clientId: 'sandbox-operator',
  ente: '082000',
  scopes: new Set(['operator', 'records:read']),
};

const DEMOS: NewAgreement[] = [
  {
    consumer: '082006',
    scope: 'ente',
    publisher: '082053',
    theme: 'tributi',
    type: 'posizione-debitoria',
    purpose: 'Sandbox demo: Bagheria reads the tax positions Palermo publishes.',
    fields: null,
  },
  {
    consumer: '082049',
    scope: 'metro',
    publisher: '082000',
    theme: 'edilizia-catasto',
    type: 'pratica-edilizia',
    purpose: 'Sandbox demo: building permits across the Città Metropolitana di Palermo.',
    fields: null,
  },
  {
    consumer: '082006',
    scope: 'ente',
    publisher: '082053',
    theme: 'sociale',
    type: 'presa-in-carico',
    purpose: 'Sandbox demo: continuità assistenziale per chi si trasferisce da Palermo a Bagheria.',
    // Personale: Bagheria sees only what continuity of care needs, never the closing reason.
    fields: ['/beneficiario/codiceFiscale', '/areaIntervento', '/servizioTitolare', '/stato', '/dataApertura'],
  },
];

/** Each demo agreement active: requested and approved when missing, resumed when suspended. Returns their ids. */
export async function ensureDemoAgreements(agreements: AgreementsService, em: EntityManager): Promise<string[]> {
  const ids: string[] = [];
  for (const demo of DEMOS) {
    const { consumer, scope, publisher, theme, type } = demo;
    const live = await em.findOne(
      Agreement,
      { consumer, scope, publisher, theme, type, status: { $in: [...LIVE_STATUSES] } },
      { refresh: true },
    );
    const requester: Caller = { clientId: `sandbox-${consumer}`, ente: consumer, scopes: new Set(['records:read']) };
    const id = live?.id ?? (await agreements.create(demo, requester)).id;
    const status = live?.status ?? 'requested';
    if (status === 'requested') await agreements.transition(id, 'approve', OPERATOR, 'Sandbox demo agreement');
    if (status === 'suspended') await agreements.transition(id, 'resume', OPERATOR, 'Sandbox demo agreement');
    ids.push(id);
  }
  return ids;
}

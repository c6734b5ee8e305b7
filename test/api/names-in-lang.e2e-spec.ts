/**
 * Names in the language asked beyond the catalogue: a process view, its forecast, the inbox and the
 * coordinators' summary answer step and definition titles in the Accept-Language (or ?lang=) language,
 * while the engine keeps the English ones.
 */
import type { InboxItem, MonitoringSummary } from '../../libs/contracts/src/http';
import type { RoleListing } from '../../libs/contracts/src/roles';
import type { ProcessView } from '../../libs/contracts/src/process-view';
import type { Forecast } from '../../libs/forecast/src/types';
import type { StuckItem } from '../../libs/monitoring/src/types';
import { api } from '../support/auth';
import { waitFor } from '../support/wait';

type Detail = ProcessView & { forecast: Forecast | null };
const ja = { 'accept-language': 'ja,en;q=0.5' };

describe('names in the language asked', () => {
  let view: ProcessView;
  beforeAll(async () => {
    const res = await api<ProcessView>('POST', '/api/v1/processes', {
      as: 'ca-officer',
      headers: ja,
      body: { definitionId: 'trade-mission', title: `Names in Japanese ${Date.now().toString(36)}` },
    });
    expect(res.status).toBe(201);
    view = res.body;
  });

  it('answers a process, its steps and its forecast in Japanese, and in French for ?lang=fr', async () => {
    expect(view.definitionTitle).toBe('貿易ミッションの企画');
    const got = await waitFor('the forecast', async () => {
      const res = await api<Detail>('GET', `/api/v1/processes/${view.id}`, {
        as: 'ca-coordinator',
        headers: ja,
      });
      return res.body.forecast ? res : undefined;
    });
    expect(got.headers.get('content-language')).toBe('ja');
    const titles = Object.fromEntries(got.body.steps.map((s) => [s.id, s.title]));
    expect(titles).toMatchObject({ 'concept-approval': '構想の承認', 'budget-approval': '予算の承認' });
    expect(got.body.summary?.now).toEqual(['構想の承認']);
    const basis = Object.fromEntries(got.body.forecast!.basis.map((b) => [b.stepId, b.title]));
    expect(basis['concept-approval']).toBe('構想の承認');

    const fr = await api<Detail>('GET', `/api/v1/processes/${view.id}?lang=fr`, {
      as: 'ca-coordinator',
      headers: ja,
    });
    expect(fr.body.steps[0]!.title).toBe('Approbation du concept');
    const en = await api<Detail>('GET', `/api/v1/processes/${view.id}`, { as: 'ca-coordinator' });
    expect(en.body.steps[0]!.title).toBe('Concept approval');
    expect(en.body.definitionTitle).toBe('Planning a trade mission');
  });

  it("answers a definition's parameters, their enum options and task outputs in Japanese (the start form)", async () => {
    type Named = { title: string; titles: Record<string, string> };
    type Def = {
      parameters: Record<string, Named & { optionTitles?: Record<string, Named> }>;
      steps: { id: string; outputs?: Record<string, Named> }[];
    };
    const res = await api<Def>('GET', '/api/v1/definitions/trade-mission', { as: 'ca-officer', headers: ja });
    expect(res.status).toBe(200);
    const direction = res.body.parameters.direction!;
    expect(direction.title).toBe('ミッションの方向');
    expect(direction.optionTitles?.['canada-to-japan']).toEqual({
      title: 'カナダから日本へ',
      titles: { en: 'Canada to Japan', fr: 'Du Canada vers le Japon', ja: 'カナダから日本へ' },
    });
    const dates = res.body.steps.find((s) => s.id === 'dates-and-programme');
    expect(dates?.outputs?.startsOn?.title).toBe('ミッションの初日');
  });

  it('describes definitions and initiatives in the language asked, with every language beside it', async () => {
    type Described = { id: string; title: string; description: string; descriptions: Record<string, string> };
    const def = await api<Described>('GET', '/api/v1/definitions/agreement-entry-into-force', {
      as: 'jp-officer',
      headers: ja,
    });
    expect(def.status).toBe(200);
    expect(def.body.description).toMatch(/^交渉権限の付与から効力発生、公表及び登録まで/);
    expect(def.body.descriptions.en).toMatch(/^From the mandate to entry into force/);
    expect(def.body.descriptions.fr).toMatch(/^Du mandat à l'entrée en vigueur/);
    const fr = await api<Described>('GET', '/api/v1/definitions/agreement-entry-into-force?lang=fr', {
      as: 'jp-officer',
      headers: ja,
    });
    expect(fr.body.description).toBe(def.body.descriptions.fr);
    const list = await api<Described[]>('GET', '/api/v1/definitions?lang=ja', { as: 'jp-officer' });
    for (const d of list.body) expect(d.description).toBe(d.descriptions.ja);

    const initiatives = await api<Described[]>('GET', '/api/v1/initiatives', {
      as: 'jp-officer',
      headers: ja,
    });
    expect(initiatives.status).toBe(200);
    expect(initiatives.body.find((i) => i.id === 'mlat')).toMatchObject({
      title: '刑事に関する共助に関する日本国とカナダとの間の条約',
      description: '2025年12月12日署名。日本は国会に提出する予定である。カナダは下院に提出する。',
    });
    const frInitiatives = await api<Described[]>('GET', '/api/v1/initiatives?lang=fr', { as: 'jp-officer' });
    expect(frInitiatives.body.find((i) => i.id === 'etta')).toMatchObject({
      title:
        "Accord entre le gouvernement du Canada et le gouvernement du Japon concernant le transfert d'équipement et de technologie de défense",
      description: expect.stringMatching(/^Signé à Ottawa le 27 janvier 2026/),
    });
    for (const i of frInitiatives.body) expect(i.descriptions.en).not.toBe(i.description);
  });

  it('lists the inbox in Japanese', async () => {
    const item = await waitFor('the step in the inbox', async () => {
      const res = await api<InboxItem[]>('GET', '/api/v1/inbox', { as: 'jp-meti', headers: ja });
      expect(res.status).toBe(200);
      return res.body.find((i) => i.processId === view.id);
    });
    expect(item).toMatchObject({ stepTitle: '構想の承認', definitionTitle: '貿易ミッションの企画' });
    const fr = await api<InboxItem[]>('GET', '/api/v1/inbox?lang=fr', { as: 'jp-meti' });
    expect(fr.body.find((i) => i.processId === view.id)?.stepTitle).toBe('Approbation du concept');
    const bad = await api('GET', '/api/v1/inbox?lang=de', { as: 'jp-meti' });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'lang' })]);
  });

  it("names the coordinators' summary in Japanese", async () => {
    const res = await api<MonitoringSummary>('GET', '/api/v1/monitoring/summary', {
      as: 'ca-coordinator',
      headers: ja,
    });
    expect(res.status).toBe(200);
    expect(res.body.byDefinition.find((d) => d.definitionId === 'trade-mission')?.title).toBe(
      '貿易ミッションの企画',
    );
    expect(res.body.pillars.find((p) => p.pillar === '3')?.pillarTitle).toBe('貿易・投資');
  });

  it("names the board's stuck steps in Japanese (the step is idle within seconds at the tests' day length)", async () => {
    const item = await waitFor(
      'the process on the board',
      async () => {
        const res = await api<StuckItem[]>('GET', '/api/v1/monitoring/stuck?lang=ja', {
          as: 'ca-coordinator',
        });
        expect(res.status).toBe(200);
        return res.body.find((i) => i.processId === view.id);
      },
      60_000,
      500,
    );
    expect(item.stepTitle).toBe('構想の承認');
  }, 90_000);

  it('names every role in the language asked (?lang=ja), with its names in all three languages', async () => {
    const res = await api<RoleListing[]>('GET', '/api/v1/roles?lang=ja', { as: 'jp-meti' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-language')).toBe('ja');
    const meti = res.body.find((r) => r.id === 'jp-meti');
    expect(meti).toMatchObject({ party: 'JP', title: '担当官', org: '経済産業省' });
    expect(meti!.titles).toEqual({ en: 'Desk officer', fr: 'Agent de pupitre', ja: '担当官' });
    const en = await api<RoleListing[]>('GET', '/api/v1/roles', { as: 'ca-officer' });
    expect(en.body.find((r) => r.id === 'jp-meti')!.title).toBe('Desk officer');
  });
});

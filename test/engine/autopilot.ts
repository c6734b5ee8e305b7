/**
 * Drives any process to its end the way its people would: every active task is recorded by an eligible
 * principal (outputs filled by type, dates in the past so date-based timers are already due), every
 * pending approval party approves per its rule; timers are waited for.
 */
import type { ProcessView, StepView } from '../../libs/contracts/src/process-view';
import { filledOutputs, PAST_DATE, who } from './fixtures';
import { complete, decide, view, type ProcessHandle } from './support';

async function act(h: ProcessHandle, s: StepView): Promise<void> {
  if (s.type === 'task') {
    const [party, pv] = Object.entries(s.parties)[0]!;
    await complete(
      h,
      who(`${pv.roles[0]}-user`, party as 'JP' | 'CA', [pv.roles[0]!]),
      s.id,
      filledOutputs(s, PAST_DATE),
    );
    return;
  }
  if (s.type !== 'approval') return;
  for (const [party, pv] of Object.entries(s.parties)) {
    if (pv.status !== 'pending') continue;
    const p = party as 'JP' | 'CA';
    const voters =
      pv.rule === 'all'
        ? pv.roles.map((r) => who(`${r}-user`, p, [r]))
        : pv.rule === 'any'
          ? [who(`${pv.roles[0]}-user`, p, [pv.roles[0]!])]
          : Array.from({ length: pv.rule.quorum }, (_, i) =>
              who(`${pv.roles[0]}-user-${i + 1}`, p, [pv.roles[0]!]),
            );
    for (const v of voters) {
      const done = pv.decisions.some((d) => d.round === s.round && d.by === v.sub);
      if (!done) await decide(h, v, s.id);
    }
  }
}

export async function autopilot(h: ProcessHandle, timeoutMs = 60_000): Promise<ProcessView> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await view(h);
    if (v.status !== 'running') return v;
    const active = v.steps.filter((s) => s.status === 'active');
    const actionable = active.filter((s) => s.type !== 'timer');
    for (const s of actionable) await act(h, s);
    if (actionable.length === 0) {
      if (Date.now() > until) throw new Error(`autopilot: stuck on ${active.map((s) => s.id).join(', ')}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

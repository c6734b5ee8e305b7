/**
 * A coordinator's actions on one step of a running process: nudge, extend (move the deadline), reassign,
 * waive (timers) or cancel the process — each with its reason, recorded in the timeline.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { PARTIES, type Party } from '../../../../libs/contracts/src/definition';
import type { StepView } from '../../../../libs/contracts/src/process-view';
import { api, ApiError } from '../api/client';
import { useRequestId } from '../api/request-id';
import { useT } from '../i18n/locale';
import { Field } from './Field';
import { useFieldErrors, isFormLevel } from './field-errors';
import { ErrorNotice } from './Notices';

export type CoordinatorAction = 'nudge' | 'extend' | 'reassign' | 'waive' | 'cancel';

/** `yyyy-mm-ddThh:mm` (a datetime-local value, local time) → ISO. */
export function localToIso(local: string): string {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

function requestOf(
  action: CoordinatorAction,
  processId: string,
  stepId: string,
  f: { reason: string; dueAt: string; party: Party; roles: string },
): { path: string; body: Record<string, unknown> } {
  const p = `/processes/${encodeURIComponent(processId)}`;
  const s = `${p}/steps/${encodeURIComponent(stepId)}`;
  const reason = f.reason.trim() ? { reason: f.reason } : {};
  switch (action) {
    case 'nudge':
      return { path: `${p}/nudge`, body: { stepId, ...reason } };
    case 'extend':
      return { path: `${s}/deadline`, body: { dueAt: f.dueAt ? localToIso(f.dueAt) : '', reason: f.reason } };
    case 'reassign':
      return {
        path: `${s}/reassign`,
        body: { party: f.party, roles: f.roles.split(/[\s,]+/).filter(Boolean), reason: f.reason },
      };
    case 'waive':
      return { path: `${s}/waiver`, body: { reason: f.reason } };
    case 'cancel':
      return { path: `${p}/cancel`, body: { reason: f.reason } };
  }
}

export function CoordinatorActions({
  processId,
  step,
  onDone,
}: {
  processId: string;
  step: Pick<StepView, 'id' | 'title' | 'type'>;
  onDone?: () => void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const requestId = useRequestId();
  const actions: CoordinatorAction[] = [
    'nudge',
    'extend',
    'reassign',
    ...(step.type === 'timer' ? (['waive'] as const) : []),
    'cancel',
  ];
  const [action, setAction] = useState<CoordinatorAction>(step.type === 'timer' ? 'waive' : 'extend');
  const [form, setForm] = useState({ reason: '', dueAt: '', party: 'JP' as Party, roles: '' });
  const act = useMutation({
    mutationFn: () => {
      const { path, body } = requestOf(action, processId, step.id, form);
      // Deadlines, waivers and cancellations take a requestId (a retry records once); a nudge or a
      // reassignment has none to give: repeating one does not change the outcome.
      const once = action === 'extend' || action === 'waive' || action === 'cancel';
      return api(path, { method: 'POST', body: once ? { ...body, requestId: requestId.current() } : body });
    },
    onSettled: (_d, error) => {
      if (!error || (error instanceof ApiError && error.status < 500)) requestId.settle();
    },
    onSuccess: async () => {
      setForm((f) => ({ ...f, reason: '' }));
      await queryClient.invalidateQueries();
      onDone?.();
    },
  });
  const errors = useFieldErrors(act.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    act.mutate();
  };
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));
  return (
    <form
      className="coordinator-actions"
      onSubmit={submit}
      noValidate
      aria-label={t('coord.label', { step: step.title })}
    >
      <Field label={t('coord.action')}>
        <select value={action} onChange={(e) => setAction(e.target.value as CoordinatorAction)}>
          {actions.map((a) => (
            <option key={a} value={a}>
              {t(`coord.${a}`)}
            </option>
          ))}
        </select>
      </Field>
      {action === 'extend' && (
        <Field label={t('coord.dueAt')} error={errors.dueAt}>
          <input type="datetime-local" value={form.dueAt} onChange={set('dueAt')} />
        </Field>
      )}
      {action === 'reassign' && (
        <>
          <Field label={t('coord.party')} error={errors.party}>
            <select value={form.party} onChange={set('party')}>
              {PARTIES.map((p) => (
                <option key={p} value={p}>
                  {t(`party.${p}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('coord.roles')} hint={t('coord.rolesHint')} error={errors.roles}>
            <input type="text" value={form.roles} onChange={set('roles')} />
          </Field>
        </>
      )}
      <Field
        label={action === 'nudge' ? t('coord.reasonOptional') : t('coord.reason')}
        error={errors.reason}
        required={action !== 'nudge'}
      >
        <input type="text" value={form.reason} onChange={set('reason')} maxLength={4000} />
      </Field>
      {isFormLevel(act.error, ['dueAt', 'reason', 'party', 'roles']) && <ErrorNotice error={act.error} />}
      {act.isSuccess && (
        <p className="notice notice-success" role="status">
          {t('act.recorded')}
        </p>
      )}
      <button
        type="submit"
        className={action === 'cancel' ? 'button-danger' : 'button-primary'}
        disabled={act.isPending}
      >
        {act.isPending ? t('act.sending') : t(`coord.do.${action}`)}
      </button>
    </form>
  );
}

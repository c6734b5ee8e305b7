/**
 * Acting on a step: approve, reject or request changes with a comment (approval steps), or record a task's
 * typed outputs. One requestId per intended action (a double click or a retry records once); the button
 * is disabled while the API answers; the API's field errors appear beside their fields.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { OutputType, ParamValue } from '../../../../libs/contracts/src/definition';
import type { DecisionKind, StepView } from '../../../../libs/contracts/src/process-view';
import { api, ApiError } from '../api/client';
import { keys } from '../api/queries';
import { useRequestId } from '../api/request-id';
import { useT } from '../i18n/locale';
import { Field } from './Field';
import { useFieldErrors, isFormLevel } from './field-errors';
import { ErrorNotice } from './Notices';

interface Props {
  processId: string;
  step: StepView;
  onDone?: () => void;
}

export function ActionPanel(props: Props) {
  return props.step.type === 'task' ? <TaskForm {...props} /> : <DecisionForm {...props} />;
}

function useAct<TBody>(processId: string, path: string, onDone?: () => void) {
  const queryClient = useQueryClient();
  const requestId = useRequestId();
  return useMutation({
    mutationFn: (body: TBody) =>
      api(`/processes/${encodeURIComponent(processId)}${path}`, {
        method: 'POST',
        body: { ...body, requestId: requestId.current() },
      }),
    onSettled: (_data, error) => {
      // A network failure or a 5xx keeps the id for the retry; any answer settles the intended action.
      if (!error || (error instanceof ApiError && error.status < 500)) requestId.settle();
    },
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.inbox }),
        queryClient.invalidateQueries({ queryKey: keys.process(processId) }),
        queryClient.invalidateQueries({ queryKey: keys.timeline(processId) }),
      ]);
      onDone?.();
    },
  });
}

function DecisionForm({ processId, step, onDone }: Props) {
  const t = useT();
  const [comment, setComment] = useState('');
  const [choice, setChoice] = useState<DecisionKind | null>(null);
  const act = useAct<{ decision: DecisionKind; comment?: string }>(
    processId,
    `/steps/${encodeURIComponent(step.id)}/decisions`,
    onDone,
  );
  const errors = useFieldErrors(act.error);
  const decide = (decision: DecisionKind) => {
    setChoice(decision);
    act.mutate({ decision, ...(comment.trim() ? { comment } : {}) });
  };
  return (
    <form
      className="action-panel"
      onSubmit={(e) => e.preventDefault()}
      aria-label={t('act.decideOn', { step: step.title })}
    >
      {act.isSuccess && (
        <p className="notice notice-success" role="status">
          {t('act.recorded')}
        </p>
      )}
      {isFormLevel(act.error, ['comment']) && <ErrorNotice error={act.error} />}
      <Field label={t('act.comment')} hint={t('act.commentHint')} error={errors.comment}>
        <textarea rows={3} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={4000} />
      </Field>
      <div className="button-row">
        <button
          type="button"
          className="button-primary"
          disabled={act.isPending}
          onClick={() => decide('approve')}
        >
          {act.isPending && choice === 'approve' ? t('act.sending') : t('act.approve')}
        </button>
        <button
          type="button"
          className="button-secondary"
          disabled={act.isPending}
          onClick={() => decide('request-changes')}
        >
          {act.isPending && choice === 'request-changes' ? t('act.sending') : t('act.requestChanges')}
        </button>
        <button
          type="button"
          className="button-danger"
          disabled={act.isPending}
          onClick={() => decide('reject')}
        >
          {act.isPending && choice === 'reject' ? t('act.sending') : t('act.reject')}
        </button>
      </div>
    </form>
  );
}

/** Form values are strings (what inputs hold); numbers are converted on submit, blanks left out. */
function toOutputs(
  values: Record<string, string>,
  types: Record<string, OutputType>,
): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const [name, type] of Object.entries(types)) {
    const v = values[name]?.trim() ?? '';
    if (v === '') continue;
    out[name] = type === 'number' && Number.isFinite(Number(v)) ? Number(v) : v;
  }
  return out;
}

const INPUT_TYPE: Record<OutputType, string> = {
  date: 'date',
  number: 'number',
  text: 'text',
  reference: 'text',
};

function TaskForm({ processId, step, onDone }: Props) {
  const t = useT();
  const types = step.outputTypes ?? {};
  // The API names each output's title and whether it is required; older views carry only the types.
  const asked =
    step.outputsAsked ??
    Object.entries(types).map(([name, type]) => ({ name, type, title: name, required: true }));
  const [values, setValues] = useState<Record<string, string>>({});
  const [comment, setComment] = useState('');
  const act = useAct<{ outputs: Record<string, ParamValue>; comment?: string }>(
    processId,
    `/steps/${encodeURIComponent(step.id)}/completion`,
    onDone,
  );
  const errors = useFieldErrors(act.error);
  const fields = [...Object.keys(types).map((n) => `outputs.${n}`), 'outputs', 'comment'];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    act.mutate({ outputs: toOutputs(values, types), ...(comment.trim() ? { comment } : {}) });
  };
  return (
    <form
      className="action-panel"
      onSubmit={submit}
      noValidate
      aria-label={t('act.completeOn', { step: step.title })}
    >
      {act.isSuccess && (
        <p className="notice notice-success" role="status">
          {t('act.recorded')}
        </p>
      )}
      {isFormLevel(act.error, fields) && <ErrorNotice error={act.error} />}
      {errors.outputs && (
        <p className="field-error" role="alert">
          {errors.outputs}
        </p>
      )}
      {asked.map(({ name, type, title, required }) => (
        <Field
          key={name}
          label={title}
          hint={t(`output.${type}`)}
          error={errors[`outputs.${name}`]}
          required={required}
        >
          <input
            type={INPUT_TYPE[type]}
            name={name}
            inputMode={type === 'number' ? 'decimal' : undefined}
            value={values[name] ?? ''}
            onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
          />
        </Field>
      ))}
      <Field label={t('act.comment')} error={errors.comment}>
        <textarea rows={2} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={4000} />
      </Field>
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={act.isPending}>
          {act.isPending ? t('act.sending') : t('act.complete')}
        </button>
      </div>
    </form>
  );
}

/**
 * Starting a process: the catalogue of roadmap initiatives (in the roadmap's own words) and of definitions;
 * choosing one opens a form built from the definition's typed parameters with their defaults (an
 * initiative's known facts override them), a title and a business key.
 */
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { ParamValue, ParameterSpec, ProcessDefinition } from '../../../../libs/contracts/src/definition';
import type { ProcessView } from '../../../../libs/contracts/src/process-view';
import { api, ApiError } from '../api/client';
import { useDefinitions, useInitiatives, type InitiativeListing } from '../api/queries';
import { useMe } from '../auth/session';
import { Field } from '../components/Field';
import { useFieldErrors, isFormLevel } from '../components/field-errors';
import { ErrorNotice, Loading } from '../components/Notices';
import { useT } from '../i18n/locale';

interface Choice {
  definition: ProcessDefinition;
  initiative: InitiativeListing | null;
}

export function StartPage() {
  const t = useT();
  const me = useMe();
  const definitions = useDefinitions();
  const initiatives = useInitiatives();
  const [choice, setChoice] = useState<Choice | null>(null);
  if (definitions.isPending || initiatives.isPending) return <Loading />;
  if (definitions.error) return <ErrorNotice error={definitions.error} />;
  if (initiatives.error) return <ErrorNotice error={initiatives.error} />;
  const defOf = (id: string) => definitions.data.find((d) => d.id === id);
  const mayStart = (d: ProcessDefinition | undefined) =>
    !!d && d.initiatorRoles.some((r) => me.roles.includes(r));
  if (choice) return <StartForm choice={choice} onBack={() => setChoice(null)} />;
  return (
    <>
      <h1>{t('start.title')}</h1>
      <p className="lead">{t('start.lead')}</p>
      <section aria-labelledby="initiatives-heading">
        <h2 id="initiatives-heading">{t('start.initiatives')}</h2>
        <ul className="cards">
          {initiatives.data.map((i) => {
            const def = defOf(i.definitionId);
            return (
              <li key={i.id} className="card">
                <h3 translate="no">{i.title}</h3>
                <p className="eyebrow">
                  {t('start.pillar', { pillar: i.pillar })} · <span translate="no">{i.pillarTitle}</span>
                </p>
                {i.roadmapQuote && (
                  <blockquote className="quote" translate="no" lang="en">
                    {i.roadmapQuote}
                  </blockquote>
                )}
                <p translate="no">{i.description}</p>
                <p className="muted">
                  {t('start.processesSoFar', { count: i.processes.length })} ·{' '}
                  <span translate="no">{def?.title ?? i.definitionId}</span>
                </p>
                {mayStart(def) ? (
                  <button
                    type="button"
                    className="button-primary"
                    aria-label={t('start.startFor', { title: i.title })}
                    onClick={() => setChoice({ definition: def!, initiative: i })}
                  >
                    {t('start.start')}
                  </button>
                ) : (
                  <p className="muted">{t('start.notInitiator')}</p>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="definitions-heading">
        <h2 id="definitions-heading">{t('start.definitions')}</h2>
        <ul className="cards">
          {definitions.data.map((d) => (
            <li key={d.id} className="card">
              <h3 translate="no">{d.title}</h3>
              <p className="eyebrow">
                {t('start.pillar', { pillar: d.roadmap.pillar })} ·{' '}
                <span translate="no">{d.roadmap.pillarTitle}</span>
              </p>
              <p translate="no">{d.description}</p>
              {mayStart(d) ? (
                <button
                  type="button"
                  className="button-secondary"
                  aria-label={t('start.startFor', { title: d.title })}
                  onClick={() => setChoice({ definition: d, initiative: null })}
                >
                  {t('start.start')}
                </button>
              ) : (
                <p className="muted">{t('start.notInitiator')}</p>
              )}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function initialValue(spec: ParameterSpec, given: ParamValue | undefined): string {
  const v = given ?? spec.default ?? '';
  return v === null ? '' : String(v);
}

function parameterValue(spec: ParameterSpec, raw: string): ParamValue {
  if (spec.type === 'boolean') return raw === 'true';
  if (spec.type === 'number')
    return raw.trim() === '' ? null : Number.isFinite(Number(raw)) ? Number(raw) : raw;
  return raw;
}

function StartForm({ choice, onBack }: { choice: Choice; onBack: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const { definition, initiative } = choice;
  const params = Object.entries(definition.parameters);
  const [title, setTitle] = useState(initiative?.title ?? '');
  const [businessKey, setBusinessKey] = useState('');
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(params.map(([n, s]) => [n, initialValue(s, initiative?.defaultParameters[n])])),
  );
  const start = useMutation({
    mutationFn: ({ allowDuplicate }: { allowDuplicate: boolean }) => {
      const parameters: Record<string, ParamValue> = {};
      for (const [n, s] of params) {
        const v = parameterValue(s, values[n] ?? '');
        if (v !== null && v !== '') parameters[n] = v;
      }
      return api<ProcessView>('/processes', {
        method: 'POST',
        body: {
          definitionId: definition.id,
          title,
          parameters,
          ...(businessKey.trim() ? { businessKey: businessKey.trim() } : {}),
          ...(initiative ? { initiativeId: initiative.id } : {}),
          ...(allowDuplicate ? { allowDuplicate: true } : {}),
        },
      });
    },
    onSuccess: (view) => navigate(`/processes/${encodeURIComponent(view.id)}`),
  });
  const errors = useFieldErrors(start.error);
  const duplicate = runningDuplicate(start.error);
  const fields = ['title', 'businessKey', 'allowDuplicate', ...params.map(([n]) => `parameters.${n}`)];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    start.mutate({ allowDuplicate: false });
  };
  return (
    <>
      <p>
        <button type="button" className="button-link" onClick={onBack}>
          {t('start.back')}
        </button>
      </p>
      <h1>
        {t('start.formTitle')} <span translate="no">{definition.title}</span>
      </h1>
      {initiative?.roadmapQuote && (
        <blockquote className="quote" translate="no" lang="en">
          {initiative.roadmapQuote}
        </blockquote>
      )}
      <form onSubmit={submit} noValidate className="form">
        {isFormLevel(start.error, fields) && <ErrorNotice error={start.error} />}
        {duplicate && (
          <div className="notice notice-warning" role="alert">
            <p>{t('start.duplicate')}</p>
            <p className="actions">
              {duplicate.processId && (
                <Link to={`/processes/${encodeURIComponent(duplicate.processId)}`}>
                  {t('start.openExisting')}
                </Link>
              )}
              <button
                type="button"
                className="button-secondary"
                disabled={start.isPending}
                onClick={() => start.mutate({ allowDuplicate: true })}
              >
                {t('start.anyway')}
              </button>
            </p>
          </div>
        )}
        <Field label={t('start.processTitle')} error={errors.title} required>
          <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
        </Field>
        <Field label={t('start.businessKey')} hint={t('start.businessKeyHint')} error={errors.businessKey}>
          <input type="text" value={businessKey} onChange={(e) => setBusinessKey(e.target.value)} />
        </Field>
        <fieldset>
          <legend>{t('start.parameters')}</legend>
          {params.length === 0 && <p>{t('start.noParameters')}</p>}
          {params.map(([name, spec]) => (
            <Field
              key={name}
              label={spec.title ?? name}
              hint={spec.description}
              error={errors[`parameters.${name}`]}
            >
              {spec.type === 'enum' ? (
                <select
                  value={values[name]}
                  onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
                >
                  {(spec.options ?? []).map((o) => (
                    <option key={o} value={o}>
                      {/* The API names each option in the language asked; the value is what the engine compares. */}
                      {spec.optionTitles?.[o]?.title ?? o}
                    </option>
                  ))}
                </select>
              ) : spec.type === 'boolean' ? (
                <select
                  value={values[name]}
                  onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
                >
                  <option value="true">{t('common.yes')}</option>
                  <option value="false">{t('common.no')}</option>
                </select>
              ) : (
                <input
                  type={spec.type === 'date' ? 'date' : spec.type === 'number' ? 'number' : 'text'}
                  min={spec.min}
                  max={spec.max}
                  value={values[name]}
                  onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
                />
              )}
            </Field>
          ))}
        </fieldset>
        <button type="submit" className="button-primary" disabled={start.isPending}>
          {start.isPending ? t('act.sending') : t('start.submit')}
        </button>
      </form>
    </>
  );
}

/**
 * The API refuses a second running process for an initiative (409 on `allowDuplicate`, naming the running
 * one): the form then offers to open it, or to start another anyway (the same request with allowDuplicate).
 */
function runningDuplicate(error: unknown): { processId: string | null } | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const problem = error.fieldProblems.find((p) => p.field === 'allowDuplicate');
  if (!problem) return null;
  // The detail ends with the running process's id: `a process for "mlat" is running: <id>`.
  return { processId: /\bis running: (\S+)$/.exec(problem.message)?.[1] ?? null };
}

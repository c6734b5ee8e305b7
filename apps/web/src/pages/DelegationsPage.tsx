/** Delegations: hand my approvals (or some roles) to a colleague of my party until a date; list; revoke. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { DirectoryUser } from '../../../../libs/contracts/src/auth';
import { api } from '../api/client';
import { keys, useDelegations } from '../api/queries';
import { useMe } from '../auth/session';
import { Field } from '../components/Field';
import { useFieldErrors, isFormLevel } from '../components/field-errors';
import { ErrorNotice, Loading } from '../components/Notices';
import { useDates, useT } from '../i18n/locale';
import { RoleNames } from '../components/RoleNames';

export function DelegationsPage() {
  const t = useT();
  const d = useDates();
  const me = useMe();
  const queryClient = useQueryClient();
  const delegations = useDelegations();
  // Colleagues to choose from when the directory is available (directory sign-in); else an id is typed.
  const colleagues = useQuery({
    queryKey: ['directory-users'],
    queryFn: () => api<DirectoryUser[]>('/auth/directory/users', { anonymous: true }),
    retry: false,
  });
  const sameParty = (colleagues.data ?? []).filter((u) => u.party === me.party && u.id !== me.sub);
  const [to, setTo] = useState('');
  const [until, setUntil] = useState('');
  const [roles, setRoles] = useState<string[]>(me.roles);
  const create = useMutation({
    mutationFn: () =>
      api('/delegations', {
        method: 'POST',
        body: { to, until: until ? new Date(`${until}T23:59:59`).toISOString() : '', roles },
      }),
    onSuccess: async () => {
      setTo('');
      setUntil('');
      await queryClient.invalidateQueries({ queryKey: keys.delegations });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api(`/delegations/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.delegations }),
  });
  const errors = useFieldErrors(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <>
      <h1>{t('delegations.title')}</h1>
      <p className="lead">{t('delegations.lead')}</p>
      <section aria-labelledby="current-heading">
        <h2 id="current-heading">{t('delegations.current')}</h2>
        {delegations.isPending && <Loading />}
        {delegations.error && <ErrorNotice error={delegations.error} />}
        {revoke.error && <ErrorNotice error={revoke.error} />}
        {delegations.data?.length === 0 && <p>{t('delegations.none')}</p>}
        {!!delegations.data?.length && (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('delegations.from')}</th>
                <th scope="col">{t('delegations.to')}</th>
                <th scope="col">{t('delegations.roles')}</th>
                <th scope="col">{t('delegations.until')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('board.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {delegations.data.map((x) => (
                <tr key={x.id}>
                  <td translate="no">{x.from.name}</td>
                  <td translate="no">{x.to.name}</td>
                  <td>
                    <RoleNames ids={x.roles} />
                  </td>
                  <td>{d.dateTime(x.until)}</td>
                  <td>
                    <button
                      type="button"
                      className="button-danger"
                      disabled={revoke.isPending}
                      aria-label={t('delegations.revokeOne', { name: x.to.name })}
                      onClick={() => revoke.mutate(x.id)}
                    >
                      {t('delegations.revoke')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="new-heading">
        <h2 id="new-heading">{t('delegations.new')}</h2>
        <form onSubmit={submit} noValidate className="form">
          {isFormLevel(create.error, ['to', 'until', 'roles']) && <ErrorNotice error={create.error} />}
          <Field label={t('delegations.to')} error={errors.to} required>
            {sameParty.length ? (
              <select value={to} onChange={(e) => setTo(e.target.value)}>
                <option value="">{t('delegations.choose')}</option>
                {sameParty.map((u) => (
                  <option key={u.id} value={u.id} translate="no">
                    {u.name} — {u.org}
                  </option>
                ))}
              </select>
            ) : (
              <input type="text" value={to} onChange={(e) => setTo(e.target.value)} />
            )}
          </Field>
          <Field label={t('delegations.until')} error={errors.until} required>
            <input type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
          </Field>
          <fieldset>
            <legend>{t('delegations.roles')}</legend>
            {me.roles.map((r) => (
              <label key={r} className="checkbox">
                <input
                  type="checkbox"
                  checked={roles.includes(r)}
                  onChange={(e) =>
                    setRoles((rs) => (e.target.checked ? [...rs, r] : rs.filter((x) => x !== r)))
                  }
                />{' '}
                <RoleNames ids={[r]} />
              </label>
            ))}
            {errors.roles && <p className="field-error">{errors.roles}</p>}
          </fieldset>
          <button type="submit" className="button-primary" disabled={create.isPending}>
            {create.isPending ? t('act.sending') : t('delegations.create')}
          </button>
        </form>
      </section>
    </>
  );
}

/** Role ids shown as their titles in the console's language; an id the catalogue lacks stays as is (not translated). */
import { Fragment } from 'react';
import { useRoles } from '../api/queries';

export function RoleNames({ ids }: { ids: readonly string[] }) {
  const { data } = useRoles();
  const titles = new Map(data?.map((r) => [r.id, r.title]));
  return (
    <>
      {ids.map((id, i) => {
        const title = titles.get(id);
        return (
          <Fragment key={id}>
            {i > 0 && ', '}
            {title ? <span>{title}</span> : <span translate="no">{id}</span>}
          </Fragment>
        );
      })}
    </>
  );
}

/**
 * Registers Accord's search attributes idempotently through the operator service, so the same code
 * works on the dev server and on a cluster (where the operator may also have created them already).
 */
import type { Connection } from '@temporalio/client';
import type { NativeConnection } from '@temporalio/worker';
import { SEARCH_ATTRIBUTE_REGISTRATIONS } from '../../contracts/src/search-attributes';

type RegistrationType = (typeof SEARCH_ATTRIBUTE_REGISTRATIONS)[string];

/** temporal.api.enums.v1.IndexedValueType (numbers, to avoid depending on @temporalio/proto directly). */
const INDEXED_VALUE_TYPE: Record<RegistrationType, number> = {
  Text: 1,
  Keyword: 2,
  Int: 3,
  Datetime: 6,
  KeywordList: 7,
};

export async function registerSearchAttributes(
  connection: Pick<Connection | NativeConnection, 'operatorService'>,
  namespace: string,
  registrations: Record<string, RegistrationType> = SEARCH_ATTRIBUTE_REGISTRATIONS,
): Promise<{ added: string[] }> {
  const existing = await connection.operatorService.listSearchAttributes({ namespace });
  const current = { ...(existing.customAttributes ?? {}) } as Record<string, number>;
  const missing: Record<string, number> = {};
  for (const [name, type] of Object.entries(registrations)) {
    const wanted = INDEXED_VALUE_TYPE[type];
    if (current[name] === undefined) missing[name] = wanted;
    else if (Number(current[name]) !== wanted) {
      throw new Error(
        `Search attribute ${name} exists in namespace ${namespace} with another type; Accord needs ${type}`,
      );
    }
  }
  const added = Object.keys(missing);
  if (added.length > 0) {
    try {
      await connection.operatorService.addSearchAttributes({ namespace, searchAttributes: missing });
    } catch (err) {
      // Another process registered them at the same moment: fine if they are all there now.
      const again = await connection.operatorService.listSearchAttributes({ namespace });
      if (!added.every((n) => again.customAttributes?.[n] !== undefined)) throw err;
    }
  }
  return { added };
}

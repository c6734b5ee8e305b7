/**
 * Typed search attributes kept current by the process workflow, so listings, inboxes and stuck
 * detection are visibility queries. Chosen within the SQL-visibility limits per namespace (10 Keyword,
 * 3 each of KeywordList/Int/Double/Bool/Datetime/Text) so the same code runs on the dev server and on
 * a PostgreSQL cluster. `npm start` and the test setup register them (libs/temporal).
 */
import {
  defineSearchAttributeKey,
  SearchAttributeType,
  type SearchAttributePair,
  type SearchAttributeUpdatePair,
} from '@temporalio/common';
import type { ProcessInput } from './messages';

export const SA = {
  status: defineSearchAttributeKey('AccordStatus', SearchAttributeType.KEYWORD),
  definitionId: defineSearchAttributeKey('AccordDefinitionId', SearchAttributeType.KEYWORD),
  pillar: defineSearchAttributeKey('AccordPillar', SearchAttributeType.KEYWORD),
  initiative: defineSearchAttributeKey('AccordInitiative', SearchAttributeType.KEYWORD),
  businessKey: defineSearchAttributeKey('AccordBusinessKey', SearchAttributeType.KEYWORD),
  initiator: defineSearchAttributeKey('AccordInitiator', SearchAttributeType.KEYWORD),
  /** Parties with an active step waiting on them. */
  awaitingParties: defineSearchAttributeKey('AccordAwaitingParties', SearchAttributeType.KEYWORD_LIST),
  /** `PARTY:role` for every role that could act now on an active step. */
  awaitingRoles: defineSearchAttributeKey('AccordAwaitingRoles', SearchAttributeType.KEYWORD_LIST),
  currentSteps: defineSearchAttributeKey('AccordCurrentSteps', SearchAttributeType.KEYWORD_LIST),
  nextDueAt: defineSearchAttributeKey('AccordNextDueAt', SearchAttributeType.DATETIME),
  lastProgressAt: defineSearchAttributeKey('AccordLastProgressAt', SearchAttributeType.DATETIME),
  progressPct: defineSearchAttributeKey('AccordProgressPct', SearchAttributeType.INT),
  title: defineSearchAttributeKey('AccordTitle', SearchAttributeType.TEXT),
} as const;

/** Name → type, for registration with `temporal operator search-attribute create`. */
export const SEARCH_ATTRIBUTE_REGISTRATIONS: Record<
  string,
  'Keyword' | 'KeywordList' | 'Datetime' | 'Int' | 'Text'
> = {
  AccordStatus: 'Keyword',
  AccordDefinitionId: 'Keyword',
  AccordPillar: 'Keyword',
  AccordInitiative: 'Keyword',
  AccordBusinessKey: 'Keyword',
  AccordInitiator: 'Keyword',
  AccordAwaitingParties: 'KeywordList',
  AccordAwaitingRoles: 'KeywordList',
  AccordCurrentSteps: 'KeywordList',
  AccordNextDueAt: 'Datetime',
  AccordLastProgressAt: 'Datetime',
  AccordProgressPct: 'Int',
  AccordTitle: 'Text',
};

export function awaitingRoleKey(party: string, role: string): string {
  return `${party}:${role}`;
}

/**
 * The search attributes a process is started with, so it is listed (status, definition, pillar, …) before
 * its first workflow task; from then on the workflow keeps them current.
 */
export function initialSearchAttributes(input: ProcessInput, now = new Date()): SearchAttributePair[] {
  return [
    { key: SA.status, value: 'running' },
    { key: SA.definitionId, value: input.definition.id },
    { key: SA.pillar, value: input.definition.roadmap.pillar },
    { key: SA.initiator, value: input.initiator.sub },
    { key: SA.title, value: input.title },
    { key: SA.lastProgressAt, value: now },
    ...(input.initiativeId ? [{ key: SA.initiative, value: input.initiativeId }] : []),
    ...(input.businessKey ? [{ key: SA.businessKey, value: input.businessKey }] : []),
  ];
}

/**
 * Search-attribute values by field of `SA` (as the engine derives them) → typed pairs: null or an empty list
 * removes the attribute (null value), instants become Dates. The workflow upserts these; the API starts a
 * process it settled with them (without the removals).
 */
export function searchAttributePairs(
  values: Partial<Record<keyof typeof SA, unknown>>,
): SearchAttributeUpdatePair[] {
  const pairs: SearchAttributeUpdatePair[] = [];
  for (const [k, v] of Object.entries(values) as Array<[keyof typeof SA, unknown]>) {
    const key = SA[k];
    let value: unknown;
    if (v === null || (Array.isArray(v) && v.length === 0))
      value = null; // removes it
    else if (key.type === 'DATETIME') value = new Date(v as string);
    else value = v;
    pairs.push({ key, value } as SearchAttributeUpdatePair);
  }
  return pairs;
}

/**
 * What Temporal's Web UI shows for a process (static summary and details, fixed at start), so operators
 * see its meaning rather than a uuid: the title and definition, the initiative, the parties, who started it.
 */
export function startMetadata(input: ProcessInput): { staticSummary: string; staticDetails: string } {
  const d = input.definition;
  const lines = [
    `**${input.title}**`,
    '',
    `- Definition: ${d.title} (\`${d.id}\` v${d.version})`,
    `- Initiative: ${input.initiativeId ?? 'none'}`,
    `- Parties: ${d.parties.join(', ')}`,
    `- Roadmap: pillar ${d.roadmap.pillar}, ${d.roadmap.pillarTitle}`,
    `- Started by: ${input.initiator.name} (${input.initiator.party}, ${input.initiator.org})`,
  ];
  if (input.businessKey) lines.push(`- Business key: ${input.businessKey}`);
  lines.push('', 'Act through the Accord API: cancelling or terminating here bypasses its rules.');
  return { staticSummary: `${input.title} — ${d.title}`.slice(0, 200), staticDetails: lines.join('\n') };
}

/**
 * docs/processes/: one Markdown page per process definition version, generated from the definition itself so
 * that an official can check a process without reading code — a Mermaid diagram, then each step with who acts
 * (roles and organisations), the authority, the legal basis, when it applies, its deadline or wait, and the
 * public sources. Pure functions: `npm run docs:processes` writes the pages (scripts/docs-processes.ts) and
 * scripts/process-docs.spec.ts fails when a committed page differs from what the definitions produce.
 */
import type {
  Condition,
  DateExpr,
  ProcessDefinition,
  Span,
  StepSpec,
} from '../libs/contracts/src/definition';
import type { SourceRef } from '../libs/contracts/src/i18n';
import { allTitles } from '../libs/definitions/src/i18n';
import { PILLAR_TITLES } from '../libs/definitions/src/initiatives';
import { getRole } from '../libs/definitions/src/roles';

export const DOCS_DIR = 'docs/processes';

export function pageName(def: Pick<ProcessDefinition, 'id' | 'version'>): string {
  return `${def.id}-v${def.version}.md`;
}

function spanText(s: Span): string {
  const amount = typeof s.amount === 'number' ? String(s.amount) : `{${s.amount.param}}`;
  const unit = s.unit.replace(/-/g, ' ');
  return `${amount} ${unit}${s.calendar ? ` (${s.calendar})` : ''}`;
}

export function conditionText(c: Condition): string {
  if ('all' in c) return c.all.map((x) => wrap(conditionText(x))).join(' and ');
  if ('any' in c) return c.any.map((x) => wrap(conditionText(x))).join(' or ');
  if ('not' in c) return `not ${wrap(conditionText(c.not))}`;
  const subject = 'param' in c ? `\`${c.param}\`` : `\`${c.output}\``;
  if (c.equals !== undefined) return `${subject} = ${JSON.stringify(c.equals)}`;
  if (c.in !== undefined) return `${subject} in ${c.in.map((v) => JSON.stringify(v)).join(', ')}`;
  if ('param' in c) return c.truthy === false ? `not ${subject}` : subject;
  return c.exists === false ? `${subject} not recorded` : `${subject} recorded`;
}

const wrap = (t: string) => (/ (and|or) /.test(t) ? `(${t})` : t);

function dateText(e: DateExpr): string {
  if ('param' in e) return `\`${e.param}\``;
  if ('output' in e) return `\`${e.output}\``;
  if ('stepCompleted' in e) return `completion of \`${e.stepCompleted}\``;
  if ('latestOf' in e) return `the later of ${e.latestOf.map(dateText).join(', ')}`;
  return `the earlier of ${e.earliestOf.map(dateText).join(', ')}`;
}

function whoText(step: StepSpec): string {
  if (step.type !== 'approval' && step.type !== 'task') return '—';
  return Object.entries(step.parties)
    .map(([party, a]) => {
      const roles = a!.roles.map((id) => {
        const r = getRole(id);
        return r ? `${r.title}, ${r.org} (\`${id}\`)` : `\`${id}\``;
      });
      const rule = step.type === 'approval' ? ` — rule: ${ruleText(a!.rule)}` : '';
      return `${party}: ${roles.join('; ')}${rule}`;
    })
    .join('<br>');
}

function ruleText(rule: unknown): string {
  if (rule === undefined || rule === 'any') return 'any one';
  if (rule === 'all') return 'each role';
  return `quorum of ${(rule as { quorum: number }).quorum}`;
}

function timingText(step: StepSpec): string {
  if (step.type === 'timer') {
    const from = step.from ? `from ${dateText(step.from)}` : 'from when it starts';
    const wait = step.wait ? `waits ${spanText(step.wait)} ${from}` : `until ${from.replace(/^from /, '')}`;
    return `${wait}${step.waivable === false ? '' : '; a coordinator may end it early with a reason'}`;
  }
  if (step.type === 'parallel') return '—';
  return step.deadline ? `due within ${spanText(step.deadline.within)}` : '—';
}

const cell = (t: string | undefined) => (t ? t.replace(/\|/g, '\\|').replace(/\n/g, ' ') : '—');

/** A quoted Mermaid label (quotes as entities, no Markdown backticks). */
function label(t: string): string {
  return `"${t.replace(/`/g, '').replace(/"/g, '#quot;')}"`;
}

/** A Mermaid flowchart: sequences top-down, parallel blocks as fork and join with one subgraph per branch. */
export function mermaid(def: ProcessDefinition): string {
  const lines = ['flowchart TD', '  start([Start])'];
  const node = (id: string) => id.replace(/-/g, '_');
  const shape = (s: StepSpec) => {
    const when = s.when ? ` — if ${conditionText(s.when)}` : '';
    const text = `${s.title}${when}`;
    if (s.type === 'timer') return `${node(s.id)}[/${label(`⏱ ${text}`)}/]`;
    if (s.type === 'approval') return `${node(s.id)}{{${label(`✔ ${text}`)}}}`;
    return `${node(s.id)}[${label(text)}]`;
  };
  /** Emits a sequence after `prev`; returns the last node id. */
  const seq = (steps: StepSpec[], prev: string, indent: string): string => {
    for (const s of steps) {
      if (s.type !== 'parallel') {
        lines.push(`${indent}${shape(s)}`, `${indent}${prev} --> ${node(s.id)}`);
        prev = node(s.id);
        continue;
      }
      const fork = `${node(s.id)}_fork`;
      const join = `${node(s.id)}_join`;
      const when = s.when ? ` — if ${conditionText(s.when)}` : '';
      lines.push(`${indent}${fork}[[${label(`${s.title}${when}`)}]]`, `${indent}${prev} --> ${fork}`);
      const ends: string[] = [];
      for (const b of s.branches) {
        const bwhen = b.when ? ` — if ${conditionText(b.when)}` : '';
        lines.push(`${indent}subgraph ${node(b.id)}[${label(`${b.title}${bwhen}`)}]`);
        // The fork, defined before the subgraph, stays outside it; the branch's own nodes are inside.
        ends.push(seq(b.steps, fork, `${indent}  `));
        lines.push(`${indent}end`);
      }
      lines.push(`${indent}${join}(( ))`);
      for (const e of ends) lines.push(`${indent}${e} --> ${join}`);
      prev = join;
    }
    return prev;
  };
  const last = seq(def.steps, 'start', '  ');
  lines.push('  done([End])', `  ${last} --> done`);
  return lines.join('\n');
}

function stepRows(steps: StepSpec[], depth: number, rows: string[]): void {
  for (const s of steps) {
    const t = allTitles(s.title, s.titles);
    const names = `**${s.title}**<br>${t.fr}<br>${t.ja}`;
    const indent = depth ? `${'↳ '.repeat(depth)}` : '';
    const authority = s.authority
      ? Object.entries(s.authority)
          .map(([p, a]) => `${p}: ${a}`)
          .join('<br>')
      : undefined;
    const sources = (s.sources ?? []).map(sourceLink).join('<br>');
    rows.push(
      `| ${indent}\`${s.id}\` | ${s.type} | ${cell(names)} | ${cell(s.when ? conditionText(s.when) : 'always')} | ` +
        `${cell(whoText(s))} | ${cell(authority)} | ${cell(s.legalBasis)} | ${cell(timingText(s))} | ${cell(sources)} |`,
    );
    if (s.type === 'parallel')
      for (const b of s.branches) {
        const bt = allTitles(b.title, b.titles);
        rows.push(
          `| ${'↳ '.repeat(depth + 1)}branch \`${b.id}\` | branch | ${cell(`**${b.title}**<br>${bt.fr}<br>${bt.ja}`)} | ` +
            `${cell(b.when ? conditionText(b.when) : 'always')} | | | | | |`,
        );
        stepRows(b.steps, depth + 2, rows);
      }
  }
}

/** A source as a link; an address not confirmed says so. */
function sourceLink(s: SourceRef): string {
  return `[${s.title}](${s.url})${s.unverified ? ' (address not verified)' : ''}`;
}

function sourcesOf(def: ProcessDefinition): SourceRef[] {
  const seen = new Map<string, SourceRef>();
  const visit = (steps: StepSpec[]) => {
    for (const s of steps) {
      for (const src of s.sources ?? []) seen.set(src.url + src.title, src);
      if (s.type === 'parallel') for (const b of s.branches) visit(b.steps);
    }
  };
  for (const src of def.sources ?? []) seen.set(src.url + src.title, src);
  visit(def.steps);
  return [...seen.values()];
}

/** The page of one definition version. `versions` are all shipped versions of the same id. */
export function renderPage(def: ProcessDefinition, versions: readonly number[]): string {
  const t = allTitles(def.title, def.titles);
  const pillar = allTitles(
    def.roadmap.pillarTitle,
    def.roadmap.pillarTitles ?? PILLAR_TITLES[def.roadmap.pillar],
  );
  const others = versions.filter((v) => v !== def.version);
  const out: string[] = [
    '<!-- Generated by `npm run docs:processes` from the definition; do not edit by hand. -->',
    '',
    `# ${def.title} (\`${def.id}\`, version ${def.version})`,
    '',
    `- Français : ${t.fr}`,
    `- 日本語: ${t.ja}`,
    `- Roadmap pillar ${def.roadmap.pillar}: ${def.roadmap.pillarTitle} (${pillar.fr} / ${pillar.ja})` +
      (def.roadmap.section ? ` — ${def.roadmap.section}` : ''),
    `- Parties: ${def.parties.join(', ')}; started by: ${def.initiatorRoles.map((r) => `\`${r}\``).join(', ')}`,
  ];
  if (others.length)
    out.push(
      `- Other versions: ${others.map((v) => `[version ${v}](${pageName({ id: def.id, version: v })})`).join(', ')} ` +
        '(a process keeps the version it started with)',
    );
  out.push('', def.description, '');
  if (def.descriptions?.fr) out.push(`Français : ${def.descriptions.fr}`, '');
  if (def.descriptions?.ja) out.push(`日本語: ${def.descriptions.ja}`, '');
  out.push('## Parameters', '', '| parameter | type | default | meaning |', '| --- | --- | --- | --- |');
  for (const [name, p] of Object.entries(def.parameters)) {
    const type = p.type === 'enum' ? `one of ${(p.options ?? []).join(', ')}` : p.type;
    const meaning = [p.title, p.description].filter(Boolean).join(': ');
    out.push(
      `| \`${name}\` | ${cell(type)} | ${cell(JSON.stringify(p.default ?? null))} | ${cell(meaning)} |`,
    );
  }
  out.push('', '## Diagram', '', '```mermaid', mermaid(def), '```', '', '## Steps', '');
  out.push(
    '| step | type | names (en / fr / ja) | applies when | who acts | authority | legal basis | deadline or wait | sources |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  const rows: string[] = [];
  stepRows(def.steps, 0, rows);
  out.push(...rows, '', '## Sources', '');
  const sources = sourcesOf(def);
  if (sources.length) for (const s of sources) out.push(`- ${sourceLink(s)}`);
  else out.push('None cited in this definition yet.');
  return out.join('\n') + '\n';
}

export function renderIndex(defs: readonly ProcessDefinition[]): string {
  const out = [
    '<!-- Generated by `npm run docs:processes` from the definitions; do not edit by hand. -->',
    '',
    '# Processes',
    '',
    'One page per shipped process definition version, generated from the definition (libs/definitions).',
    '',
    '| process | version | pillar | page |',
    '| --- | --- | --- | --- |',
  ];
  for (const d of defs) {
    const t = allTitles(d.title, d.titles);
    out.push(
      `| ${d.title} / ${t.fr} / ${t.ja} | ${d.version} | ${d.roadmap.pillar} | [${pageName(d)}](${pageName(d)}) |`,
    );
  }
  return out.join('\n') + '\n';
}

/** Every page, file name → content, for the given definitions (every version). */
export function renderAll(defs: readonly ProcessDefinition[]): Map<string, string> {
  const sorted = [...defs].sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version);
  const pages = new Map<string, string>([['README.md', renderIndex(sorted)]]);
  for (const d of sorted) {
    const versions = sorted.filter((x) => x.id === d.id).map((x) => x.version);
    pages.set(pageName(d), renderPage(d, versions));
  }
  return pages;
}

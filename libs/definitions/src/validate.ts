/**
 * Load-time validation of process definitions, and run-time validation of the parameters a process is
 * started with. Every problem is reported with the definition (`id@version`) and the field path, e.g.
 * `agreement-entry-into-force@1: steps[4].branches[1].steps[0].parties.CA.rule: quorum must be an integer ≥ 1`.
 * All problems are collected, not just the first, so a definition author fixes them in one pass.
 */
import {
  PARTIES,
  SPAN_UNITS,
  type OutputSpec,
  type ParameterSpec,
  type ParamValue,
  type Party,
  type ProcessDefinition,
  type StepSpec,
} from '../../contracts/src/definition';
import { getRole } from './roles';

export interface FieldError {
  field: string;
  message: string;
}

export class DefinitionError extends Error {
  constructor(
    /** `id@version`, or the file name when the definition could not be read. */
    readonly definitionRef: string,
    readonly errors: FieldError[],
  ) {
    super(errors.map((e) => formatError(definitionRef, e)).join('\n'));
    this.name = 'DefinitionError';
  }

  /** One line per problem, `ref: path: message`. */
  get lines(): string[] {
    return this.errors.map((e) => formatError(this.definitionRef, e));
  }
}

export function formatError(ref: string, e: FieldError): string {
  return e.field ? `${ref}: ${e.field}: ${e.message}` : `${ref}: ${e.message}`;
}

export interface ValidateOptions {
  /** Every parameter must declare a default (null counts: "not set"). Default true: shipped definitions. */
  requireDefaults?: boolean;
}

const ID_RE = /^[a-z0-9][a-z0-9-]*$/;
const NAME_RE = /^[A-Za-z][A-Za-z0-9_]*$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PARAM_TYPES = ['boolean', 'number', 'text', 'date', 'enum'];
const OUTPUT_TYPES = ['date', 'number', 'text', 'reference'];
const UNITS: readonly string[] = SPAN_UNITS;
const WHOLE_UNITS = ['calendar-days', 'business-days', 'sitting-days', 'diet-days', 'months', 'month-starts'];

/** `YYYY-MM-DD` naming a real calendar date. */
export function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const m = DATE_RE.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  return v === undefined ? 'missing' : JSON.stringify(v);
}

/** Ref used in messages: `id@version` when readable. */
export function definitionRef(def: unknown): string {
  if (!isObj(def)) return '(definition)';
  const id = typeof def.id === 'string' && def.id ? def.id : '(no id)';
  return `${id}@${typeof def.version === 'number' ? def.version : '?'}`;
}

/** What a step may refer to: steps known to have finished before it runs. */
interface Scope {
  steps: Map<string, StepSpec>;
}

class DefinitionValidator {
  readonly errors: FieldError[] = [];
  private params: Record<string, ParameterSpec> = {};
  private parties: Party[] = [];
  private readonly seenIds = new Map<string, string>();

  constructor(private readonly opts: Required<ValidateOptions>) {}

  private err(field: string, message: string): void {
    this.errors.push({ field, message });
  }

  private keys(o: Record<string, unknown>, allowed: string[], path: string): void {
    for (const k of Object.keys(o)) {
      if (!allowed.includes(k))
        this.err(path ? `${path}.${k}` : k, `unknown field (allowed: ${allowed.join(', ')})`);
    }
  }

  private text(o: Record<string, unknown>, key: string, path: string, required: boolean): void {
    const v = o[key];
    if (v === undefined && !required) return;
    if (typeof v !== 'string' || v.trim() === '')
      this.err(`${path}${key}`, `must be a non-empty string, got ${describe(v)}`);
  }

  run(def: unknown): void {
    if (!isObj(def)) {
      this.err('', 'a definition must be an object');
      return;
    }
    this.keys(
      def,
      [
        'id',
        'version',
        'title',
        'description',
        'roadmap',
        'parties',
        'initiatorRoles',
        'idleAfter',
        'parameters',
        'steps',
        'titles',
        'descriptions',
        'sources',
      ],
      '',
    );
    this.translations(def.titles, 'titles');
    this.translations(def.descriptions, 'descriptions');
    this.sources(def.sources, 'sources');
    if (typeof def.id !== 'string' || !ID_RE.test(def.id))
      this.err('id', `must be lower-case kebab-case, got ${describe(def.id)}`);
    if (typeof def.version !== 'number' || !Number.isInteger(def.version) || def.version < 1) {
      this.err('version', `must be an integer ≥ 1, got ${describe(def.version)}`);
    }
    this.text(def, 'title', '', true);
    this.text(def, 'description', '', true);
    this.roadmap(def.roadmap);
    this.partiesList(def.parties);
    this.initiators(def.initiatorRoles);
    if (def.idleAfter !== undefined) this.span(def.idleAfter, 'idleAfter');
    this.parameters(def.parameters);
    if (!Array.isArray(def.steps) || def.steps.length === 0) {
      this.err('steps', 'must be a non-empty array');
      return;
    }
    this.sequence(def.steps, 'steps', { steps: new Map() });
  }

  private roadmap(r: unknown): void {
    if (!isObj(r)) return this.err('roadmap', 'must be an object { pillar, pillarTitle, section? }');
    this.keys(r, ['pillar', 'pillarTitle', 'pillarTitles', 'section'], 'roadmap');
    this.translations(r.pillarTitles, 'roadmap.pillarTitles');
    this.text(r, 'pillar', 'roadmap.', true);
    this.text(r, 'pillarTitle', 'roadmap.', true);
    this.text(r, 'section', 'roadmap.', false);
  }

  /** `optionTitles`: `{ option: { title, titles? } }`, only for options the parameter lists. */
  private optionTitles(s: ParameterSpec, path: string): void {
    const t: unknown = s.optionTitles;
    if (t === undefined) return;
    const p = `${path}.optionTitles`;
    if (!isObj(t)) return this.err(p, 'must be an object { option: { title, titles? } }');
    for (const [option, named] of Object.entries(t)) {
      if (!(s.options ?? []).includes(option))
        this.err(`${p}.${option}`, `not one of the options (${(s.options ?? []).join(', ')})`);
      if (!isObj(named)) {
        this.err(`${p}.${option}`, 'must be an object { title, titles? }');
        continue;
      }
      this.keys(named, ['title', 'titles'], `${p}.${option}`);
      if (typeof named.title !== 'string' || named.title.trim() === '')
        this.err(`${p}.${option}.title`, 'must be a non-empty string');
      this.translations(named.titles, `${p}.${option}.titles`);
    }
  }

  /** `{ fr?, ja? }`: the names beside the English title. */
  private translations(t: unknown, path: string): void {
    if (t === undefined) return;
    if (!isObj(t)) return this.err(path, 'must be an object { fr?, ja? }');
    this.keys(t, ['fr', 'ja'], path);
    for (const [k, v] of Object.entries(t))
      if (typeof v !== 'string' || v.trim() === '') this.err(`${path}.${k}`, 'must be a non-empty string');
  }

  private sources(list: unknown, path: string): void {
    if (list === undefined) return;
    if (!Array.isArray(list)) return this.err(path, 'must be an array of { title, url }');
    list.forEach((src, i) => {
      const p = `${path}[${i}]`;
      if (!isObj(src)) return this.err(p, 'must be an object { title, url }');
      this.keys(src, ['title', 'url', 'unverified'], p);
      if (src.unverified !== undefined && src.unverified !== true)
        this.err(`${p}.unverified`, `must be true when given, got ${describe(src.unverified)}`);
      this.text(src, 'title', `${p}.`, true);
      if (typeof src.url !== 'string' || !/^https?:\/\/\S+$/.test(src.url))
        this.err(`${p}.url`, `must be an http(s) URL, got ${describe(src.url)}`);
    });
  }

  /** A step's authority (per party), legal basis and sources: shown to officials, never read by the engine. */
  private reference(s: Record<string, unknown>, path: string): void {
    if (s.authority !== undefined) {
      if (!isObj(s.authority)) this.err(`${path}.authority`, 'must be an object { JP?, CA? }');
      else {
        this.keys(s.authority, [...PARTIES], `${path}.authority`);
        for (const [k, v] of Object.entries(s.authority))
          if (typeof v !== 'string' || v.trim() === '')
            this.err(`${path}.authority.${k}`, 'must be a non-empty string');
      }
    }
    this.text(s, 'legalBasis', `${path}.`, false);
    this.sources(s.sources, `${path}.sources`);
    if (s.legislature !== undefined && s.legislature !== 'diet' && s.legislature !== 'house-of-commons')
      this.err(`${path}.legislature`, `must be "diet" or "house-of-commons", got ${describe(s.legislature)}`);
  }

  private partiesList(p: unknown): void {
    if (!Array.isArray(p) || p.length === 0)
      return this.err('parties', 'must be a non-empty array of JP, CA');
    p.forEach((x, i) => {
      if (!PARTIES.includes(x as Party)) this.err(`parties[${i}]`, `unknown party ${describe(x)} (JP or CA)`);
      else if (p.indexOf(x) !== i) this.err(`parties[${i}]`, `duplicate party ${x}`);
    });
    this.parties = p.filter((x): x is Party => PARTIES.includes(x as Party));
  }

  private initiators(r: unknown): void {
    if (!Array.isArray(r) || r.length === 0) return this.err('initiatorRoles', 'must list at least one role');
    r.forEach((id, i) => {
      if (typeof id !== 'string' || !getRole(id))
        this.err(`initiatorRoles[${i}]`, `unknown role ${describe(id)}`);
    });
  }

  private parameters(p: unknown): void {
    if (!isObj(p)) return this.err('parameters', 'must be an object (may be empty)');
    for (const [name, spec] of Object.entries(p)) {
      const path = `parameters.${name}`;
      if (!NAME_RE.test(name)) this.err(path, 'parameter names are identifiers (letters, digits, _)');
      if (!isObj(spec)) {
        this.err(path, 'must be an object { type, default, ... }');
        continue;
      }
      this.keys(
        spec,
        ['type', 'title', 'titles', 'description', 'default', 'options', 'optionTitles', 'min', 'max'],
        path,
      );
      this.translations(spec.titles, `${path}.titles`);
      if (!PARAM_TYPES.includes(spec.type as string)) {
        this.err(`${path}.type`, `must be one of ${PARAM_TYPES.join(', ')}, got ${describe(spec.type)}`);
        continue;
      }
      const s = spec as unknown as ParameterSpec;
      if (s.type === 'enum') {
        if (
          !Array.isArray(s.options) ||
          s.options.length === 0 ||
          s.options.some((o) => typeof o !== 'string')
        ) {
          this.err(`${path}.options`, 'an enum needs a non-empty list of string options');
        }
        this.optionTitles(s, path);
      } else {
        if (s.options !== undefined) this.err(`${path}.options`, 'options apply to enum parameters only');
        if (s.optionTitles !== undefined)
          this.err(`${path}.optionTitles`, 'optionTitles apply to enum parameters only');
      }
      if (s.type === 'number') {
        for (const k of ['min', 'max'] as const) {
          if (s[k] !== undefined && (typeof s[k] !== 'number' || !Number.isFinite(s[k])))
            this.err(`${path}.${k}`, 'must be a number');
        }
        if (typeof s.min === 'number' && typeof s.max === 'number' && s.min > s.max)
          this.err(`${path}.min`, 'must not exceed max');
      } else if (s.min !== undefined || s.max !== undefined)
        this.err(path, 'min/max apply to number parameters only');
      if (!('default' in spec)) {
        if (this.opts.requireDefaults)
          this.err(
            `${path}.default`,
            'every parameter needs a default (null for "not set") so a process starts from a title alone',
          );
      } else if (s.default !== null) {
        const problem = valueProblem(s, s.default);
        if (problem) this.err(`${path}.default`, problem);
      }
    }
    this.params = p as Record<string, ParameterSpec>;
  }

  /** A sequence: ids, then each step with the steps before it in scope. */
  private sequence(steps: unknown[], path: string, outer: Scope): void {
    const scope: Scope = { steps: new Map(outer.steps) };
    // goto targets: this step or an earlier step of this sequence (a parallel block runs all its branches again).
    const localIds = steps.map((s) => (isObj(s) && typeof s.id === 'string' ? s.id : undefined));
    steps.forEach((raw, i) => {
      const p = `${path}[${i}]`;
      if (!isObj(raw)) return this.err(p, 'a step must be an object');
      this.step(raw, p, scope, localIds.slice(0, i + 1));
      for (const s of flatten(raw as unknown as StepSpec))
        if (typeof s.id === 'string') scope.steps.set(s.id, s);
    });
  }

  private claimId(id: unknown, path: string): void {
    if (typeof id !== 'string' || !ID_RE.test(id))
      return this.err(`${path}.id`, `must be lower-case kebab-case, got ${describe(id)}`);
    const prev = this.seenIds.get(id);
    if (prev) this.err(`${path}.id`, `duplicate id "${id}" (also at ${prev})`);
    else this.seenIds.set(id, path);
  }

  /** `internal`: a boolean, and only on a step of exactly one party (whose step it is). */
  private internal(s: Record<string, unknown>, path: string): void {
    if (s.internal === undefined) return;
    if (typeof s.internal !== 'boolean') {
      this.err(`${path}.internal`, `must be true or false, got ${describe(s.internal)}`);
      return;
    }
    const parties = s.parties && typeof s.parties === 'object' ? Object.keys(s.parties) : [];
    if (s.internal && parties.length !== 1)
      this.err(
        `${path}.internal`,
        `only a step of one party can be internal to it; this one has ${parties.length} (${parties.join(', ')})`,
      );
  }

  private step(
    s: Record<string, unknown>,
    path: string,
    scope: Scope,
    gotoable: (string | undefined)[],
  ): void {
    const common = [
      'id',
      'type',
      'title',
      'titles',
      'description',
      'when',
      'authority',
      'legalBasis',
      'sources',
      'legislature',
    ];
    this.translations(s.titles, `${path}.titles`);
    this.reference(s, path);
    const leaf = [...common, 'deadline', 'typically'];
    this.claimId(s.id, path);
    this.text(s, 'title', `${path}.`, true);
    if (s.description !== undefined && typeof s.description !== 'string')
      this.err(`${path}.description`, 'must be a string');
    if (s.when !== undefined) this.condition(s.when, `${path}.when`, scope);
    switch (s.type) {
      case 'approval':
        this.keys(s, [...leaf, 'parties', 'onReject', 'onRequestChanges', 'maxRounds', 'internal'], path);
        this.internal(s, path);
        this.assignments(s.parties, `${path}.parties`, true);
        this.route(s.onReject, `${path}.onReject`, gotoable);
        this.route(s.onRequestChanges, `${path}.onRequestChanges`, gotoable);
        if (s.maxRounds !== undefined && !(Number.isInteger(s.maxRounds) && (s.maxRounds as number) >= 1)) {
          this.err(`${path}.maxRounds`, `must be an integer ≥ 1, got ${describe(s.maxRounds)}`);
        }
        break;
      case 'task':
        this.keys(s, [...leaf, 'parties', 'outputs', 'internal'], path);
        this.internal(s, path);
        this.assignments(s.parties, `${path}.parties`, false);
        this.outputs(s.outputs, `${path}.outputs`);
        break;
      case 'timer':
        this.keys(s, [...common, 'typically', 'from', 'wait', 'waivable'], path);
        if (s.from === undefined && s.wait === undefined)
          this.err(path, 'a timer needs `wait`, `from`, or both');
        if (s.from !== undefined) this.dateExpr(s.from, `${path}.from`, scope);
        if (s.wait !== undefined) this.span(s.wait, `${path}.wait`);
        if (s.waivable !== undefined && typeof s.waivable !== 'boolean')
          this.err(`${path}.waivable`, 'must be true or false');
        break;
      case 'parallel':
        this.keys(s, [...common, 'branches'], path);
        this.branches(s.branches, `${path}.branches`, scope);
        return;
      default:
        this.err(`${path}.type`, `must be approval, task, timer or parallel, got ${describe(s.type)}`);
        return;
    }
    if (s.deadline !== undefined) this.deadline(s.deadline, `${path}.deadline`);
    if (s.typically !== undefined) this.span(s.typically, `${path}.typically`);
  }

  private branches(b: unknown, path: string, scope: Scope): void {
    if (!Array.isArray(b) || b.length === 0)
      return this.err(path, 'a parallel step needs at least one branch');
    b.forEach((br, i) => {
      const p = `${path}[${i}]`;
      if (!isObj(br)) return this.err(p, 'a branch must be an object { id, title, when?, steps }');
      this.keys(br, ['id', 'title', 'titles', 'when', 'steps'], p);
      this.translations(br.titles, `${p}.titles`);
      this.claimId(br.id, p);
      this.text(br, 'title', `${p}.`, true);
      if (br.when !== undefined) this.condition(br.when, `${p}.when`, scope);
      if (!Array.isArray(br.steps) || br.steps.length === 0)
        return this.err(`${p}.steps`, 'must be a non-empty array');
      // Sibling branches run concurrently: a branch sees only what finished before the parallel step.
      this.sequence(br.steps, `${p}.steps`, scope);
    });
  }

  private assignments(a: unknown, path: string, approval: boolean): void {
    if (!isObj(a) || Object.keys(a).length === 0)
      return this.err(path, 'must name at least one party, e.g. { JP: { roles: [...] } }');
    for (const [party, asg] of Object.entries(a)) {
      const p = `${path}.${party}`;
      if (!PARTIES.includes(party as Party)) {
        this.err(p, `unknown party (JP or CA)`);
        continue;
      }
      if (!this.parties.includes(party as Party))
        this.err(p, `party ${party} is not among the definition's parties`);
      if (!isObj(asg)) {
        this.err(p, 'must be an object { roles, rule? }');
        continue;
      }
      this.keys(asg, ['roles', 'rule'], p);
      const roles = asg.roles;
      if (!Array.isArray(roles) || roles.length === 0) this.err(`${p}.roles`, 'must list at least one role');
      else
        roles.forEach((id, i) => {
          const role = typeof id === 'string' ? getRole(id) : undefined;
          if (!role) this.err(`${p}.roles[${i}]`, `unknown role ${describe(id)}`);
          else if (role.party !== party) {
            this.err(
              `${p}.roles[${i}]`,
              `role ${id} belongs to ${role.party ?? 'both parties (joint secretariat)'}, not ${party}`,
            );
          } else if (roles.indexOf(id) !== i) this.err(`${p}.roles[${i}]`, `duplicate role ${id}`);
        });
      if (asg.rule === undefined) continue;
      if (!approval) {
        this.err(
          `${p}.rule`,
          'a rule applies to approval steps only (any eligible principal completes a task)',
        );
        continue;
      }
      const r = asg.rule;
      if (r === 'all' || r === 'any') continue;
      if (isObj(r) && 'quorum' in r) {
        this.keys(r, ['quorum'], `${p}.rule`);
        if (!Number.isInteger(r.quorum) || (r.quorum as number) < 1)
          this.err(`${p}.rule`, 'quorum must be an integer ≥ 1');
      } else this.err(`${p}.rule`, `must be "all", "any" or { quorum: n }, got ${describe(r)}`);
    }
  }

  private route(r: unknown, path: string, gotoable: (string | undefined)[]): void {
    if (r === undefined || r === 'end') return;
    if (!isObj(r) || typeof r.goto !== 'string')
      return this.err(path, `must be "end" or { goto: stepId }, got ${describe(r)}`);
    this.keys(r, ['goto'], path);
    if (!gotoable.includes(r.goto)) {
      this.err(`${path}.goto`, `"${r.goto}" is not this step or an earlier step of the same sequence`);
    }
  }

  private outputs(o: unknown, path: string): void {
    if (o === undefined) return;
    if (!isObj(o)) return this.err(path, 'must be an object { name: { type } }');
    for (const [name, spec] of Object.entries(o)) {
      const p = `${path}.${name}`;
      if (!NAME_RE.test(name)) this.err(p, 'output names are identifiers (letters, digits, _)');
      if (!isObj(spec)) {
        this.err(p, 'must be an object { type, title?, required? }');
        continue;
      }
      this.keys(spec, ['type', 'title', 'titles', 'required'], p);
      this.translations(spec.titles, `${p}.titles`);
      if (!OUTPUT_TYPES.includes(spec.type as string))
        this.err(`${p}.type`, `must be one of ${OUTPUT_TYPES.join(', ')}, got ${describe(spec.type)}`);
      if (spec.required !== undefined && typeof spec.required !== 'boolean')
        this.err(`${p}.required`, 'must be true or false');
    }
  }

  private deadline(d: unknown, path: string): void {
    if (!isObj(d)) return this.err(path, 'must be an object { within, remindBefore?, escalateAfter? }');
    this.keys(d, ['within', 'remindBefore', 'escalateAfter', 'perPartyCalendars'], path);
    if (d.within === undefined) this.err(`${path}.within`, 'missing');
    else this.span(d.within, `${path}.within`);
    if (d.perPartyCalendars !== undefined) {
      if (typeof d.perPartyCalendars !== 'boolean')
        this.err(`${path}.perPartyCalendars`, `must be true or false, got ${describe(d.perPartyCalendars)}`);
      else if (d.perPartyCalendars && isObj(d.within) && d.within.unit !== 'business-days')
        this.err(
          `${path}.perPartyCalendars`,
          `counts each party's business days: within.unit must be business-days, got ${describe(d.within.unit)}`,
        );
    }
    for (const k of ['remindBefore', 'escalateAfter'] as const) {
      const list = d[k];
      if (list === undefined) continue;
      if (!Array.isArray(list)) this.err(`${path}.${k}`, 'must be an array of spans');
      else list.forEach((s, i) => this.span(s, `${path}.${k}[${i}]`));
    }
  }

  span(s: unknown, path: string): void {
    if (!isObj(s)) return this.err(path, 'must be a span { amount, unit, calendar? }');
    this.keys(s, ['amount', 'unit', 'calendar'], path);
    const unit = s.unit as string;
    if (!UNITS.includes(unit))
      this.err(`${path}.unit`, `must be one of ${UNITS.join(', ')}, got ${describe(s.unit)}`);
    const a = s.amount;
    if (isObj(a)) {
      this.keys(a, ['param'], `${path}.amount`);
      const spec = typeof a.param === 'string' ? this.params[a.param] : undefined;
      if (!spec) this.err(`${path}.amount.param`, `unknown parameter ${describe(a.param)}`);
      else if (spec.type !== 'number')
        this.err(
          `${path}.amount.param`,
          `parameter ${a.param} is ${spec.type}, a span amount needs a number parameter`,
        );
    } else if (typeof a !== 'number' || !Number.isFinite(a) || a < 0) {
      this.err(`${path}.amount`, `must be a number ≥ 0 or { param }, got ${describe(a)}`);
    } else if (WHOLE_UNITS.includes(unit) && !Number.isInteger(a)) {
      this.err(`${path}.amount`, `${unit} are counted whole: must be an integer`);
    }
    if (s.calendar !== undefined && !PARTIES.includes(s.calendar as Party))
      this.err(`${path}.calendar`, `must be JP or CA, got ${describe(s.calendar)}`);
    if (unit === 'business-days' && s.calendar === undefined)
      this.err(`${path}.calendar`, 'business-days need a calendar (JP or CA)');
    if (unit === 'sitting-days' && s.calendar !== 'CA')
      this.err(`${path}.calendar`, 'sitting-days are House of Commons sitting days: calendar must be CA');
    if (unit === 'diet-days' && s.calendar !== 'JP')
      this.err(
        `${path}.calendar`,
        'diet-days are days the National Diet sits in session: calendar must be JP',
      );
  }

  private earlierOutput(ref: unknown, path: string, scope: Scope): OutputSpec | undefined {
    if (typeof ref !== 'string' || !ref.includes('.')) {
      this.err(path, `must be "stepId.outputName", got ${describe(ref)}`);
      return undefined;
    }
    const [stepId, name] = ref.split('.', 2);
    const step = scope.steps.get(stepId);
    if (!step) {
      this.err(path, `"${stepId}" is not a step that finishes before this one`);
      return undefined;
    }
    if (step.type !== 'task') {
      this.err(path, `"${stepId}" is a ${step.type} step; only task steps record outputs`);
      return undefined;
    }
    const out = step.outputs?.[name];
    if (!out) this.err(path, `task "${stepId}" has no output "${name}"`);
    return out;
  }

  private dateExpr(e: unknown, path: string, scope: Scope): void {
    if (!isObj(e))
      return this.err(
        path,
        'must be a date expression { param | output | latestOf | earliestOf | stepCompleted }',
      );
    const kinds = ['param', 'output', 'latestOf', 'earliestOf', 'stepCompleted'].filter((k) => k in e);
    if (kinds.length !== 1)
      return this.err(path, `must have exactly one of param, output, latestOf, earliestOf, stepCompleted`);
    this.keys(e, kinds, path);
    const k = kinds[0];
    if (k === 'param') {
      const spec = typeof e.param === 'string' ? this.params[e.param] : undefined;
      if (!spec) this.err(`${path}.param`, `unknown parameter ${describe(e.param)}`);
      else if (spec.type !== 'date')
        this.err(`${path}.param`, `parameter ${e.param} is ${spec.type}, not a date`);
    } else if (k === 'output') {
      const out = this.earlierOutput(e.output, `${path}.output`, scope);
      if (out && out.type !== 'date')
        this.err(`${path}.output`, `output ${e.output} is ${out.type}, not a date`);
    } else if (k === 'stepCompleted') {
      if (typeof e.stepCompleted !== 'string' || !scope.steps.has(e.stepCompleted)) {
        this.err(
          `${path}.stepCompleted`,
          `${describe(e.stepCompleted)} is not a step that finishes before this one`,
        );
      }
    } else {
      const list = e[k];
      if (!Array.isArray(list) || list.length === 0)
        return this.err(`${path}.${k}`, 'must be a non-empty array');
      list.forEach((x, i) => this.dateExpr(x, `${path}.${k}[${i}]`, scope));
    }
  }

  private condition(c: unknown, path: string, scope: Scope): void {
    if (!isObj(c)) return this.err(path, 'must be a condition object');
    if ('all' in c || 'any' in c) {
      const k = 'all' in c ? 'all' : 'any';
      this.keys(c, [k], path);
      const list = c[k];
      if (!Array.isArray(list) || list.length === 0)
        return this.err(`${path}.${k}`, 'must be a non-empty array');
      list.forEach((x, i) => this.condition(x, `${path}.${k}[${i}]`, scope));
      return;
    }
    if ('not' in c) {
      this.keys(c, ['not'], path);
      return this.condition(c.not, `${path}.not`, scope);
    }
    // A bare { param } tests truthiness, a bare { output } existence (as the interpreter evaluates them).
    let check: (v: unknown) => string | undefined = () => undefined;
    if ('param' in c) {
      this.keys(c, ['param', 'equals', 'in', 'truthy'], path);
      const spec = typeof c.param === 'string' ? this.params[c.param] : undefined;
      if (!spec) this.err(`${path}.param`, `unknown parameter ${describe(c.param)}`);
      else check = (v) => (v === null ? undefined : valueProblem(spec, v));
      if ('truthy' in c && typeof c.truthy !== 'boolean') this.err(`${path}.truthy`, 'must be true or false');
    } else if ('output' in c) {
      this.keys(c, ['output', 'equals', 'in', 'exists'], path);
      const out = this.earlierOutput(c.output, `${path}.output`, scope);
      if (out) check = (v) => (v === null ? undefined : outputValueProblem(out, v));
      if ('exists' in c && typeof c.exists !== 'boolean') this.err(`${path}.exists`, 'must be true or false');
    } else return this.err(path, 'must be one of { all }, { any }, { not }, { param, ... }, { output, ... }');
    if ('equals' in c) {
      const p = check(c.equals);
      if (p) this.err(`${path}.equals`, p);
    }
    if ('in' in c) {
      if (!Array.isArray(c.in) || c.in.length === 0) this.err(`${path}.in`, 'must be a non-empty array');
      else
        c.in.forEach((v, i) => {
          const p = check(v);
          if (p) this.err(`${path}.in[${i}]`, p);
        });
    }
  }
}

/** All steps of a step, itself included (parallel → branches → steps, recursively). */
export function flatten(step: StepSpec): StepSpec[] {
  if (step.type !== 'parallel' || !Array.isArray(step.branches)) return [step];
  return [step, ...step.branches.flatMap((b) => (Array.isArray(b?.steps) ? b.steps.flatMap(flatten) : []))];
}

/** Why `v` is not a valid value for the parameter, or undefined. */
function valueProblem(spec: ParameterSpec, v: unknown): string | undefined {
  switch (spec.type) {
    case 'boolean':
      return typeof v === 'boolean' ? undefined : `must be true or false, got ${describe(v)}`;
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return `must be a number, got ${describe(v)}`;
      if (spec.min !== undefined && v < spec.min) return `must be ≥ ${spec.min}, got ${v}`;
      if (spec.max !== undefined && v > spec.max) return `must be ≤ ${spec.max}, got ${v}`;
      return undefined;
    case 'text':
      return typeof v === 'string' ? undefined : `must be a string, got ${describe(v)}`;
    case 'date':
      return isIsoDate(v) ? undefined : `must be a date YYYY-MM-DD, got ${describe(v)}`;
    case 'enum':
      return typeof v === 'string' && (spec.options ?? []).includes(v)
        ? undefined
        : `must be one of ${(spec.options ?? []).join(', ')}, got ${describe(v)}`;
  }
}

function outputValueProblem(spec: OutputSpec, v: unknown): string | undefined {
  if (spec.type === 'number')
    return typeof v === 'number' ? undefined : `must be a number, got ${describe(v)}`;
  if (spec.type === 'date') return isIsoDate(v) ? undefined : `must be a date YYYY-MM-DD, got ${describe(v)}`;
  return typeof v === 'string' ? undefined : `must be a string, got ${describe(v)}`;
}

/** The problems of a definition (empty when valid), with field paths. */
export function definitionErrors(def: unknown, options: ValidateOptions = {}): FieldError[] {
  const v = new DefinitionValidator({ requireDefaults: options.requireDefaults ?? true });
  v.run(def);
  return v.errors;
}

/** The problems as lines `id@version: path: message` (empty when valid). */
export function validateDefinition(def: unknown, options: ValidateOptions = {}): string[] {
  const ref = definitionRef(def);
  return definitionErrors(def, options).map((e) => formatError(ref, e));
}

/** The definition, typed, or a DefinitionError listing every problem. */
export function assertValidDefinition(def: unknown, options: ValidateOptions = {}): ProcessDefinition {
  const errors = definitionErrors(def, options);
  if (errors.length) throw new DefinitionError(definitionRef(def), errors);
  return def as ProcessDefinition;
}

export type ParametersResult =
  { ok: true; values: Record<string, ParamValue> } | { ok: false; errors: FieldError[] };

/**
 * The parameters a process starts with: the input checked against the definition, defaults applied.
 * Errors name the field as `parameters.<name>` (the API returns them as a 400).
 */
export function validateParameters(definition: ProcessDefinition, input: unknown): ParametersResult {
  const errors: FieldError[] = [];
  if (input !== undefined && input !== null && !isObj(input)) {
    return { ok: false, errors: [{ field: 'parameters', message: 'must be an object' }] };
  }
  const given = (input ?? {}) as Record<string, unknown>;
  for (const name of Object.keys(given)) {
    if (!(name in definition.parameters)) {
      const known = Object.keys(definition.parameters);
      errors.push({
        field: `parameters.${name}`,
        message: `unknown parameter for ${definition.id}@${definition.version}${known.length ? ` (known: ${known.join(', ')})` : ''}`,
      });
    }
  }
  const values: Record<string, ParamValue> = {};
  for (const [name, spec] of Object.entries(definition.parameters)) {
    const has = Object.prototype.hasOwnProperty.call(given, name) && given[name] !== undefined;
    const v = has ? given[name] : spec.default;
    if (v === undefined) {
      errors.push({ field: `parameters.${name}`, message: 'is required (the definition gives no default)' });
      continue;
    }
    if (v === null) {
      // null means "not set"; only allowed where the definition itself says the parameter may be unset.
      if (spec.default === null) values[name] = null;
      else
        errors.push({
          field: `parameters.${name}`,
          message: `may not be null (default ${JSON.stringify(spec.default)})`,
        });
      continue;
    }
    const problem = valueProblem(spec, v);
    if (problem) errors.push({ field: `parameters.${name}`, message: problem });
    else values[name] = v as ParamValue;
  }
  return errors.length ? { ok: false, errors } : { ok: true, values };
}

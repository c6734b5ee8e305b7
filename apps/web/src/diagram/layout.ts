/**
 * Lays out a process definition as a diagram with one lane per party: dagre (top to bottom) orders the
 * steps and places parallel branches side by side; each node then moves into its party's lane (JP on the
 * left, CA on the right), and steps both parties act on (joint steps, timers) span both lanes. The width
 * depends on the parties and parallel branches only, never on the number of steps, so it fits the page.
 */
import dagre from '@dagrejs/dagre';
import type { Party, StepSpec } from '../../../../libs/contracts/src/definition';

export const NODE_W = 184;
export const NODE_H = 84;
/** Fork and join bars. */
const BAR_H = 4;
const COL_GAP = 16;
const RANK_GAP = 28;
const LANE_PAD = 14;
/** Room for the lanes' names above the first step. */
const LABEL_H = 36;

export type Lane = Party | 'joint';

export interface DiagramNode {
  id: string;
  /** A leaf step of the definition, or a parallel block's fork/join point. */
  kind: 'step' | 'fork' | 'join';
  lane: Lane;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface DiagramEdge {
  from: string;
  to: string;
  points: Array<{ x: number; y: number }>;
}

export interface DiagramLayout {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  /** One column per party, the full height of the diagram. */
  lanes: Array<{ party: Party; x: number; w: number; y: number; h: number }>;
  width: number;
  height: number;
}

interface Graph {
  nodes: Array<{ id: string; kind: DiagramNode['kind']; lane: Lane }>;
  edges: Array<[string, string]>;
}

/** A step's lane: its one party; a timer or a step of both parties spans both, unless it sits in a branch
 * whose steps are all one party's (a CA tabling period between CA steps stays in the CA lane). */
function laneOf(step: StepSpec, branchLane?: Lane): Lane {
  if (step.type === 'parallel') return 'joint';
  if (step.type === 'timer') return branchLane ?? 'joint';
  const parties = Object.keys(step.parties ?? {}) as Party[];
  return parties.length === 1 ? parties[0]! : 'joint';
}

/** The one party of every non-timer step of a branch (deep), if there is exactly one. */
function branchLaneOf(steps: StepSpec[]): Lane | undefined {
  const lanes = new Set<Lane>();
  const visit = (s: StepSpec) => {
    if (s.type === 'parallel') s.branches.forEach((b) => b.steps.forEach(visit));
    else if (s.type !== 'timer') lanes.add(laneOf(s));
  };
  steps.forEach(visit);
  const [only] = [...lanes];
  return lanes.size === 1 && only !== 'joint' ? only : undefined;
}

/** The definition's steps as a graph: returns the entry and exit node ids of a sequence. */
function addSequence(g: Graph, steps: StepSpec[], branchLane?: Lane): { first: string; last: string } | null {
  let first: string | null = null;
  let prev: string | null = null;
  for (const step of steps) {
    let entry: string;
    let exit: string;
    if (step.type === 'parallel') {
      entry = `${step.id}:fork`;
      exit = `${step.id}:join`;
      g.nodes.push({ id: entry, kind: 'fork', lane: 'joint' }, { id: exit, kind: 'join', lane: 'joint' });
      for (const branch of step.branches) {
        const inner = addSequence(g, branch.steps, branchLaneOf(branch.steps) ?? branchLane);
        if (inner) g.edges.push([entry, inner.first], [inner.last, exit]);
        else g.edges.push([entry, exit]);
      }
    } else {
      entry = exit = step.id;
      g.nodes.push({ id: step.id, kind: 'step', lane: laneOf(step, branchLane) });
    }
    if (prev) g.edges.push([prev, entry]);
    first ??= entry;
    prev = exit;
  }
  return first && prev ? { first, last: prev } : null;
}

export function layoutDefinition(steps: StepSpec[], parties: Party[]): DiagramLayout {
  const g: Graph = { nodes: [], edges: [] };
  addSequence(g, steps);
  const dg = new dagre.graphlib.Graph();
  // Top to bottom: however many steps a process has, its lanes fit the page's width side by side.
  dg.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: RANK_GAP, marginx: 0, marginy: 0 });
  dg.setDefaultEdgeLabel(() => ({}));
  for (const n of g.nodes) dg.setNode(n.id, { width: NODE_W, height: n.kind === 'step' ? NODE_H : BAR_H });
  for (const [a, b] of g.edges) dg.setEdge(a, b);
  dagre.layout(dg);

  // Columns within a lane: nodes of one rank (same dagre y) in the same lane sit side by side, in dagre's order.
  const lanes = parties.length ? parties : (['JP', 'CA'] as Party[]);
  const placed = g.nodes.map((n) => ({ ...n, dx: dg.node(n.id).x, dy: dg.node(n.id).y }));
  const colOf = new Map<string, number>();
  const colsPerLane = new Map<Lane, number>(lanes.map((p) => [p, 1]));
  // A joint step sharing its rank with a lane's step (a timer in parallel with one party's step) cannot span
  // both lanes without covering it: it joins a lane free at that rank, else the last lane as one more column.
  const byRank = new Map<number, typeof placed>();
  for (const n of placed) byRank.set(Math.round(n.dy), [...(byRank.get(Math.round(n.dy)) ?? []), n]);
  for (const group of byRank.values()) {
    const used = new Set(group.map((n) => n.lane).filter((l) => l !== 'joint'));
    if (!used.size) continue;
    const free = lanes.filter((p) => !used.has(p));
    for (const n of group) if (n.lane === 'joint') n.lane = free[0] ?? lanes[lanes.length - 1]!;
  }
  const ranks = new Map<string, typeof placed>();
  for (const n of placed) {
    const key = `${Math.round(n.dy)}|${n.lane}`;
    ranks.set(key, [...(ranks.get(key) ?? []), n]);
  }
  for (const group of ranks.values()) {
    group.sort((a, b) => a.dx - b.dx);
    group.forEach((n, i) => colOf.set(n.id, i));
    const lane = group[0]!.lane;
    if (lane !== 'joint') colsPerLane.set(lane, Math.max(colsPerLane.get(lane) ?? 1, group.length));
  }
  const laneBoxes: Array<{ party: Party; x: number; w: number }> = [];
  let x = 0;
  for (const party of lanes) {
    const w = LANE_PAD * 2 + (colsPerLane.get(party) ?? 1) * (NODE_W + COL_GAP) - COL_GAP;
    laneBoxes.push({ party, x, w });
    x += w;
  }
  const width = x;
  const nodes: DiagramNode[] = placed.map((n) => {
    const h = n.kind === 'step' ? NODE_H : BAR_H;
    const y = LABEL_H + n.dy - h / 2;
    const box = laneBoxes.find((l) => l.party === n.lane);
    if (!box) {
      // Joint: spans every lane (timers, steps of both parties, fork and join bars).
      const jointCols = ranks.get(`${Math.round(n.dy)}|joint`)?.length ?? 1;
      const col = colOf.get(n.id) ?? 0;
      const slot = (width - LANE_PAD * 2) / jointCols;
      return {
        id: n.id,
        kind: n.kind,
        lane: n.lane,
        x: LANE_PAD + col * slot,
        w: slot - (jointCols > 1 ? COL_GAP : 0),
        y,
        h,
      };
    }
    const col = colOf.get(n.id) ?? 0;
    return {
      id: n.id,
      kind: n.kind,
      lane: n.lane,
      x: box.x + LANE_PAD + col * (NODE_W + COL_GAP),
      w: NODE_W,
      y,
      h,
    };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges: DiagramEdge[] = g.edges.map(([from, to]) => {
    const a = byId.get(from)!;
    const b = byId.get(to)!;
    // From the bottom of one box to the top of the next, leaving and entering where the two overlap.
    const overlapL = Math.max(a.x, b.x);
    const overlapR = Math.min(a.x + a.w, b.x + b.w);
    const sx = overlapL < overlapR ? (overlapL + overlapR) / 2 : a.x + a.w / 2;
    const ex = overlapL < overlapR ? sx : b.x + b.w / 2;
    const start = { x: sx, y: a.y + a.h };
    const end = { x: ex, y: b.y };
    const midY = (start.y + end.y) / 2;
    return { from, to, points: [start, { x: start.x, y: midY }, { x: end.x, y: midY }, end] };
  });
  const height = Math.max(...nodes.map((n) => n.y + n.h), LABEL_H) + LANE_PAD;
  return { nodes, edges, lanes: laneBoxes.map((l) => ({ ...l, y: 0, h: height })), width, height };
}

/**
 * Lays out a process definition as a diagram with one lane per party: dagre (left to right) orders the
 * steps and places parallel branches side by side; each node then moves into its party's lane (JP above,
 * CA below), and steps both parties act on (joint steps, timers) span both lanes.
 */
import dagre from '@dagrejs/dagre';
import type { Party, StepSpec } from '../../../../libs/contracts/src/definition';

export const NODE_W = 184;
export const NODE_H = 76;
const ROW_GAP = 16;
const LANE_PAD = 18;

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
  lanes: Array<{ party: Party; y: number; h: number }>;
  width: number;
  height: number;
}

interface Graph {
  nodes: Array<{ id: string; kind: DiagramNode['kind']; lane: Lane }>;
  edges: Array<[string, string]>;
}

function laneOf(step: StepSpec): Lane {
  if (step.type === 'timer' || step.type === 'parallel') return 'joint';
  const parties = Object.keys(step.parties ?? {}) as Party[];
  return parties.length === 1 ? parties[0]! : 'joint';
}

/** The definition's steps as a graph: returns the entry and exit node ids of a sequence. */
function addSequence(g: Graph, steps: StepSpec[]): { first: string; last: string } | null {
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
        const inner = addSequence(g, branch.steps);
        if (inner) g.edges.push([entry, inner.first], [inner.last, exit]);
        else g.edges.push([entry, exit]);
      }
    } else {
      entry = exit = step.id;
      g.nodes.push({ id: step.id, kind: 'step', lane: laneOf(step) });
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
  dg.setGraph({ rankdir: 'LR', nodesep: 24, ranksep: 36, marginx: 8, marginy: 8 });
  dg.setDefaultEdgeLabel(() => ({}));
  for (const n of g.nodes) dg.setNode(n.id, { width: n.kind === 'step' ? NODE_W : 14, height: NODE_H });
  for (const [a, b] of g.edges) dg.setEdge(a, b);
  dagre.layout(dg);

  // Rows within a lane: nodes sharing a column (same dagre x) in the same lane stack in dagre's order.
  const lanes = parties.length ? parties : (['JP', 'CA'] as Party[]);
  const placed = g.nodes.map((n) => ({ ...n, dx: dg.node(n.id).x, dy: dg.node(n.id).y }));
  const rowsOf = new Map<string, number>();
  const rowsPerLane = new Map<Lane, number>(lanes.map((p) => [p, 1]));
  const columns = new Map<string, typeof placed>();
  for (const n of placed) {
    const key = `${Math.round(n.dx)}|${n.lane}`;
    columns.set(key, [...(columns.get(key) ?? []), n]);
  }
  for (const group of columns.values()) {
    group.sort((a, b) => a.dy - b.dy);
    group.forEach((n, i) => rowsOf.set(n.id, i));
    const lane = group[0]!.lane;
    if (lane !== 'joint') rowsPerLane.set(lane, Math.max(rowsPerLane.get(lane) ?? 1, group.length));
  }
  const laneBoxes: DiagramLayout['lanes'] = [];
  let y = 0;
  for (const party of lanes) {
    const h = LANE_PAD * 2 + (rowsPerLane.get(party) ?? 1) * (NODE_H + ROW_GAP) - ROW_GAP;
    laneBoxes.push({ party, y, h });
    y += h;
  }
  const height = y;
  const LABEL_W = 56;
  const nodes: DiagramNode[] = placed.map((n) => {
    const w = n.kind === 'step' ? NODE_W : 14;
    const x = LABEL_W + n.dx - w / 2;
    const box = laneBoxes.find((l) => l.party === n.lane);
    if (!box) {
      // Joint: spans every lane (timers, steps of both parties, fork and join bars).
      const jointRows = columns.get(`${Math.round(n.dx)}|joint`)?.length ?? 1;
      const row = rowsOf.get(n.id) ?? 0;
      const slot = (height - LANE_PAD * 2) / jointRows;
      return {
        id: n.id,
        kind: n.kind,
        lane: n.lane,
        x,
        w,
        y: LANE_PAD + row * slot,
        h: slot - (jointRows > 1 ? ROW_GAP : 0),
      };
    }
    const row = rowsOf.get(n.id) ?? 0;
    return {
      id: n.id,
      kind: n.kind,
      lane: n.lane,
      x,
      w,
      y: box.y + LANE_PAD + row * (NODE_H + ROW_GAP),
      h: NODE_H,
    };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges: DiagramEdge[] = g.edges.map(([from, to]) => {
    const a = byId.get(from)!;
    const b = byId.get(to)!;
    const start = { x: a.x + a.w, y: a.y + a.h / 2 };
    const end = { x: b.x, y: b.y + b.h / 2 };
    const midX = (start.x + end.x) / 2;
    return { from, to, points: [start, { x: midX, y: start.y }, { x: midX, y: end.y }, end] };
  });
  const width = Math.max(...nodes.map((n) => n.x + n.w), 0) + 16;
  return { nodes, edges, lanes: laneBoxes, width, height };
}

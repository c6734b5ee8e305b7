/** Lookups over a definition's step tree, computed once per definition object. */
import type {
  LeafStepSpec,
  ParallelStepSpec,
  ProcessDefinition,
  StepSpec,
} from '../../libs/contracts/src/definition';

export interface LeafInfo {
  spec: LeafStepSpec;
  /** Position in document order among all leaves. */
  index: number;
  parallel: { id: string; branch: string } | null;
  path: StepPath;
}

/** The chain of sequences containing a step (leaf or block), outermost first: [sequence, index in it]. */
export type StepPath = Array<{ seq: StepSpec[]; at: number }>;

export interface DefinitionIndex {
  leaves: Map<string, LeafInfo>;
  order: string[];
  blocks: Map<string, ParallelStepSpec>;
  /** Where each parallel block sits (route-back targets may be blocks). */
  blockPaths: Map<string, StepPath>;
}

const cache = new WeakMap<ProcessDefinition, DefinitionIndex>();

export function indexOf(def: ProcessDefinition): DefinitionIndex {
  const hit = cache.get(def);
  if (hit) return hit;
  const idx: DefinitionIndex = { leaves: new Map(), order: [], blocks: new Map(), blockPaths: new Map() };
  const walk = (seq: StepSpec[], path: StepPath, parallel: { id: string; branch: string } | null) => {
    seq.forEach((step, at) => {
      const here = [...path, { seq, at }];
      if (step.type === 'parallel') {
        idx.blocks.set(step.id, step);
        idx.blockPaths.set(step.id, here);
        for (const b of step.branches) walk(b.steps, here, { id: step.id, branch: b.id });
      } else {
        idx.leaves.set(step.id, { spec: step, index: idx.order.length, parallel, path: here });
        idx.order.push(step.id);
      }
    });
  };
  walk(def.steps, [], null);
  cache.set(def, idx);
  return idx;
}

/** Every leaf step id inside a step (itself when a leaf). */
export function leavesWithin(step: StepSpec): string[] {
  if (step.type !== 'parallel') return [step.id];
  return step.branches.flatMap((b) => b.steps.flatMap(leavesWithin));
}

/** Every parallel block id inside a step (itself included). */
export function blocksWithin(step: StepSpec): string[] {
  if (step.type !== 'parallel') return [];
  return [step.id, ...step.branches.flatMap((b) => b.steps.flatMap(blocksWithin))];
}

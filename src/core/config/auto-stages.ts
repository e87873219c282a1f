import { gridSize, type Parameter, type Space } from '../distributions/distribution.js';
import { decadeValues, refinable } from '../study/stage-space.js';
import type { Stage } from './types.js';

/** The roles `stages: auto` knows, in the order it searches them. */
export type Role = 'optimizer' | 'learning_rate' | 'architecture' | 'regularisation' | 'other';

/**
 * Common parameter names by role, compared after lower-casing and turning `-` into `_` (so `learning-rate`,
 * `batch-size` match). They cover the built-in trainer's names and the usual ones of training scripts. Everything
 * else, batch size included (the Playbook treats it as a cost knob chosen for throughput, not a quality knob),
 * is searched last with the rest.
 */
export const ROLE_NAMES: Readonly<Record<Exclude<Role, 'other'>, readonly string[]>> = {
  optimizer: ['optimizer', 'optim', 'opt', 'optimiser'],
  learning_rate: ['learning_rate', 'lr', 'learningrate', 'eta', 'step_size'],
  architecture: [
    'units',
    'hidden',
    'hidden_units',
    'hidden_size',
    'width',
    'layers',
    'num_layers',
    'n_layers',
    'depth',
    'filters',
    'conv_layers',
    'channels',
    'kernel_size',
    'width_schedule',
    'filter_schedule',
  ],
  regularisation: ['dropout', 'weight_decay', 'wd', 'l1', 'l2', 'label_smoothing'],
};

/** Without `run_cap`/`budget.trials`, `stages: auto` plans for this many trials (the sweep default). */
export const AUTO_TRIALS = 20;
/** Every non-grid stage gets at least this many trials, whatever the budget. */
export const MIN_STAGE_TRIALS = 2;

export function roleOf(name: string): Role {
  const n = name.toLowerCase().replace(/-/g, '_');
  for (const [role, names] of Object.entries(ROLE_NAMES)) if (names.includes(n)) return role as Role;
  return 'other';
}

/** A planned stage before the budget split: grids carry their size, the rest a share weight. */
interface Draft {
  readonly stage: Omit<Stage, 'trials'>;
  readonly gridSize?: number;
  readonly weight: number;
}

/**
 * `stages: auto`: optimizer (grid) → the order of magnitude of the learning rate (decade grid), then its best
 * decade refined (bayes) → architecture → regularisation → everything else, each group by grid when it is a
 * finite list no bigger than its share of the budget and by bayes otherwise (grid early, Bayesian late).
 * Budget: grids take their size; what is left of `total` is split over the other stages in proportion to their
 * number of parameters, at least MIN_STAGE_TRIALS each, rounding down with the remainder going to the last
 * stages (Bayesian late is where extra trials pay). Constant parameters are left out: nothing to search.
 */
export function autoStages(space: Space, total: number | undefined): Stage[] {
  const budget = total ?? AUTO_TRIALS;
  const searched = space.filter((p) => p.dist.values()?.length !== 1);
  const group = (role: Role): Parameter[] => searched.filter((p) => roleOf(p.name) === role);
  const drafts: Draft[] = [];
  for (const p of group('optimizer')) drafts.push(listStage([p], 'optimizer first: it changes what every other value means'));
  for (const p of group('learning_rate')) drafts.push(...learningRateStages(p));
  const rest: [Role, string][] = [
    ['architecture', 'architecture: layer sizes, depth, filters'],
    ['regularisation', 'regularisation, once the model can fit'],
    ['other', 'everything else'],
  ];
  for (const [role, why] of rest) {
    const ps = group(role);
    if (ps.length > 0) drafts.push(groupStage(ps, why, budget));
  }
  return splitBudget(drafts, budget);
}

function listStage(ps: Parameter[], why: string): Draft {
  const size = finiteGridSize(ps);
  return size !== undefined
    ? { stage: { parameters: names(ps), method: 'grid', why }, gridSize: size, weight: 0 }
    : { stage: { parameters: names(ps), method: 'bayes', why }, weight: ps.length };
}

function learningRateStages(p: Parameter): Draft[] {
  const decades = decadeValues(p.dist);
  if (decades.length < 2 || !refinable(p.dist)) return [listStage([p], 'the learning rate: the knob that matters most')];
  return [
    {
      stage: { parameters: [p.name], method: 'grid', values: 'decades', why: 'the order of magnitude of the learning rate' },
      gridSize: decades.length,
      weight: 0,
    },
    { stage: { parameters: [p.name], method: 'bayes', refine: true, why: 'the learning rate within its best decade' }, weight: 1 },
  ];
}

/** A grid when the group is a finite list that fits a fair share of the budget, else bayes. */
function groupStage(ps: Parameter[], why: string, budget: number): Draft {
  const size = finiteGridSize(ps);
  const share = Math.max(MIN_STAGE_TRIALS, Math.floor(budget / 4));
  if (size !== undefined && size <= share) return { stage: { parameters: names(ps), method: 'grid', why }, gridSize: size, weight: 0 };
  return { stage: { parameters: names(ps), method: 'bayes', why }, weight: ps.length };
}

function finiteGridSize(ps: Parameter[]): number | undefined {
  const n = gridSize(ps);
  return Number.isFinite(n) ? n : undefined;
}

function splitBudget(drafts: Draft[], budget: number): Stage[] {
  const grids = drafts.reduce((s, d) => s + (d.gridSize ?? 0), 0);
  const weights = drafts.reduce((s, d) => s + d.weight, 0);
  const left = Math.max(0, budget - grids);
  const shares = drafts.map((d) =>
    d.gridSize !== undefined ? d.gridSize : Math.max(MIN_STAGE_TRIALS, Math.floor((left * d.weight) / weights)),
  );
  // Rounding down leaves a few trials: give them to the last non-grid stages.
  let spare = budget - shares.reduce((s, n) => s + n, 0);
  for (let i = drafts.length - 1; spare > 0 && i >= 0; i = i === 0 ? drafts.length - 1 : i - 1) {
    if (drafts[i]!.gridSize !== undefined) {
      if (drafts.every((d) => d.gridSize !== undefined)) break;
      continue;
    }
    shares[i]! += 1;
    spare -= 1;
  }
  return drafts.map((d, i) => ({ ...d.stage, trials: shares[i]! }));
}

function names(ps: Parameter[]): string[] {
  return ps.map((p) => p.name);
}

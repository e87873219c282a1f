import { describe, expect, it } from 'vitest';
import { parseSweepConfig } from '../../src/core/config/index.js';
import { autoStages, roleOf } from '../../src/core/config/auto-stages.js';
import { makeDistribution } from '../../src/core/distributions/index.js';
import type { Space } from '../../src/core/distributions/distribution.js';
import { ConfigError, type ConfigIssue } from '../../src/core/errors.js';
import type { Params } from '../../src/core/json.js';
import { runStudy, type StudyPorts } from '../../src/core/study/index.js';
import { decadeValues, refineDistribution } from '../../src/core/study/stage-space.js';
import { FunctionObjective } from '../fakes/objective.js';
import { MemoryTrialStore } from '../fakes/memory-store.js';

const FILE = '/work/project/sweep.yml';
const OBJ = 'method: random\nobjective: ./obj.mjs\nmetric: {name: loss}\n';
const SPACE = `parameters:
  optimizer: {values: [adam, sgd]}
  learning_rate: {distribution: log_uniform_values, min: 0.0005, max: 0.5}
  units: {values: [8, 16, 32]}
  layers: {min: 1, max: 3}
  dropout: {min: 0.0, max: 0.5}
  momentum: {min: 0.2, max: 0.9}
`;
/** The issue's example, word for word. */
const ISSUE_STAGES = `stages: [{parameters: [optimizer], method: grid}, {parameters: [learning_rate], method: grid, values: decades},
  {parameters: [learning_rate], method: bayes, run_cap: 6, refine: true}, {parameters: [units, layers], method: bayes,
  run_cap: 8}, {parameters: [dropout], method: random, run_cap: 4}]
`;

function errorsOf(text: string): readonly ConfigIssue[] {
  try {
    parseSweepConfig(text, FILE);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).issues;
  }
  throw new Error(`config was accepted:\n${text}`);
}

const dist = (name: Parameters<typeof makeDistribution>[0], args: Parameters<typeof makeDistribution>[1]) => makeDistribution(name, args);

describe('stages: parsing', () => {
  it("reads the issue's five stages: method, budget, decades and refine per stage", () => {
    const c = parseSweepConfig(`${OBJ}${SPACE}${ISSUE_STAGES}`, FILE);
    expect(c.stages).toEqual([
      { parameters: ['optimizer'], method: 'grid' },
      { parameters: ['learning_rate'], method: 'grid', values: 'decades' },
      { parameters: ['learning_rate'], method: 'bayes', trials: 6, refine: true },
      { parameters: ['units', 'layers'], method: 'bayes', trials: 8 },
      { parameters: ['dropout'], method: 'random', trials: 4 },
    ]);
  });

  it('takes run_cap, budget.trials or trials as the stage budget, and early_terminate per stage', () => {
    const c = parseSweepConfig(
      `${OBJ}${SPACE}stages:\n  - {parameters: [units], budget: {trials: 5}, early_terminate: {type: median, warmup_steps: 2, min_trials: 3}}\n  - {parameters: [layers], trials: 2}\n`,
      FILE,
    );
    expect(c.stages[0]).toEqual({
      parameters: ['units'],
      trials: 5,
      earlyTerminate: { type: 'median', warmupSteps: 2, minTrials: 3 },
    });
    expect(c.stages[1]).toEqual({ parameters: ['layers'], trials: 2 });
  });

  it('accepts quasirandom, and manual with its configs (the sampler validates them)', () => {
    const c = parseSweepConfig(
      `${OBJ}${SPACE}stages:\n  - {parameters: [units], method: manual, configs: [{units: 16}, {units: 32}]}\n  - {parameters: [dropout], method: quasirandom, run_cap: 3}\n`,
      FILE,
    );
    expect(c.stages[0]).toEqual({ parameters: ['units'], method: 'manual', configs: [{ units: 16 }, { units: 32 }] });
    expect(c.stages[1]!.method).toBe('quasirandom');
  });

  it('lets a grid sweep search a range in a stage that does not need its values', () => {
    const grid = `method: grid\nobjective: ./obj.mjs\nmetric: {name: loss}\n${SPACE}`.replace(
      '  dropout: {min: 0.0, max: 0.5}\n  momentum: {min: 0.2, max: 0.9}\n',
      '',
    );
    const c = parseSweepConfig(
      `${grid}stages: [{parameters: [optimizer]}, {parameters: [learning_rate], values: decades}, {parameters: [layers]}]\n`,
      FILE,
    );
    expect(c.stages).toHaveLength(3);
    expect(parseSweepConfig(`${grid}stages: auto\n`, FILE).stagesAuto).toBe(true);
    const errors = errorsOf(`${grid}stages: [{parameters: [optimizer]}]\n`);
    expect(errors.map((e) => e.path)).toContain('parameters.learning_rate');
  });

  const bad: [string, string, string][] = [
    [
      `stages: [{parameters: [optimizer]}, {parameters: [units]}, {parameters: [dropout], method: bayesian}]\n`,
      'stages[2].method',
      'must be one of grid, random, bayes, tpe, quasirandom, manual, got "bayesian"',
    ],
    [
      `stages: [{parameters: [momentum], method: grid, values: decades}]\n`,
      'stages[0].values',
      'decades needs a power of ten inside the range of momentum, got uniform [0.2, 0.9]',
    ],
    [`stages: [{parameters: [learning_rate], values: tens}]\n`, 'stages[0].values', 'must be decades'],
    [
      `stages: [{parameters: [learning_rate], method: bayes, refine: true}]\n`,
      'stages[0].refine',
      'no earlier stage searches learning_rate',
    ],
    [`stages: [{parameters: [units]}, {parameters: [units], refine: true}]\n`, 'stages[1].refine', 'got units (categorical)'],
    [
      `stages: [{parameters: [dropout], method: grid}]\n`,
      'stages[0].method',
      'grid needs a list of values, and dropout is a uniform range',
    ],
    [
      `stages: [{parameters: [units], run_cap: 3, budget: {trials: 4}}]\n`,
      'stages[0].budget.trials',
      'must equal run_cap when both are set, got 4 != 3',
    ],
    [`stages: [{parameters: [units], run_cap: 0}]\n`, 'stages[0].run_cap', 'must be >= 1, got 0'],
    [`stages: [{parameters: [units], early_terminate: {type: hyperband}}]\n`, 'stages[0].early_terminate.min_iter', 'is required'],
    [`stages: [{parameters: [units], configs: [{units: 8}]}]\n`, 'stages[0].configs', 'lists the configurations of method: manual'],
    [`stages: automatic\n`, 'stages', 'must be one of auto, got "automatic"'],
    [`stages: [{parameters: [units], metod: grid}]\n`, 'stages[0].metod', 'unknown key; did you mean method?'],
  ];
  it.each(bad)('%s → %s', (stages, path, message) => {
    const errors = errorsOf(`${OBJ}${SPACE}${stages}`);
    const hit = errors.find((e) => e.path === path && e.message.includes(message));
    expect(hit, `expected ${path}: …${message}… in\n${errors.map((e) => e.message).join('\n')}`).toBeDefined();
  });
});

describe('values: decades', () => {
  it('takes the powers of ten inside a log or linear range, exactly as written', () => {
    expect(decadeValues(dist('log_uniform_values', { min: 0.0005, max: 0.5 }))).toEqual([0.001, 0.01, 0.1]);
    expect(decadeValues(dist('log_uniform_values', { min: 0.001, max: 1 }))).toEqual([0.001, 0.01, 0.1, 1]);
    expect(decadeValues(dist('uniform', { min: 5, max: 2000 }))).toEqual([10, 100, 1000]);
    expect(decadeValues(dist('int_uniform', { min: 1, max: 200 }))).toEqual([1, 10, 100]);
    // W&B's exponent form: e^-9.2 .. e^-2.3 is 1.0e-4 .. 0.1
    expect(decadeValues(dist('log_uniform', { min: -9.3, max: -2.4 }))).toEqual([0.0001, 0.001, 0.01]);
  });

  it('keeps six decades under the top one when the range reaches zero, and none for a range without one', () => {
    expect(decadeValues(dist('uniform', { min: 0, max: 0.5 }))).toEqual([1e-6, 1e-5, 0.0001, 0.001, 0.01, 0.1]);
    expect(decadeValues(dist('uniform', { min: 0.2, max: 0.5 }))).toEqual([]);
    expect(decadeValues(dist('categorical', { values: [1, 10] }))).toEqual([]);
  });
});

describe('refine: true', () => {
  it('keeps one decade either side of the best on a log range, clipped to the bounds', () => {
    const lr = dist('log_uniform_values', { min: 0.0001, max: 0.5 });
    const r = refineDistribution(lr, 0.01) as unknown as { lo: number; hi: number };
    expect([r.lo, r.hi]).toEqual([0.001, 0.1]);
    const edge = refineDistribution(lr, 0.2) as unknown as { lo: number; hi: number };
    expect([edge.lo, edge.hi]).toEqual([0.02, 0.5]);
  });

  it('keeps a quarter of the width either side on a linear or integer range, clipped', () => {
    const d = refineDistribution(dist('uniform', { min: 0, max: 0.4 }), 0.05) as unknown as { lo: number; hi: number };
    expect([d.lo, d.hi]).toEqual([0, 0.15000000000000002]);
    const n = refineDistribution(dist('int_uniform', { min: 1, max: 41 }), 20) as unknown as { min: number; max: number };
    expect([n.min, n.max]).toEqual([10, 30]);
  });

  it('leaves what it cannot narrow unchanged', () => {
    const tiny = dist('int_uniform', { min: 1, max: 2 });
    expect(refineDistribution(tiny, 1)).toBe(tiny);
    const lr = dist('log_uniform_values', { min: 0.001, max: 0.1 });
    expect(refineDistribution(lr, 'adam')).toBe(lr);
  });
});

describe('stages: auto', () => {
  const trainerSpace: Space = [
    { name: 'dropout', dist: dist('uniform', { min: 0, max: 0.5 }) },
    { name: 'units', dist: dist('categorical', { values: [16, 32, 64] }) },
    { name: 'learning_rate', dist: dist('log_uniform_values', { min: 0.0001, max: 0.1 }) },
    { name: 'optimizer', dist: dist('categorical', { values: ['adam', 'sgd', 'rmsprop'] }) },
    { name: 'layers', dist: dist('int_uniform', { min: 1, max: 3 }) },
    { name: 'epochs', dist: dist('constant', { value: 10 }) },
    { name: 'activation', dist: dist('categorical', { values: ['relu', 'tanh'] }) },
  ];

  it("plans the built-in trainer's names: optimizer, lr decades, lr refined, architecture, regularisation, the rest", () => {
    const plan = autoStages(trainerSpace, 30);
    expect(plan.map((s) => [s.parameters, s.method, s.values ?? s.refine ?? null, s.trials])).toEqual([
      [['optimizer'], 'grid', null, 3],
      [['learning_rate'], 'grid', 'decades', 4],
      [['learning_rate'], 'bayes', true, 5],
      [['units', 'layers'], 'bayes', null, 10],
      [['dropout'], 'bayes', null, 6],
      [['activation'], 'grid', null, 2],
    ]);
    // Grids take their size; 30 - 3 - 4 - 2 = 21 over weights 1, 2, 1: 5, 10, 5 rounded down, the spare to the last bayes.
    expect(plan.reduce((n, s) => n + s.trials!, 0)).toBe(30);
  });

  it("maps a program's common names and gives each non-grid stage at least 2 trials", () => {
    const program: Space = [
      { name: 'lr', dist: dist('log_uniform_values', { min: 0.001, max: 1 }) },
      { name: 'batch-size', dist: dist('categorical', { values: [16, 64] }) },
      { name: 'optim', dist: dist('categorical', { values: ['adam', 'sgd'] }) },
      { name: 'hidden', dist: dist('int_uniform', { min: 8, max: 256 }) },
      { name: 'wd', dist: dist('log_uniform_values', { min: 1e-6, max: 0.01 }) },
    ];
    expect(program.map((p) => roleOf(p.name))).toEqual(['learning_rate', 'other', 'optimizer', 'architecture', 'regularisation']);
    const plan = autoStages(program, 8);
    expect(plan.map((s) => [s.parameters[0], s.method, s.trials])).toEqual([
      ['optim', 'grid', 2],
      ['lr', 'grid', 4],
      ['lr', 'bayes', 2],
      ['hidden', 'bayes', 2],
      ['wd', 'bayes', 2],
      ['batch-size', 'grid', 2],
    ]);
  });

  it('warns when run_cap is too small for 2 trials per stage', () => {
    const c = parseSweepConfig(`${OBJ}run_cap: 6\n${SPACE}stages: auto\n`, FILE);
    expect(c.warnings).toContain(
      'stages: auto plans 13 trials (at least 2 per searched stage) and run_cap is 6: the last stages will be cut short',
    );
    expect(parseSweepConfig(`${OBJ}run_cap: 24\n${SPACE}stages: auto\n`, FILE).warnings).toEqual([]);
  });

  it('is what the parser builds for stages: auto, with the sweep budget, and says so', () => {
    const c = parseSweepConfig(`${OBJ}run_cap: 24\n${SPACE}stages: auto\n`, FILE);
    expect(c.stagesAuto).toBe(true);
    expect(c.stages.map((s) => s.parameters.join('+'))).toEqual([
      'optimizer',
      'learning_rate',
      'learning_rate',
      'units+layers',
      'dropout',
      'momentum',
    ]);
    expect(c.stages.reduce((n, s) => n + s.trials!, 0)).toBe(24);
    expect(c.stages[0]!.why).toMatch(/optimizer first/);
  });
});

describe('staged study', () => {
  const space: Space = [
    { name: 'opt', dist: dist('categorical', { values: ['a', 'b'] }) },
    { name: 'lr', dist: dist('log_uniform_values', { min: 0.0001, max: 1 }) },
    { name: 'w', dist: dist('int_uniform', { min: 1, max: 9 }) },
  ];
  // Best at opt=b, lr=0.003, w=7.
  const f = (p: Params): { loss: number } => ({
    loss: (p.opt === 'b' ? 0 : 1) + Math.abs(Math.log10(Number(p.lr)) - Math.log10(0.003)) + Math.abs(Number(p.w) - 7) / 10,
  });
  const base = { method: 'random' as const, metric: { name: 'loss', goal: 'minimize' as const }, space, budget: {}, seed: 5, repeats: 1 };
  const ports = (objective: FunctionObjective, store = new MemoryTrialStore()): StudyPorts => {
    let t = 0;
    return { objective, store, now: () => (t += 1), warn: () => {} };
  };
  const stages = [
    { parameters: ['opt'], method: 'grid' as const },
    { parameters: ['lr'], method: 'grid' as const, values: 'decades' as const },
    { parameters: ['lr'], method: 'bayes' as const, trials: 6, refine: true },
    { parameters: ['w'], method: 'tpe' as const, trials: 5 },
  ];

  it('runs each stage with its method and budget, fixing the best so far, and records the path', async () => {
    const out = await runStudy({ ...base, stages }, ports(new FunctionObjective(f)));
    const byStage = (s: number) => out.trials.filter((t) => t.stage === s);
    expect([0, 1, 2, 3].map((s) => byStage(s).length)).toEqual([2, 5, 6, 5]);
    // Stage 1 fixes opt=b and tries exactly the decades.
    expect(new Set(byStage(1).map((t) => t.params.opt))).toEqual(new Set(['b']));
    expect(
      byStage(1)
        .map((t) => t.params.lr)
        .sort(),
    ).toEqual([0.0001, 0.001, 0.01, 0.1, 1]);
    // Stage 2 refines around the best decade (0.001: |log 0.001 - log 0.003| < |log 0.01 - log 0.003|) to [0.0001, 0.01].
    for (const t of byStage(2)) expect(Number(t.params.lr)).toBeGreaterThanOrEqual(0.0001 - 1e-12);
    for (const t of byStage(2)) expect(Number(t.params.lr)).toBeLessThanOrEqual(0.01 + 1e-12);
    expect(out.stages!.map((s) => s.method)).toEqual(['grid', 'grid', 'bayes', 'tpe']);
    expect(out.stages![2]!.searched.lr).toBe('refined log [0.0001, 0.01]');
    expect(out.stages![3]!.fixed).toEqual({ opt: 'b', lr: out.stages![2]!.bestParams.lr });
    // The champion is the final best, and the path's last best is its value.
    expect(out.stages!.at(-1)!.best).toBe(out.bestMetrics.loss);
    expect(out.stages![1]!.gain).toBeGreaterThan(0);
  });

  it('a stage that finds nothing better keeps the earlier best value', async () => {
    // Only the range's middle (0.01 up to float error, where stage 0 ran) is good: every decade, 0.01 included, loses.
    const middle = 0.010000000000000005;
    const g = (p: Params): { loss: number } => ({ loss: p.lr === middle ? 0 : 1 });
    const out = await runStudy({ ...base, stages: stages.slice(0, 2) }, ports(new FunctionObjective(g)));
    expect(out.stages![1]!.bestParams).toEqual({ lr: middle });
    expect(out.stages![1]!.gain).toBe(0);
  });

  it("prunes with a stage's own early_terminate and not with the sweep's elsewhere", async () => {
    const obj = new FunctionObjective(f, 'curve', 9);
    const out = await runStudy(
      {
        ...base,
        stages: [
          { parameters: ['lr'], method: 'random', trials: 8 },
          { parameters: ['w'], method: 'random', trials: 8, earlyTerminate: { type: 'median', warmupSteps: 1, minTrials: 1 } },
        ],
      },
      ports(obj),
    );
    expect(out.trials.filter((t) => t.stage === 0 && t.status === 'pruned')).toHaveLength(0);
    expect(out.trials.filter((t) => t.stage === 1 && t.status === 'pruned').length).toBeGreaterThan(0);
  });

  it('replays a staged sweep from the cache: the rerun trains nothing and takes the same path', async () => {
    const store = new MemoryTrialStore();
    const a = await runStudy({ ...base, stages }, ports(new FunctionObjective(f), store));
    const again = new FunctionObjective(f);
    const b = await runStudy({ ...base, stages }, ports(again, store));
    expect(again.calls).toBe(0);
    expect(b.trials.map((t) => t.key)).toEqual(a.trials.map((t) => t.key));
    expect(b.stages).toEqual(a.stages);
  });

  it('tells progress the planned total, and a stage the sweep budget cuts short still has its path row', async () => {
    const totals = new Set<number | undefined>();
    const p = { ...ports(new FunctionObjective(f)), progress: (x: { total: number | undefined }) => totals.add(x.total) };
    const full = await runStudy({ ...base, stages }, p);
    expect([...totals]).toEqual([2 + 5 + 6 + 5]);
    expect(full.trials).toHaveLength(18);
    const cut = await runStudy({ ...base, budget: { trials: 9 }, stages }, ports(new FunctionObjective(f)));
    expect(cut.stopReason).toBe('trials');
    expect(cut.stages!.map((s) => s.trials)).toEqual([2, 5, 2]);
    expect(Object.keys(cut.stages![2]!.bestParams)).toEqual(['lr']);
  });

  it('a stage without its own budget runs a grid to its end and otherwise the default 20 (or until its space runs dry)', async () => {
    const out = await runStudy(
      { ...base, stages: [{ parameters: ['opt'], method: 'grid' }, { parameters: ['lr'] }] },
      ports(new FunctionObjective(f)),
    );
    expect(out.trials.filter((t) => t.stage === 0)).toHaveLength(2);
    expect(out.trials.filter((t) => t.stage === 1)).toHaveLength(20);
    // w, named by no stage, is searched last rather than frozen: all 9 of its values.
    expect(out.trials.filter((t) => t.stage === 2)).toHaveLength(9);
  });
});

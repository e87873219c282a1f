import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { parseSweepConfig, SWEEP_SCHEMA } from '../../src/core/config/index.js';
import type { SweepConfig } from '../../src/core/config/types.js';
import { ConfigError } from '../../src/core/errors.js';
import type { Params } from '../../src/core/json.js';
import { createSampler } from '../../src/core/samplers/index.js';
import type { Observation } from '../../src/core/samplers/sampler.js';
import { runStudy } from '../../src/core/study/index.js';
import { explainConfig } from '../../src/engine/explain.js';
import { FunctionObjective } from '../fakes/objective.js';
import { MemoryTrialStore } from '../fakes/memory-store.js';

const FILE = '/work/project/sweep.yml';
const HEAD = `objective: ./obj.mjs
metric: {name: loss}
parameters:
  learning_rate: {distribution: log_uniform_values, min: 0.0001, max: 0.1}
  units: {values: [32, 64, 128]}
  epochs: {value: 5}
  optimizer:
    parameters:
      momentum: {min: 0.0, max: 0.99}
`;
const parse = (text: string): SweepConfig => parseSweepConfig(text, FILE);

function messages(text: string): string[] {
  try {
    parse(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).issues.map((i) => i.message);
  }
  throw new Error('config was accepted');
}

describe('method: manual, configs in the config', () => {
  it('keeps the listed order, fills constants, and reads nested parameters nested or dotted', () => {
    const c = parse(`method: manual
${HEAD}configs:
  - {learning_rate: 0.01, units: 64, optimizer: {momentum: 0.9}}
  - {learning_rate: 0.001, units: 128, optimizer.momentum: 0.5, epochs: 5}
`);
    expect(c.method).toBe('manual');
    expect(c.configs).toEqual([
      { learning_rate: 0.01, units: 64, 'optimizer.momentum': 0.9, epochs: 5 },
      { learning_rate: 0.001, units: 128, 'optimizer.momentum': 0.5, epochs: 5 },
    ]);
  });

  it('names an unknown parameter by its path', () => {
    const errors = messages(`method: manual
${HEAD}configs:
  - {learning_rate: 0.01, units: 64, optimizer.momentum: 0.9}
  - {learning_rate: 0.01, units: 64, optimizer.momentum: 0.9}
  - {learning_rate: 0.01, unitz: 64, units: 32, optimizer.momentum: 0.9}
`);
    expect(errors).toEqual([
      'configs[2].unitz: is not a parameter of this sweep (parameters: learning_rate, units, epochs, optimizer.momentum), got "unitz"',
    ]);
  });

  it('echoes a value outside the range or the values, at its path', () => {
    const errors = messages(`method: manual
${HEAD}configs:
  - {learning_rate: 0.5, units: 48, optimizer: {momentum: 0.9}, epochs: 6}
`);
    expect(errors).toEqual([
      'configs[0].learning_rate: is not a value learning_rate can take (log_uniform_values in [0.0001, 0.1]), got 0.5',
      'configs[0].units: is not a value units can take (one of 32, 64, 128), got 48',
      'configs[0].epochs: is not a value epochs can take (one of 5), got 6',
    ]);
  });

  it('requires every searched parameter', () => {
    const errors = messages(`method: manual
${HEAD}configs:
  - {learning_rate: 0.01}
`);
    expect(errors).toEqual([
      'configs[0].units: is required: a manual configuration gives every searched parameter a value',
      'configs[0].optimizer.momentum: is required: a manual configuration gives every searched parameter a value',
    ]);
  });

  it('needs configs with manual, and reads them with nothing else', () => {
    expect(messages(`method: manual\n${HEAD}`)).toEqual([
      'configs: is required with method manual: the list of configurations to try, e.g. [{learning_rate: 0.01}]',
    ]);
    expect(messages(`method: random\n${HEAD}configs: [{units: 64}]\n`)).toEqual([
      'configs: is only read with method manual (the configurations to try), got method "random"',
    ]);
  });

  it('the schema checks the shape: a non-empty list of mappings', () => {
    expect(messages(`method: manual\n${HEAD}configs: []\n`)).toEqual(['configs: must have at least 1 item, got []']);
    expect(messages(`method: manual\n${HEAD}configs: [0.01]\n`)).toEqual(['configs[0]: must be a mapping, got 0.01']);
    const validate = new Ajv({ allowUnionTypes: true }).compile(SWEEP_SCHEMA);
    expect(validate({ method: 'manual', configs: [{ units: 64 }], parameters: { units: { values: [64] } } })).toBe(true);
    expect(validate({ method: 'quasirandom', parameters: { units: { values: [64] } } })).toBe(true);
  });

  it('a grid sweep parses as before (no configs)', () => {
    const c = parse(
      `method: grid\n${HEAD.replace('{distribution: log_uniform_values, min: 0.0001, max: 0.1}', '{values: [0.01]}').replace('{min: 0.0, max: 0.99}', '{values: [0.9]}')}`,
    );
    expect(c.method).toBe('grid');
    expect(c.configs).toBeUndefined();
  });
});

describe('manual sampler', () => {
  const c = parse(`method: manual
${HEAD}configs:
  - {learning_rate: 0.01, units: 64, optimizer.momentum: 0.9}
  - {learning_rate: 0.001, units: 128, optimizer.momentum: 0.5}
  - {learning_rate: 0.01, units: 32, optimizer.momentum: 0.0}
`);
  const observe = (params: Params): Observation => ({ params, status: 'complete', value: 1, curve: [] });

  it('asks the configurations in order, counting trials in flight, then nothing', () => {
    const sampler = createSampler('manual', c.space, 1, { manual: c.configs! });
    const first = sampler.ask([], [])!;
    expect(first).toEqual(c.configs![0]);
    expect(sampler.ask([], [first])).toEqual(c.configs![1]);
    expect(sampler.ask([observe(first)], [c.configs![1]!])).toEqual(c.configs![2]);
    expect(sampler.ask(c.configs!.map(observe), [])).toBeUndefined();
  });

  it('a sweep runs the list once, in order, and stops as exhausted without a trial budget', async () => {
    let t = 0;
    const objective = new FunctionObjective((p) => ({ loss: Number(p.learning_rate) * Number(p.units) }));
    const out = await runStudy({ ...c, budget: {} }, { objective, store: new MemoryTrialStore(), now: () => (t += 1000), warn: () => {} });
    expect(out.trials.map((x) => x.params)).toEqual(c.configs);
    expect(out.stopReason).toBe('exhausted');
    expect(out.trials[out.bestIndex]!.params.units).toBe(128);
  });

  it('a run_cap shorter than the list stops on the budget', async () => {
    let t = 0;
    const out = await runStudy(
      { ...c, budget: { trials: 2 } },
      { objective: new FunctionObjective(() => ({ loss: 1 })), store: new MemoryTrialStore(), now: () => (t += 1000), warn: () => {} },
    );
    expect(out.trials).toHaveLength(2);
    expect(out.stopReason).toBe('trials');
  });
});

describe('validate --explain for a manual sweep', () => {
  it('says the list is the budget and shows its first configuration as the first trial', async () => {
    const c = parse(`method: manual
${HEAD}configs:
  - {learning_rate: 0.002, units: 32, optimizer.momentum: 0.8}
  - {learning_rate: 0.001, units: 128, optimizer.momentum: 0.5}
`);
    const text = await explainConfig(c, {});
    expect(text).toContain('budget: each of the 2 listed configurations, in order, no time limit');
    expect(text).toMatch(/first trial \(seed \d+\): \{'learning_rate': 0\.002, 'units': 32, 'epochs': 5, 'optimizer\.momentum': 0\.8\}/);
  });
});

import { describe, expect, it } from 'vitest';
import { parseSweepConfig } from '../../src/core/config/index.js';
import { type TrainerShape, givenHyperparameterProblem, normalisationProblem } from '../../src/core/config/trainer-rules.js';
import { ConfigError } from '../../src/core/errors.js';

const FILE = '/work/project/sweep.yml';

function configErrors(text: string): string[] {
  try {
    parseSweepConfig(text, FILE);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).issues.map((issue) => issue.message);
  }
  throw new Error(`config was accepted:\n${text}`);
}

const tabular: TrainerShape = { type: 'tabular', baseModel: false, validationFile: false };

describe('one rule, one text: the config error and the trainer failure say the same', () => {
  // [trainer keys beside data/target/task, the trainer it makes, the fixed hyperparameter and its value]
  const cases: readonly (readonly [string, TrainerShape, string, number])[] = [
    ['', tabular, 'conv_layers', 2],
    [', validation: v.csv', { ...tabular, validationFile: true }, 'validation_split', 0.3],
    ['', tabular, 'freeze_layers', 1],
    [', base_model: m', { ...tabular, baseModel: true }, 'units', 8],
    [', type: image, input_shape: [8, 8, 1]', { type: 'image', baseModel: false, validationFile: false }, 'fine_tune_learning_rate', 0.001],
  ];
  it.each(cases)('trainer%s with defaults.%s', (extra, shape, name, value) => {
    const trainerText = givenHyperparameterProblem({}, { [name]: value }, shape);
    expect(trainerText).toMatch(new RegExp(`^${name}: .+, got ${value}$`));
    const text = `method: random\ntrainer: {data: d.csv, target: y, task: classification${extra}, defaults: {${name}: ${value}}}\nparameters: {epochs: {values: [1]}}\n`;
    expect(configErrors(text)).toContain(`trainer.defaults.${trainerText}`);
  });

  it('batch_norm with layer_norm', () => {
    const text =
      'method: random\ntrainer: {data: d.csv, target: y, task: classification, defaults: {batch_norm: true, layer_norm: true}}\nparameters: {epochs: {values: [1]}}\n';
    expect(configErrors(text)).toEqual([`trainer.defaults.layer_norm: ${normalisationProblem(true, true)!}`]);
    expect(normalisationProblem(true, false)).toBeUndefined();
    expect(normalisationProblem(undefined, true)).toBeUndefined();
  });
});

describe('givenHyperparameterProblem', () => {
  it('takes a trial param over trainer.defaults, and passes what the trainer accepts', () => {
    expect(givenHyperparameterProblem({ freeze_layers: 2 }, { freeze_layers: 1 }, tabular)).toMatch(/^freeze_layers: .*, got 2$/);
    expect(givenHyperparameterProblem({ units: 8, layers: 2 }, { freeze_layers: 1 }, tabular)).toMatch(/^freeze_layers: /);
    expect(givenHyperparameterProblem({ units: 8, layers: 2 }, {}, tabular)).toBeUndefined();
    expect(givenHyperparameterProblem({ freeze_layers: 1 }, {}, { ...tabular, baseModel: true })).toBeUndefined();
    expect(givenHyperparameterProblem({ conv_layers: 1 }, {}, { ...tabular, type: 'image' })).toBeUndefined();
  });
});

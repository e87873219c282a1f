import { describe, expect, it } from 'vitest';
import { parseSweepConfig } from '../../src/core/config/parse.js';
import { concurrentTrials, plannedTrainings, trainsOnce } from '../../src/core/study/index.js';

const config = (extra: string): ReturnType<typeof parseSweepConfig> =>
  parseSweepConfig(
    `name: c
metric: {name: val_loss, goal: minimize}
trainer: {type: tabular, data: d.csv, target: y, task: regression}
${extra}`,
    '/w/sweep.yml',
  );

describe('concurrentTrials (the cap on the default number of workers)', () => {
  it("is a grid's size, the trial budget, or the champion's seeds, whichever is more", () => {
    const one = 'parameters: {units: {values: [8]}, learning_rate: {values: [0.1]}}';
    expect(concurrentTrials(config(`method: grid\nchampion: {seeds: 0}\n${one}`))).toBe(1);
    expect(concurrentTrials(config(`method: grid\n${one}`))).toBe(10); // the default 10 champion seeds
    expect(concurrentTrials(config('method: grid\nchampion: {seeds: 0}\nparameters: {units: {values: [8, 16, 32]}}'))).toBe(3);
    expect(concurrentTrials(config('method: grid\nrun_cap: 2\nchampion: {seeds: 0}\nparameters: {units: {values: [8, 16, 32]}}'))).toBe(2);
    expect(
      concurrentTrials(config('method: random\nrun_cap: 5\nchampion: {seeds: 0}\nparameters: {learning_rate: {min: 0.01, max: 0.1}}')),
    ).toBe(5);
    expect(concurrentTrials(config('method: random\nchampion: {seeds: 0}\nparameters: {learning_rate: {min: 0.01, max: 0.1}}'))).toBe(
      20, // no budget: a random search stops after 20 (DEFAULT_TRIALS)
    );
  });
});

describe("plannedTrainings for a manual list (its length, as the report's cost counts it)", () => {
  it('is the configs listed, not the default trial count, plus the champion seeds', () => {
    const manual = 'method: manual\nconfigs: [{units: 8}, {units: 16}]\nparameters: {units: {values: [8, 16, 32]}}';
    expect(plannedTrainings(config(`champion: {seeds: 0}\n${manual}`), 'record')).toBe(2);
    expect(plannedTrainings(config(manual), 'record')).toBe(12);
    expect(
      trainsOnce(config(`champion: {seeds: 0}\nmethod: manual\nconfigs: [{units: 8}]\nparameters: {units: {values: [8, 16]}}`), undefined),
    ).toBe(true);
  });
});

describe("trainsOnce (backend auto then picks by the model's size instead of timing)", () => {
  const one = 'method: grid\nparameters: {units: {values: [8]}}';
  it('is one trial, one repeat, and no champion seeds recorded or replayed', () => {
    expect(trainsOnce(config(`champion: {seeds: 0}\n${one}`), 'record')).toBe(true);
    expect(trainsOnce(config(one), undefined)).toBe(true); // no champion step
    expect(trainsOnce(config(one), 'record')).toBe(false); // 10 seeds after the trial
    expect(trainsOnce(config(`champion: {seeds: 0}\n${one}`), 'replay')).toBe(false);
    expect(trainsOnce(config(`champion: {seeds: 0}\nrepeats: 3\n${one}`), undefined)).toBe(false);
    expect(trainsOnce(config('method: grid\nparameters: {units: {values: [8, 16]}}'), undefined)).toBe(false);
    expect(trainsOnce(config('method: random\nrun_cap: 1\nparameters: {learning_rate: {min: 0.01, max: 0.1}}'), undefined)).toBe(true);
  });
});

describe("plannedTrainings (what the estimate of a sweep's training multiplies a trial by)", () => {
  it("is the search's trials plus the champion's seeds when the run trains them", () => {
    const one = 'method: grid\nparameters: {units: {values: [8]}}';
    expect(plannedTrainings(config(`champion: {seeds: 0}\n${one}`), 'record')).toBe(1);
    expect(plannedTrainings(config(one), 'record')).toBe(11);
    expect(plannedTrainings(config(one), undefined)).toBe(1);
    expect(plannedTrainings(config('method: random\nparameters: {learning_rate: {min: 0.01, max: 0.1}}'), undefined)).toBe(20);
    expect(plannedTrainings(config('method: bayes\nrun_cap: 50\nparameters: {learning_rate: {min: 0.01, max: 0.1}}'), undefined)).toBe(50);
  });
});

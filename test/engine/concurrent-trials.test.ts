import { describe, expect, it } from 'vitest';
import { parseSweepConfig } from '../../src/core/config/parse.js';
import { concurrentTrials } from '../../src/engine/objective-builder.js';

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
      Infinity,
    );
  });
});

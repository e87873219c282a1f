/**
 * Records the tabular half of `npm run bench:fidelity`: every configuration of GRID trained once by the built-in
 * trainer on fixtures/data/breast_cancer.csv for EPOCHS epochs, without any pruner, through the engine the CLI uses;
 * each configuration's val_loss after every epoch goes into a JSON table that both sides of the benchmark replay
 * (bench/fidelity.ts and bench/optuna_fidelity.py), so they see exactly the same real curves. After recording it
 * again (BENCH_RECORD=1), run `npx prettier --write` on the table.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runSweep } from '../../src/engine/run.js';
import type { CurveTable } from './table.js';

export const EPOCHS = 27;
/** The grid: 2 · 7 · 2 · 3 · 2 = 168 configurations. */
export const GRID = {
  optimizer: ['sgd', 'adam'],
  learning_rate: [0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1],
  layers: [1, 2],
  units: [4, 16, 64],
  dropout: [0, 0.5],
} as const;

const METRIC = 'val_loss';

export async function recordTable(out: string): Promise<CurveTable> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sg-fidelity-'));
  const data = path.resolve('fixtures/data/breast_cancer.csv');
  const parameters = Object.entries(GRID)
    .map(([name, values]) => `  ${name}: {values: ${JSON.stringify(values)}}`)
    .join('\n');
  const text =
    `method: grid\nseed: 0\nmetric: {name: ${METRIC}, goal: minimize}\n` +
    `trainer: {type: tabular, data: ${data}, target: diagnosis, task: classification, validation_split: 0.2, ` +
    `defaults: {epochs: ${EPOCHS}, batch_size: 32}}\nparameters:\n${parameters}\n`;
  const configPath = path.join(dir, 'record.yml');
  writeFileSync(configPath, text);
  const log = { info: () => {}, warn: (m: string) => process.stderr.write(`warning: ${m}\n`) };
  try {
    const { results } = await runSweep({ configPath, mode: { cacheDir: path.join(dir, 'cache') }, ports: { log } });
    const rows = results.trials.map((t) => {
      const curve = t.history.map((h) => h.metrics[METRIC]);
      if (t.status !== 'complete' || curve.length !== EPOCHS || curve.some((v) => v === undefined || !Number.isFinite(v)))
        throw new Error(`record: trial ${JSON.stringify(t.params)} did not give ${EPOCHS} finite ${METRIC} values (${t.status})`);
      return { params: t.params, curve: curve as number[] };
    });
    const table: CurveTable = {
      source: `built-in trainer, fixtures/data/breast_cancer.csv (target diagnosis, validation_split 0.2, batch_size 32), seed 0, backend ${results.backend}`,
      metric: METRIC,
      epochs: EPOCHS,
      grid: GRID as unknown as Record<string, readonly (string | number)[]>,
      rows,
    };
    writeFileSync(out, `${JSON.stringify(table)}\n`);
    return table;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Records the real-curve problems of `npm run bench:fidelity`: every configuration of GRID trained by the built-in
 * trainer on one of DATASETS (fixtures/data/breast_cancer.csv, fixtures/data/digits.csv) for EPOCHS epochs, without any pruner, through the engine the CLI uses, once
 * per sweep seed (each seed gives each configuration its own training seed, `trialSeed(seed, params)`; the
 * validation rows stay the same, they depend on `split_seed` only). Each configuration's val_loss after every epoch
 * goes into a JSON table (bench/fidelity/<dataset>_curves.json) that both sides of the benchmark replay (bench/fidelity.ts and bench/optuna_fidelity.py):
 * the samplers see the first seed's curve, as a user's sweep sees one run, and a chosen configuration is scored on
 * the mean final value over all the recorded seeds (bench/fidelity/harness.ts). `node scripts/bundle.mjs bench/fidelity-record.ts && nice -n 19 node build/fidelity-record.mjs`
 * (bench/fidelity-record.ts) adds the missing seeds to the table one seed at a time.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runSweep } from '../../src/engine/run.js';
import { type CurveTable, configKey } from './table.js';

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

/**
 * The recorded datasets: the same grid, epochs, validation split and batch size on each. breast_cancer came first;
 * digits was added beside it (never instead) because its validation set is three times larger (360 rows against
 * 114), so one run's final val_loss says more about its configuration: see bench/RESULTS.md "Multi-fidelity".
 */
export const DATASETS = {
  breast_cancer: { file: 'fixtures/data/breast_cancer.csv', target: 'diagnosis' },
  digits: { file: 'fixtures/data/digits.csv', target: 'label' },
} as const;
export type DatasetName = keyof typeof DATASETS;

export function isDatasetName(name: string): name is DatasetName {
  return Object.hasOwn(DATASETS, name);
}

/** How a dataset's curves were made, as the table's `source` says it. */
function sourceOf(dataset: DatasetName, backend: string): string {
  const { file, target } = DATASETS[dataset];
  return `built-in trainer, ${file} (target ${target}, validation_split 0.2, batch_size 32), backend ${backend}`;
}
const GRID_TABLE = GRID as unknown as CurveTable['grid'];

export interface SeedCurves {
  readonly dataset: DatasetName;
  readonly seed: number;
  readonly backend: string;
  /** Each configuration's curve under this seed, by configKey. */
  readonly curves: ReadonlyMap<string, number[]>;
}

/**
 * Trains the whole grid on `dataset` once under sweep seed `seed` (one trial at a time, on the WASM backend) and
 * returns every curve.
 */
export async function recordSeed(dataset: DatasetName, seed: number): Promise<SeedCurves> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sg-fidelity-'));
  const { file, target } = DATASETS[dataset];
  const data = path.resolve(file);
  const parameters = Object.entries(GRID)
    .map(([name, values]) => `  ${name}: {values: ${JSON.stringify(values)}}`)
    .join('\n');
  const text =
    `method: grid\nseed: ${seed}\nparallel: 1\nmetric: {name: ${METRIC}, goal: minimize}\n` +
    `trainer: {type: tabular, data: ${data}, target: ${target}, task: classification, validation_split: 0.2, ` +
    `defaults: {epochs: ${EPOCHS}, batch_size: 32}}\nparameters:\n${parameters}\n`;
  const configPath = path.join(dir, 'record.yml');
  writeFileSync(configPath, text);
  const log = { info: () => {}, warn: (m: string) => process.stderr.write(`warning: ${m}\n`) };
  try {
    // WASM, as every seed of the table: `auto` may fall back to the cpu backend, whose curves differ.
    const { results } = await runSweep({
      configPath,
      overrides: { backend: 'wasm' },
      mode: { cacheDir: path.join(dir, 'cache') },
      ports: { log },
    });
    const curves = new Map<string, number[]>();
    for (const t of results.trials) {
      const curve = t.history.map((h) => h.metrics[METRIC]);
      if (t.status !== 'complete' || curve.length !== EPOCHS || curve.some((v) => v === undefined || !Number.isFinite(v)))
        throw new Error(`record: trial ${JSON.stringify(t.params)} did not give ${EPOCHS} finite ${METRIC} values (${t.status})`);
      curves.set(configKey({ grid: GRID_TABLE }, t.params), curve as number[]);
    }
    return { dataset, seed, backend: results.backend, curves };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `table` with one more seed's curves appended to every row (a new table when `table` is undefined). */
export function addSeed(table: CurveTable | undefined, rec: SeedCurves): CurveTable {
  const source = sourceOf(rec.dataset, rec.backend);
  if (table && table.source !== source) throw new Error(`record: the table was recorded as "${table.source}", this seed as "${source}"`);
  const base: CurveTable = table ?? {
    source,
    metric: METRIC,
    epochs: EPOCHS,
    grid: GRID_TABLE,
    seeds: [],
    rows: [...rec.curves.keys()].map((k) => ({ params: paramsOf(k), curves: [] })),
  };
  if (base.seeds.includes(rec.seed)) throw new Error(`record: seed ${rec.seed} is already in the table`);
  const rows = base.rows.map((r) => {
    const curve = rec.curves.get(configKey(base, r.params));
    if (!curve) throw new Error(`record: seed ${rec.seed} has no curve for ${JSON.stringify(r.params)}`);
    return { params: r.params, curves: [...r.curves, curve] };
  });
  return { ...base, seeds: [...base.seeds, rec.seed], rows };
}

function paramsOf(key: string): Record<string, string | number> {
  const values = JSON.parse(key) as (string | number)[];
  return Object.fromEntries(Object.keys(GRID).map((name, i) => [name, values[i]!]));
}

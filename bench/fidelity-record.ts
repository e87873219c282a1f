/**
 * `node scripts/bundle.mjs bench/fidelity-record.ts && nice -n 19 node build/fidelity-record.mjs`: adds the missing
 * training seeds of BENCH_RECORD_SEEDS (default 0,1,2) to bench/fidelity/<BENCH_DATASET>_curves.json (BENCH_DATASET:
 * breast_cancer, the default, or digits; BENCH_TABLE names another file), one whole grid per seed, rewriting the table after each seed so that an
 * interrupted recording keeps what it finished. Run it niced, on the WASM backend (SWEEPGATE_TFJS_NODE_DIR unset),
 * then `npx prettier --write` the table. See bench/fidelity/record.ts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { addSeed, DATASETS, isDatasetName, recordSeed } from './fidelity/record.js';
import type { CurveTable } from './fidelity/table.js';

const DATASET = process.env.BENCH_DATASET ?? 'breast_cancer';
if (!isDatasetName(DATASET)) throw new Error(`BENCH_DATASET: no dataset "${DATASET}" (one of ${Object.keys(DATASETS).join(', ')})`);
const TABLE = process.env.BENCH_TABLE ?? `bench/fidelity/${DATASET}_curves.json`;
const SEEDS = (process.env.BENCH_RECORD_SEEDS ?? '0,1,2').split(',').map(Number);

let table = existsSync(TABLE) ? (JSON.parse(readFileSync(TABLE, 'utf8')) as CurveTable) : undefined;
if (table && !Array.isArray(table.seeds)) throw new Error(`${TABLE} is in the single-seed format: move it away first`);
for (const seed of SEEDS) {
  if (table?.seeds.includes(seed)) continue;
  const started = Date.now();
  process.stderr.write(`recording seed ${seed}...\n`);
  table = addSeed(table, await recordSeed(DATASET, seed));
  writeFileSync(TABLE, `${JSON.stringify(table)}\n`);
  process.stderr.write(`seed ${seed} recorded in ${((Date.now() - started) / 60000).toFixed(1)} min\n`);
}

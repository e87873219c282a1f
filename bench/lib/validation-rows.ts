// The 0-based data rows sweepgate's tabular trainer validates on for a sweep config, computed with the trainer's
// own split (src/trainer/data/split.ts, as src/trainer/data/tabular-data.ts calls it), plus the validation fingerprint the trainer
// records in results.json, so a harness can check the rows it hands to another tool are the ones sweepgate used.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseSweepConfig } from '../../src/core/config/index.js';
import { parseCsv, splitRows } from '../../src/trainer/index.js';
import { validationFingerprint } from '../../src/trainer/data/split.js';

export function validationRowsOf(configPath: string): { data: string; rows: number[]; fingerprint: string } {
  const config = parseSweepConfig(readFileSync(configPath, 'utf8'), configPath);
  const trainer = config.workload.kind === 'trainer' ? config.workload.trainer : undefined;
  if (trainer?.type !== 'tabular' || trainer.validation !== undefined || trainer.splitBy !== undefined)
    throw new Error(`${configPath}: not a tabular trainer with a validation_split (and no split_by)`);
  const data = path.resolve(path.dirname(configPath), trainer.data);
  const table = parseCsv(data, readFileSync(data));
  const ti = table.header.indexOf(trainer.target);
  const groupOf = trainer.task === 'classification' ? (row: number): string => table.rows[row]![ti] ?? '' : (): string => '';
  const { validation } = splitRows(table, groupOf, trainer.validationSplit, trainer.splitSeed ?? 0);
  const fingerprint = validationFingerprint(
    validation.map(String),
    validation.map((r) => table.rows[r]![ti] ?? ''),
  );
  return { data, rows: validation, fingerprint };
}

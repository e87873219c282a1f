// `sweepgate merge <sweep.yml> <shard.json>...`: the Action's report job on a laptop. The documents of
// `sweepgate run --shard i/n --json FILE` are merged into one (engine/shard-merge.ts), the champion is recorded (or,
// with --baseline, the replay's seeds no shard ran are replayed), and the result is reported and gated like a run.
import { readFile } from 'node:fs/promises';
import { ClassifiedError, errorText } from '../core/errors.js';
import type { ResultsDoc } from '../core/results.js';
import {
  concludeSweep,
  finishShards,
  mergeShards,
  nothingMerged,
  loadConfig,
  type Conclusion,
  type RunOverrides,
} from '../engine/index.js';
import { parseResultsDoc } from '../storage/results-doc.js';

/** What `merge` needs besides the run flags: the shard documents, and whether missing shards may pass. */
export interface MergeFiles {
  readonly files: readonly string[];
  readonly allowMissingShards: boolean;
}

/** One shard document read and checked; a file that is not one is a usage error naming it. */
export async function readShardDoc(file: string): Promise<ResultsDoc & { readonly shard: { index: number; count: number } }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new MergeInputError(`merge: cannot read ${file}: ${errorText(err)}`);
  }
  const doc = parseResultsDoc(text);
  if (typeof doc === 'string') throw new MergeInputError(`merge: ${file} is not a sweepgate results JSON: ${doc}`);
  const s = doc.shard;
  if (!s || !Number.isSafeInteger(s.index) || !Number.isSafeInteger(s.count) || s.index < 1 || s.index > s.count)
    throw new MergeInputError(`merge: ${file} is not a shard's results (no "shard": {index, count}); write it with run --shard i/n --json`);
  return doc as ResultsDoc & { shard: { index: number; count: number } };
}

/** A shard file the merge cannot use; the CLI turns it into a usage error (exit 2). */
export class MergeInputError extends ClassifiedError {
  override readonly name = 'MergeInputError';
  readonly errorClass = 'config';
  override readonly invalid = 'input';
}

export interface MergeRun {
  readonly configPath: string;
  readonly files: readonly string[];
  readonly cacheDir?: string;
  readonly overrides?: RunOverrides;
  readonly baseline?: ResultsDoc;
  readonly accepted?: string;
  readonly allowMissingShards: boolean;
  readonly log: { info(m: string): void; warn(m: string): void };
}

/** Merges the files, finishes the champion work, and concludes; `shardsFailure` is set when shards are missing. */
export async function mergeRun(req: MergeRun): Promise<{ results: ResultsDoc; conclusion: Conclusion; shardsFailure?: string }> {
  const docs = await Promise.all(req.files.map(readShardDoc));
  const counts = new Set(docs.map((d) => d.shard.count));
  if (counts.size !== 1)
    throw new MergeInputError(`merge: the files come from splits of different sizes (${[...counts].join(', ')} shards)`);
  const count = docs[0]!.shard.count;
  const seen = new Map<number, string>();
  docs.forEach((d, i) => {
    const before = seen.get(d.shard.index);
    if (before) throw new MergeInputError(`merge: ${before} and ${req.files[i]} are both shard ${d.shard.index}/${count}`);
    seen.set(d.shard.index, req.files[i]!);
  });
  const config = await loadConfig(req.configPath);
  const problems = Array.from({ length: count }, (_, i) => i + 1)
    .filter((i) => !seen.has(i))
    .map((index) => ({ index, why: 'missing: no file given' }));
  for (const d of docs)
    if (d.configHash !== config.configHash)
      throw new MergeInputError(`merge: shard ${d.shard.index}/${count} ran another config (${d.configHash})`);
  const parts = docs.map((results) => ({ index: results.shard.index, results }));
  const merged = parts.length > 0 ? mergeShards(count, parts, problems) : nothingMerged(config, count, problems);
  const { config: used, results } = await finishShards(
    {
      configPath: req.configPath,
      ...(req.overrides ? { overrides: req.overrides } : {}),
      mode: {
        ...(req.cacheDir !== undefined ? { cacheDir: req.cacheDir } : {}),
        champion: req.baseline ? { mode: 'replay', baseline: req.baseline } : { mode: 'record' },
      },
      ports: { log: req.log },
    },
    merged,
  );
  const conclusion = concludeSweep({
    results,
    gate: used.gate,
    space: used.space,
    ...(req.baseline ? { compareWith: { baseline: req.baseline } } : {}),
    ...(req.accepted !== undefined ? { accepted: { reason: req.accepted } } : {}),
    layout: { baselineHowTo: 'Pass a results JSON from another run with --baseline to compare.', maxChars: Number.POSITIVE_INFINITY },
  });
  const named = problems.map((p) => `shard ${p.index}/${count}`).join(', ');
  return {
    results,
    conclusion,
    ...(problems.length > 0 && !req.allowMissingShards
      ? {
          shardsFailure: `sweepgate: ${problems.length} of ${count} shards missing (${named}); pass --allow-missing-shards to let the rest decide`,
        }
      : {}),
  };
}

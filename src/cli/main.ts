import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Threshold } from '../core/config/types.js';
import { parseThreshold } from '../core/gate/index.js';
import { BACKEND_CHOICES, type BackendChoice } from '../core/backends.js';
import { parseDuration } from '../core/duration.js';
import { ClassifiedError, classifyError, errorText, namedErrorText } from '../core/errors.js';
import type { ResultsDoc } from '../core/results.js';
import type { Progress } from '../core/study/index.js';
import { paramsLine } from '../report/markdown.js';
import { progressLine } from '../report/progress.js';
import { concludeSweep, explainConfig, loadConfig, runSweep, type Conclusion, type RunOverrides } from '../engine/index.js';
import { parseResultsDoc } from '../storage/results-doc.js';
import { parseShard, type Shard } from '../core/study/index.js';
import { mergeRun } from './merge.js';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly isTTY?: boolean;
}

/** Replaced by the bundler with package.json's version; 'dev' when run from source. */
declare const __SWEEPGATE_VERSION__: string | undefined;
const VERSION = typeof __SWEEPGATE_VERSION__ === 'string' ? __SWEEPGATE_VERSION__ : 'dev';

/** Exit codes (DESIGN.md §3 CLI). */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

const USAGE = `Usage:
  sweepgate run <sweep.yml> [options]    run the sweep; markdown report on stdout, progress on stderr
  sweepgate merge <sweep.yml> <shard.json>...
                                         merge the --json documents of run --shard i/n, record the
                                         champion (or replay --baseline's), report and gate like run
  sweepgate validate <sweep.yml>         check a config, print its warnings and exit (0 valid, 2 invalid)
  sweepgate validate --explain <sweep.yml>
                                         also show how each parameter was understood, the budget and
                                         the exact command line of the first trial

Options for run:
  --cache-dir DIR     trial store (default: .sweepgate/ beside the config)
  --json FILE         write the results document (JSON)
  --markdown FILE     write the markdown report to FILE as well
  --baseline FILE     a results JSON to compare with; exit 1 when the gate fails
  --accept-regression REASON
                      with --baseline: a failed gate exits 0; the report shows the verdict and "accepted: REASON"
  --no-search         with --baseline: replay the baseline's champion only, no search (a replay-only PR,
                      like the config's pr.search: false); rules on: best then fail
  --max-regression T  gate the sweep metric: absolute (0.01) or relative (2%), like the Action's input;
                      a gate: rule for that metric in the config wins
  --seed N            override the config's seed
  --parallel N        trials at once (default: the config's parallel; else, for the built-in trainer, one worker thread per core capped for memory, and 1 for programs and modules)
  --trial-timeout T   stop a trial (and every process it started) after T: seconds or 90s, 5m, 1h30m;
                      it is recorded as failed (timeout) and the sweep goes on (default: the config's trial_timeout)
  --backend NAME      auto | tensorflow | wasm | cpu (default auto)
  --shard i/n         run shard i of n (1-based): every n-th trial of grid, random, quasirandom and manual
                      sweeps, a sub-seeded stream for bayes and tpe; no champion is recorded and nothing is
                      gated (merge does both); write it with --json for merge
  --allow-missing-shards
                      merge: shards without a file are named in the report but do not fail it
  --quiet             no progress on stderr
  --version, --help
Exit status: 0 done (gate passed), 1 gate failed or run error, 2 invalid config or arguments.
`;

/** Bad arguments: exit 2, with the usage. */
export class UsageError extends ClassifiedError {
  override readonly name = 'UsageError';
  readonly errorClass = 'config';
  override readonly invalid = 'input';
}

/** The CLI: parse args, run the engine, print. The single catch that turns errors into exit codes. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (err) {
    return fail(err, io);
  }
}

/** An error that ended the run, on stderr, and its exit status, by its class (core/errors.ts classifyError). */
function fail(err: unknown, io: CliIO): number {
  const { errorClass, invalid } = classifyError(err);
  if (errorClass !== 'config') {
    io.stderr(`sweepgate: ${namedErrorText(err)}\n`);
    return EXIT.failed;
  }
  const message = errorText(err);
  if (invalid === 'config') io.stderr(`sweepgate: invalid config\n${indent(message)}\n`);
  else if (invalid === 'data') io.stderr(`sweepgate: invalid data: ${message}\n`);
  else io.stderr(`sweepgate: ${message}\n\n${USAGE}`);
  return EXIT.usage;
}

const OPTIONS = {
  'cache-dir': { type: 'string' },
  json: { type: 'string' },
  markdown: { type: 'string' },
  baseline: { type: 'string' },
  'accept-regression': { type: 'string' },
  'max-regression': { type: 'string' },
  'no-search': { type: 'boolean' },
  seed: { type: 'string' },
  parallel: { type: 'string' },
  'trial-timeout': { type: 'string' },
  backend: { type: 'string' },
  shard: { type: 'string' },
  'allow-missing-shards': { type: 'boolean' },
  quiet: { type: 'boolean' },
  explain: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

/** The flags as given: strings, still to be checked. */
type Flags = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>['values'];

/** What the command line asks for. */
type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'validate'; readonly configPath: string; readonly explain: boolean }
  | { readonly kind: 'run'; readonly configPath: string; readonly flags: Flags }
  | { readonly kind: 'merge'; readonly configPath: string; readonly files: readonly string[]; readonly flags: Flags };

/** `sweepgate run`'s flags, checked: what the engine and the presentation need. */
interface RunRequest {
  readonly configPath: string;
  readonly overrides: RunOverrides;
  readonly cacheDir?: string;
  readonly baseline?: ResultsDoc;
  /** `--accept-regression`: why a failed gate is accepted on purpose. */
  readonly acceptRegression?: string;
  readonly json?: string;
  readonly markdown?: string;
  readonly quiet: boolean;
  readonly shard?: Shard;
}

async function dispatch(argv: readonly string[], io: CliIO): Promise<number> {
  const command = parseCommand(argv);
  switch (command.kind) {
    case 'help':
      io.stdout(USAGE);
      return EXIT.ok;
    case 'version':
      io.stdout(`sweepgate ${VERSION}\n`);
      return EXIT.ok;
    case 'validate':
      await validate(command.configPath, command.explain, io);
      return EXIT.ok;
    case 'run':
      return runCommand(await runRequest(command.configPath, command.flags), io);
    case 'merge':
      return mergeCommand(await runRequest(command.configPath, command.flags), command.files, command.flags, io);
  }
}

/** The arguments as a command: which one, its config and its flags (not yet checked). */
function parseCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: OPTIONS });
  } catch (err) {
    throw new UsageError(errorText(err));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [command, configPath, ...extra] = positionals;
  if (command === undefined) throw new UsageError('missing command');
  if (command !== 'run' && command !== 'validate' && command !== 'merge')
    throw new UsageError(`unknown command ${JSON.stringify(command)} (expected run, merge or validate)`);
  if (configPath === undefined) throw new UsageError(`${command} needs the path of a sweep config`);
  if (command === 'merge') {
    if (extra.length === 0) throw new UsageError('merge needs the shard documents (the --json files of run --shard i/n)');
    if (values.shard !== undefined) throw new UsageError(`--shard goes with run, not merge, got --shard ${values.shard}`);
    return { kind: 'merge', configPath, files: extra, flags: values };
  }
  if (extra.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}`);
  if (values['allow-missing-shards']) throw new UsageError('--allow-missing-shards goes with merge');
  if (values.explain && command !== 'validate') throw new UsageError('--explain goes with validate');
  return command === 'validate'
    ? { kind: 'validate', configPath, explain: values.explain === true }
    : { kind: 'run', configPath, flags: values };
}

async function validate(configPath: string, explain: boolean, io: CliIO): Promise<void> {
  const config = await loadConfig(configPath);
  for (const w of config.warnings) io.stderr(`warning: ${w}\n`);
  io.stdout(
    `${configPath}: valid (${config.method}, ${config.space.length} parameters, metric ${config.metric.name} ${config.metric.goal})\n`,
  );
  if (explain) io.stdout(await explainConfig(config));
}

/** Checks run's flags, in the order they are listed; the first bad one is the usage error. */
async function runRequest(configPath: string, flags: Flags): Promise<RunRequest> {
  const seed = flags.seed === undefined ? undefined : parseInteger('--seed', flags.seed);
  const parallel = flags.parallel === undefined ? undefined : parseInteger('--parallel', flags.parallel, 1, 64);
  const backend = flags.backend === undefined ? 'auto' : parseBackend(flags.backend);
  const trialTimeoutMs = usage(() =>
    flags['trial-timeout'] === undefined ? undefined : parseDuration(flags['trial-timeout'], '--trial-timeout'),
  );
  const baseline = flags.baseline === undefined ? undefined : await readBaseline(flags.baseline);
  const acceptRegression = flags['accept-regression']?.trim();
  if (acceptRegression !== undefined && acceptRegression === '')
    throw new UsageError('--accept-regression needs a reason (why the regression is accepted), got ""');
  if (acceptRegression !== undefined && baseline === undefined)
    throw new UsageError(
      `--accept-regression goes with --baseline (there is no gate without one), got --accept-regression ${JSON.stringify(acceptRegression)}`,
    );
  const shard = flags.shard === undefined ? undefined : parseShardFlag(flags.shard);
  if (flags['no-search'] && baseline === undefined)
    throw new UsageError('--no-search goes with --baseline: without one this run records a baseline, and a baseline needs the search');
  const maxRegression = flags['max-regression'];
  const threshold: Threshold | undefined = usage(() =>
    maxRegression === undefined ? undefined : parseThreshold(maxRegression, '--max-regression'),
  );
  return {
    configPath,
    overrides: {
      ...(seed !== undefined ? { seed } : {}),
      ...(parallel !== undefined ? { parallel } : {}),
      ...(trialTimeoutMs !== undefined ? { trialTimeoutMs } : {}),
      ...(threshold ? { maxRegression: threshold } : {}),
      ...(flags['no-search'] ? { search: false } : {}),
      backend,
    },
    ...(flags['cache-dir'] !== undefined ? { cacheDir: flags['cache-dir'] } : {}),
    ...(baseline ? { baseline } : {}),
    ...(acceptRegression !== undefined ? { acceptRegression } : {}),
    ...(flags.json !== undefined ? { json: flags.json } : {}),
    ...(flags.markdown !== undefined ? { markdown: flags.markdown } : {}),
    quiet: flags.quiet === true,
    ...(shard ? { shard } : {}),
  };
}

function parseShardFlag(text: string): Shard {
  const shard = parseShard(text);
  if (typeof shard === 'string') throw new UsageError(`--shard ${shard}`);
  return shard;
}

/** A flag's value read like a config value: its ConfigError is a usage error here. */
function usage<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    throw new UsageError(errorText(err));
  }
}

/** Runs the sweep and concludes it (engine), then presents the conclusion. */
async function runCommand(req: RunRequest, io: CliIO): Promise<number> {
  const { baseline, quiet } = req;
  const progress = quiet ? undefined : (p: Progress): void => io.stderr(`${progressLine(p)}\n`);
  const { config, results } = await runSweep({
    configPath: req.configPath,
    overrides: req.overrides,
    mode: {
      ...(req.cacheDir !== undefined ? { cacheDir: req.cacheDir } : {}),
      // With a baseline, replay its champion (as a PR does); without, record this run's (as main does), so the
      // --json document can itself serve as a --baseline.
      champion: baseline ? { mode: 'replay', baseline } : { mode: 'record' },
      ...(req.shard ? { shard: req.shard } : {}),
    },
    ports: {
      log: {
        info: (m) => !quiet && io.stderr(`${m}\n`),
        warn: (m) => io.stderr(`warning: ${m}\n`),
        ...(progress ? { progress } : {}),
      },
    },
  });
  const conclusion = concludeSweep({
    results,
    gate: config.gate,
    space: config.space,
    // A shard is compared and gated only once merged (`sweepgate merge`).
    ...(baseline && !req.shard ? { compareWith: { baseline } } : {}),
    ...(req.acceptRegression !== undefined ? { accepted: { reason: req.acceptRegression } } : {}),
    layout: {
      ...(req.shard ? { title: `sweepgate: ${config.name} (shard ${req.shard.index}/${req.shard.count})` } : {}),
      baselineHowTo: req.shard
        ? 'This is one shard: `sweepgate merge` merges the shards, compares and gates.'
        : 'Pass a results JSON from another run with --baseline to compare.',
      maxChars: Number.POSITIVE_INFINITY,
    },
  });
  const shardDecision = req.shard && conclusion.decision.kind === 'nothing-finished' ? { decision: { kind: 'passed' as const } } : {};
  return present(req, results, { ...conclusion, ...shardDecision }, io);
}

/** `merge`: the shard documents as one sweep, concluded like `run` (cli/merge.ts); missing shards fail unless allowed. */
async function mergeCommand(req: RunRequest, files: readonly string[], flags: Flags, io: CliIO): Promise<number> {
  const { results, conclusion, shardsFailure } = await mergeRun({
    configPath: req.configPath,
    files,
    overrides: req.overrides,
    ...(req.cacheDir !== undefined ? { cacheDir: req.cacheDir } : {}),
    ...(req.baseline ? { baseline: req.baseline } : {}),
    ...(req.acceptRegression !== undefined ? { accepted: req.acceptRegression } : {}),
    allowMissingShards: flags['allow-missing-shards'] === true,
    log: { info: (m) => !req.quiet && io.stderr(`${m}\n`), warn: (m) => io.stderr(`warning: ${m}\n`) },
  });
  const status = await present(req, results, conclusion, io);
  if (shardsFailure === undefined) return status;
  io.stderr(`${shardsFailure}\n`);
  return EXIT.failed;
}

/** The report on stdout and in the files asked for, the best params and the decision on stderr, the exit status. */
async function present(req: RunRequest, results: ResultsDoc, conclusion: Conclusion, io: CliIO): Promise<number> {
  const report = conclusion.report.full;
  // The report goes out first: a file that cannot be written must not lose a finished sweep.
  io.stdout(report);
  let written = true;
  for (const [file, text] of [
    [req.json, `${JSON.stringify(results, null, 2)}\n`],
    [req.markdown, report],
  ] as const) {
    if (file === undefined) continue;
    try {
      await writeOut(file, text);
    } catch (err) {
      written = false;
      io.stderr(`sweepgate: cannot write ${file}: ${errorText(err)}\n`);
    }
  }
  if (!req.quiet && results.best) io.stderr(`best: ${paramsLine(results.best.params)}\n`);
  const { decision } = conclusion;
  if (decision.kind === 'accepted') io.stderr(`${decision.message}\n`);
  else if (decision.kind !== 'passed') {
    io.stderr(`${decision.message}\n`);
    return EXIT.failed;
  }
  return written ? EXIT.ok : EXIT.failed;
}

function parseInteger(flag: string, text: string, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(n))
    throw new UsageError(`${flag} must be an integer but got ${JSON.stringify(text)}`);
  if (n < min || n > max) throw new UsageError(`${flag} must be between ${min} and ${max} but got ${n}`);
  return n;
}

function parseBackend(text: string): BackendChoice {
  const choice = BACKEND_CHOICES.find((c) => c === text);
  if (choice === undefined) throw new UsageError(`--backend must be one of ${BACKEND_CHOICES.join(', ')} but got ${JSON.stringify(text)}`);
  return choice;
}

async function readBaseline(file: string): Promise<ResultsDoc> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new UsageError(`--baseline: cannot read ${file}: ${errorText(err)}`);
  }
  const doc = parseResultsDoc(text);
  if (typeof doc === 'string') throw new UsageError(`--baseline: ${file} is not a sweepgate results JSON: ${doc}`);
  return doc;
}

async function writeOut(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(file, text, 'utf8');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

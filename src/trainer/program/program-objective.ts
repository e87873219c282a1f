import { readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { argsJson, DEFAULT_COMMAND, expandCommand as expandCore, nestParams, topLevelArgs } from '../../core/command.js';
import { NO_METRIC, type ProgramKind } from '../../core/config/types.js';
import { TrialError, show, errorText } from '../../core/errors.js';
import { hashJson, sha256Hex } from '../../core/hash.js';
import type { Metrics, Params } from '../../core/json.js';
import { pyJson, type PyNumbers } from '../../core/pystr.js';
import type { Objective, ObjectiveResult, TrialContext } from '../../core/objective.js';
import { displayPath } from '../data/errors.js';
import { mergeReports } from '../reported-metrics.js';
import { programEnv, pythonShim, wandbStandInDir } from './environment.js';
import { lineSplitter, parseMetricsLine, parseWandbEvent } from './output-lines.js';
import { type ProgramExit, type RunningProgram, WANDB_FD, exitFailure, startProgram } from './process.js';

export interface ProgramSpec {
  /** The W&B `program`: a path, relative to the config's folder or absolute (a module or command name otherwise). */
  readonly program: string;
  /** The W&B `command` list with macros unexpanded; empty means the default. */
  readonly command: readonly string[];
  /** What `${program}` becomes; default: `program`. */
  readonly programAsWritten?: string;
  /** How the command runs the program (see ProgramKind); default `file`. */
  readonly programKind?: ProgramKind;
  /** `stand-in` (default): sweepgate's offline `wandb` module first on PYTHONPATH; `real`: PYTHONPATH left alone. */
  readonly wandb?: 'stand-in' | 'real';
  readonly pyNumbers?: Readonly<Record<string, PyNumbers>>;
  readonly paramPaths?: Readonly<Record<string, readonly string[]>>;
}

export interface CommandObjectiveOptions {
  /** The config file's folder: the command's working directory and the base of a relative `program`. */
  readonly configDir: string;
  /** The sweep's metric: the program must report it. */
  readonly metricName: string;
  /** Extra environment for the program (over this process's environment). */
  readonly env?: Readonly<Record<string, string>>;
  /** Where to say which wandb calls the stand-in ignored (each name once per objective). */
  readonly log?: (message: string) => void;
  /** How long a stopped program gets between SIGTERM and SIGKILL (default 5 s; tests shorten it). */
  readonly killGraceMs?: number;
}

/** How long a pruned or cancelled program gets to exit after SIGTERM before SIGKILL. */
const KILL_GRACE_MS = 5000;

export interface Expansion {
  readonly program: string;
  readonly params: Params;
  /** Path of the params JSON file, for `${args_json_file}`. */
  readonly argsJsonFile: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly pyNumbers?: Readonly<Record<string, PyNumbers>>;
  readonly paramPaths?: Readonly<Record<string, readonly string[]>>;
}

/** The W&B command for one trial, as W&B's agent expands it (see core/command.ts); `${interpreter}` of a .js program is this node. */
export function expandCommand(command: readonly string[], x: Expansion): string[] {
  return expandCore(command, { ...x, env: x.env ?? process.env }, process.execPath);
}

/**
 * What identifies the program's code: a file's bytes; for a module (`python -m pkg.train`), the bytes of
 * `pkg/train.py` or `pkg/train/__main__.py` when they sit under the config's folder; for a console script, the
 * file when `program` names one, else only its name (installed code is not part of the trial key).
 */
function programIdentity(workload: ProgramSpec, configDir: string): string {
  const kind = workload.programKind ?? 'file';
  const file = path.resolve(configDir, workload.program);
  const tryRead = (f: string): string | undefined => {
    try {
      return statSync(f).isFile() ? sha256Hex(readFileSync(f)) : undefined;
    } catch {
      return undefined;
    }
  };
  if (kind === 'file') {
    try {
      return sha256Hex(readFileSync(file));
    } catch (err) {
      throw new TrialError(`program ${displayPath(file)} cannot be read: ${errorText(err)}`, { transient: true });
    }
  }
  if (kind === 'module') {
    const base = path.resolve(configDir, ...(workload.programAsWritten ?? workload.program).split('.'));
    for (const f of [`${base}.py`, path.join(base, '__main__.py')]) {
      const h = tryRead(f);
      if (h) return h;
    }
    return `module:${workload.programAsWritten ?? workload.program}`;
  }
  return tryRead(file) ?? `command:${workload.programAsWritten ?? workload.program}`;
}

/**
 * A W&B `program`/`command`: each trial runs the command once, in the config's folder, expanded as W&B's agent
 * expands it (core/command.ts).
 *
 * **Environment.** `SWEEPGATE_SEED` (the trial seed: seed your RNGs with it), `SWEEPGATE_PARAMS` (the params
 * as JSON, nested parameters nested as in `${args_json}`), `SWEEPGATE_METRIC` (the sweep's metric name),
 * `WANDB_SWEEP_PARAM_PATH` (the run's config as W&B's agent leaves it for the real client) and
 * `PYTHONUNBUFFERED=1` so Python prints promptly. With the wandb stand-in (the default), python/ comes first on
 * PYTHONPATH and `SWEEPGATE_WANDB_FD` / `SWEEPGATE_WANDB_CONFIG` tell it where to write and what the config is.
 *
 * **Metrics.** Each `wandb.log` row the stand-in writes on fd 3, and each line of standard output that is a JSON
 * object whose values are all numbers (e.g. `{"epoch": 3, "loss": 0.41, "val_loss": 0.52}`; its `step`, else
 * `epoch`, is the step and not a metric), is a report and goes to the pruner; when the pruner stops the trial
 * the program is sent SIGTERM (SIGKILL 5 s later). The trial's metrics are the last value of each metric over
 * all reports, overridden by what the program set in wandb.summary (W&B's run summary), and must include the
 * sweep's metric (unless the sweep has none). A NaN or Infinity metric fails the trial.
 *
 * **Processes.** The program runs in its own process group, and every signal goes to the whole group, so a
 * pruned, timed-out or cancelled trial takes the processes it started with it; whatever is still running
 * when the program exits is sent SIGTERM too. A trial ends when the program exits, not when the last holder
 * of its output lets go.
 *
 * **Failure.** A non-zero exit status (or death by a signal sweepgate did not send) fails the trial with the
 * last lines of standard error.
 *
 * The fingerprint covers the program's code (see programIdentity) and the command; files the program reads are
 * not covered, so list them in the sweep's `fingerprint` globs.
 */
export function createCommandObjective(workload: ProgramSpec, opts: CommandObjectiveOptions): Objective {
  const identity = programIdentity(workload, opts.configDir);
  const command = workload.command.length > 0 ? workload.command : DEFAULT_COMMAND;
  // A missing stand-in (a broken install) must not fail programs that never import wandb; those that do fail with
  // Python's own "No module named 'wandb'".
  const standIn = workload.wandb === 'real' ? undefined : wandbStandInDir();
  const ignoredSeen = new Set<string>();
  const onIgnored = (names: readonly string[]): void => {
    const fresh = names.filter((n) => !ignoredSeen.has(n));
    fresh.forEach((n) => ignoredSeen.add(n));
    if (fresh.length > 0) opts.log?.(`wandb stand-in (offline): ignored ${fresh.join(', ')}`);
  };
  return {
    // A file program's key is what it always was; other kinds add how the program is found.
    fingerprint: hashJson({ kind: 'sweepgate-command', program: identity, command }),
    backend: 'process',
    async run(params: Params, ctx: TrialContext): Promise<ObjectiveResult> {
      const tmp = await mkdtemp(path.join(tmpdir(), 'sweepgate-args-'));
      try {
        const { argv, env } = await trialCommand(workload, command, params, tmp, standIn);
        const reported = await runProgram(argv, env, ctx, opts, standIn !== undefined, onIgnored);
        return { metrics: trialMetrics(argv.join(' '), reported, opts.metricName) };
      } finally {
        await rm(tmp, { recursive: true, force: true });
      }
    },
  };
}

/**
 * One trial's command line and environment, with the files W&B's agent leaves for the program (the params as
 * JSON for `${args_json_file}`, the run's config for the real client) written to `tmp`.
 */
async function trialCommand(
  workload: ProgramSpec,
  command: readonly string[],
  params: Params,
  tmp: string,
  standIn: string | undefined,
): Promise<{ readonly argv: string[]; readonly env: Record<string, string> }> {
  const { pyNumbers, paramPaths } = workload;
  const json = argsJson(topLevelArgs(params, pyNumbers, paramPaths));
  const argsJsonFile = path.join(tmp, 'params.json');
  if (command.some((t) => t.includes('${args_json_file}'))) await writeFile(argsJsonFile, json);
  // W&B's agent also leaves the run's config where the real client reads it ({key: {value: v}}; JSON is YAML).
  const sweepParamPath = path.join(tmp, 'config.yaml');
  const entries = topLevelArgs(params, pyNumbers, paramPaths).map((a) => `${pyJson(a.key)}: {"value": ${pyJson(a.value, a.isFloat)}}`);
  await writeFile(sweepParamPath, `{${entries.join(', ')}}`);
  const argv = expandCommand(command, {
    program: workload.programAsWritten ?? workload.program,
    params,
    argsJsonFile,
    pyNumbers,
    paramPaths,
  });
  const env: Record<string, string> = {
    ...(await pythonShim(argv, tmp)),
    SWEEPGATE_PARAMS: JSON.stringify(nestParams(params, paramPaths)),
    WANDB_SWEEP_PARAM_PATH: sweepParamPath,
    ...(standIn
      ? {
          PYTHONPATH: [standIn, process.env.PYTHONPATH].filter(Boolean).join(path.delimiter),
          SWEEPGATE_WANDB_FD: String(WANDB_FD),
          SWEEPGATE_WANDB_CONFIG: json,
        }
      : {}),
  };
  return { argv, env };
}

/** The trial's metrics: the last value of each reported metric, overridden by wandb.summary; the sweep's metric must be among them. */
function trialMetrics(shown: string, { reports, summary }: ProgramReports, metricName: string): Metrics {
  // A metric-less sweep (W&B grid or random without metric:) takes whatever the program reported, even nothing.
  if (metricName === NO_METRIC) return { ...mergeReports(reports), ...summary };
  if (reports.length === 0 && Object.keys(summary).length === 0)
    throw commandError(
      shown,
      `reported no metrics: call wandb.log({"${metricName}": 0.5}) or print JSON lines such as {"${metricName}": 0.5} to standard output`,
    );
  const metrics = { ...mergeReports(reports), ...summary };
  if (!(metricName in metrics))
    throw commandError(shown, `never reported the sweep metric ${show(metricName)} (reported: ${Object.keys(metrics).join(', ')})`);
  return metrics;
}

/** Runs the trial's program: its reports go to the pruner as they come; resolves with them when it ends well. */
function runProgram(
  argv: readonly string[],
  extraEnv: Readonly<Record<string, string>>,
  ctx: TrialContext,
  opts: CommandObjectiveOptions,
  wandbChannel: boolean,
  onIgnored: (names: readonly string[]) => void,
): Promise<ProgramReports> {
  const shown = argv.join(' ');
  return new Promise((resolve, reject) => {
    // Output comes only after startProgram has returned, so `program` is set whenever the output stops it.
    const output = trialOutput(shown, ctx, opts.metricName, onIgnored, () => program.terminate());
    const stdout = lineSplitter(output.onLine, ' '); // still inside an over-long line: not a report
    const wandb = lineSplitter(output.onWandb, '');
    const onAbort = (): void => output.stop('cancelled');
    const program: RunningProgram = startProgram(argv, {
      cwd: opts.configDir,
      env: {
        ...programEnv(process.env),
        ...opts.env,
        ...extraEnv,
        SWEEPGATE_SEED: String(ctx.seed),
        SWEEPGATE_METRIC: opts.metricName,
        PYTHONUNBUFFERED: '1',
      },
      killGraceMs: opts.killGraceMs ?? KILL_GRACE_MS,
      onStdout: stdout.push,
      onChannel: wandbChannel ? wandb.push : () => {},
      onError: (err) =>
        output.failed(
          new TrialError(`cannot run ${shown}: ${err.message}`, { transient: true, failureCause: `cannot run: ${err.message}` }),
        ),
      onEnd: (exit) => {
        ctx.signal.removeEventListener('abort', onAbort);
        stdout.flush();
        wandb.flush();
        try {
          resolve(output.settle(exit));
        } catch (err) {
          reject(err);
        }
      },
    });
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    if (ctx.signal.aborted) output.stop('cancelled');
  });
}

/** What a program reported: each step's metrics in order, and what it set in wandb.summary. */
interface ProgramReports {
  readonly reports: Metrics[];
  readonly summary: Metrics;
}

/**
 * What a program's output means for its trial: each metrics line or wandb.log row is a report to the pruner, which
 * may stop the program; wandb.summary values are kept; the first failure (a non-finite metric, a report that
 * throws, a program that cannot start) decides the trial, and the program is stopped (`terminate`).
 */
function trialOutput(
  shown: string,
  ctx: TrialContext,
  metricName: string,
  onIgnored: (names: readonly string[]) => void,
  terminate: () => void,
) {
  const reports: Metrics[] = [];
  let summary: Metrics = {};
  let metricRows = 0;
  let stopping: 'pruned' | 'cancelled' | undefined;
  let failure: TrialError | undefined;
  let finished = false;
  const stop = (why: 'pruned' | 'cancelled'): void => {
    if (stopping) return;
    stopping = why;
    terminate();
  };
  const fail = (err: TrialError): void => {
    failure = err;
    terminate();
  };
  /** One step of metrics to the pruner. */
  const report = (step: number, metrics: Metrics): void => {
    reports.push(metrics);
    let prune: boolean;
    try {
      prune = ctx.report(step, metrics);
    } catch (err) {
      return fail(err instanceof TrialError ? err : new TrialError(errorText(err)));
    }
    if (prune) stop('pruned');
  };
  const onLine = (line: string): void => {
    if (stopping || failure) return;
    const parsed = parseMetricsLine(line);
    if (parsed.kind === 'nonfinite') return fail(commandError(shown, `reported a non-finite metric: ${line.trim().slice(0, 200)}`));
    if (parsed.kind === 'report') report(parsed.step ?? reports.length + 1, parsed.metrics);
  };
  const onWandb = (line: string): void => {
    if (line.trim() === '') return;
    const event = parseWandbEvent(line);
    if (event.kind === 'ignored') return onIgnored(event.names);
    if (stopping || failure || finished) return;
    // wandb.finish() ends the run: what the program does afterwards is not part of the trial's metrics.
    if (event.kind === 'finish') finished = true;
    if (event.kind === 'nonfinite') return fail(commandError(shown, `logged a non-finite metric with wandb: ${event.text}`));
    if (event.kind === 'summary') summary = { ...summary, ...event.metrics };
    if (event.kind !== 'log' || Object.keys(event.metrics).length === 0) return;
    // W&B's hyperband counts a run's iterations as the rows that hold the sweep metric.
    if (metricName in event.metrics) metricRows++;
    report(Math.max(1, metricRows), event.metrics);
  };
  return {
    onLine,
    onWandb,
    stop,
    /** A failure from outside the output (the program could not start); the first failure stands. */
    failed(err: TrialError): void {
      failure ??= err;
    },
    /** The trial's reports once the program has ended, or why it failed: a pruned program ends well whatever its exit. */
    settle(exit: ProgramExit): ProgramReports {
      if (failure) throw failure;
      if (stopping === 'cancelled') throw new TrialError(`cancelled: ${String(ctx.signal.reason ?? 'aborted')}`, { transient: true });
      if (stopping === 'pruned') return { reports, summary };
      const failed = exitFailure(shown, exit);
      if (failed) throw failed;
      return { reports, summary };
    },
  };
}

/**
 * A deterministic failure of the command `shown`: the message names the command line, the cause does not (it differs
 * with every trial's params, and failures are grouped by cause).
 */
function commandError(shown: string, problem: string): TrialError {
  return new TrialError(`${shown} ${problem}`, { failureCause: `the program ${problem}` });
}

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { TrialError, errorText } from '../../core/errors.js';
import { hashJson, sha256Hex } from '../../core/hash.js';
import type { Params } from '../../core/json.js';
import type { Objective, ObjectiveResult, TrialContext } from '../../core/objective.js';
import { isBackendName } from '../../core/backends.js';
import type { TfHandle } from '../tf/backend.js';
import { displayPath } from '../data/errors.js';
import { findBundledEntry } from '../workers/bundled-entry.js';
import { programEnv } from '../program/environment.js';
import { lineSplitter } from '../program/output-lines.js';
import { type ProgramExit, exitFailure, startProgram } from '../program/process.js';
import type { FromModule, ModuleInit, ModuleWireError } from './protocol.js';

export type { ModuleContext, ObjectiveFunction } from './module-code.js';

export interface ModuleObjectiveOptions {
  /** The sweep's metric: a bare number returned by the module is this metric. */
  readonly metricName: string;
  /** Non-fatal trouble (tensor leaks, a backend fallback in the module's process), once per objective. */
  warn(msg: string): void;
  /** Where tfjs-node is looked up besides the config's folder (LoadTfOptions.tfjsNodeDirs). */
  readonly tfjsNodeDirs?: readonly string[];
  /** The module runner (findModuleRunner()); a test may point it at its own bundle. */
  readonly runner?: string;
  /** How long a stopped module process gets between SIGTERM and SIGKILL (default 5 s; tests shorten it). */
  readonly killGraceMs?: number;
}

const KILL_GRACE_MS = 5000;
/** The bundled runner's file name: dist/module-runner.js (build/module-runner.mjs beside a bench harness). */
const RUNNER_FILES = ['module-runner.js', 'module-runner.mjs'];
/** Where a test run from source points at a runner it bundled (vitest's global setup). */
export const RUNNER_ENV = 'SWEEPGATE_MODULE_RUNNER';

/** The bundled module runner beside sweepgate, else $SWEEPGATE_MODULE_RUNNER (a test run from source). */
export function findModuleRunner(): string | undefined {
  return findBundledEntry(RUNNER_FILES) ?? (process.env[RUNNER_ENV] || undefined);
}

/** An error the module threw (not a TrialError), rebuilt on this side with its name. */
class ModuleError extends Error {
  override readonly name: string;
  constructor(e: ModuleWireError) {
    super(e.message);
    this.name = e.name;
  }
}

/**
 * An `objective:` JS module: `export default async function (params, ctx) { ... }`, run in a process of its own.
 *
 * - `params` are the trial's hyperparameters (flat; nested W&B parameters as dotted names).
 * - `ctx` is `{ seed, report(step, metrics), signal, tf }`; `tf` is TensorFlow.js on the backend the sweep chose.
 * - It returns the sweep's metric as a number (the trial's metrics are then that number plus the last value of
 *   each metric it passed to `ctx.report`), or an object of metrics (numbers) that includes the sweep's metric
 *   (taken as it is). It may also return nothing after calling `ctx.report`: the trial's metrics are then the
 *   last reported value of each metric — the natural thing to do when `report` returned true (pruned).
 * - Each trial is a fresh Node.js process (module-runner.ts) started like a program: the same environment
 *   (programEnv: no inputs, tokens or file commands), the same containment, killed with everything it started
 *   when the trial is cancelled or times out. So nothing the module does reaches sweepgate's process.
 * - The module file's bytes are part of every trial key; files it imports are not, so list them in the
 *   sweep's `fingerprint` globs.
 * - Tensors it leaves allocated are its own business; sweepgate warns once when a trial leaks.
 */
export async function createModuleObjective(modulePath: string, handle: TfHandle, opts: ModuleObjectiveOptions): Promise<Objective> {
  const file = path.resolve(modulePath);
  const hash = await moduleHash(file);
  const runner = opts.runner ?? findModuleRunner();
  if (runner === undefined)
    throw new TrialError(`objective module ${displayPath(file)}: the module runner (module-runner.js) is not beside sweepgate`);
  const backend = handle.backend;
  if (!isBackendName(backend)) throw new TrialError(`objective module ${displayPath(file)}: unknown TensorFlow.js backend ${backend}`);
  const start = (init: ModuleInit, ctx?: TrialContext): Promise<Extract<FromModule, { type: 'done' | 'loaded' }>> =>
    runModuleProcess(runner, init, ctx, opts);
  // A module that cannot load, or exports no function, is a config error now rather than one per trial.
  await start({ type: 'init', module: file, hash, metricName: opts.metricName });
  let warnedLeak = false;
  // A module that never touches ctx.tf trains without TensorFlow.js: the report then names no backend.
  let usedBackend: string | undefined;
  return {
    fingerprint: hashJson({ kind: 'sweepgate-module', module: hash }),
    get backend(): string {
      return usedBackend ?? 'none';
    },
    async run(params: Params, ctx: TrialContext): Promise<ObjectiveResult> {
      const trial = { params, seed: ctx.seed, backend, cwd: path.dirname(file), tfjsNodeDirs: opts.tfjsNodeDirs ?? [] };
      const done = await start({ type: 'init', module: file, hash, metricName: opts.metricName, trial }, ctx);
      if (done.type !== 'done') throw new TrialError(`objective module ${displayPath(file)} sent no result`);
      usedBackend = done.backend ?? usedBackend;
      if (done.leaked > 0 && !warnedLeak) {
        warnedLeak = true;
        opts.warn(
          `objective module ${displayPath(file)} left ${done.leaked} tensor(s) allocated after a trial; wrap work in tf.tidy() or dispose() tensors and models`,
        );
      }
      return { metrics: done.metrics };
    },
  };
}

async function moduleHash(file: string): Promise<string> {
  try {
    return sha256Hex(await readFile(file));
  } catch (err) {
    throw new TrialError(`objective module ${displayPath(file)} cannot be read: ${errorText(err)}`, { transient: true });
  }
}

/**
 * One run of the module's process: `init` on its stdin, its reports to ctx.report (the pruner's answer goes back),
 * until it says `done` or `loaded` — settled only once the process and everything it started have ended.
 */
function runModuleProcess(
  runner: string,
  init: ModuleInit,
  ctx: TrialContext | undefined,
  opts: ModuleObjectiveOptions,
): Promise<Extract<FromModule, { type: 'done' | 'loaded' }>> {
  const where = `objective module ${displayPath(init.module)}`;
  return new Promise((resolve, reject) => {
    let result: Extract<FromModule, { type: 'done' | 'loaded' }> | undefined;
    let failure: Error | undefined;
    const fail = (err: Error): void => {
      failure ??= err;
      program.terminate();
    };
    const onMessage = (line: string): void => {
      if (line.trim() === '' || failure || result) return;
      let msg: FromModule;
      try {
        msg = JSON.parse(line) as FromModule;
      } catch {
        return fail(new TrialError(`${where} wrote something that is not sweepgate's protocol on fd 3: ${line.slice(0, 200)}`));
      }
      if (msg.type === 'warn') return opts.warn(`${where}: ${msg.message.slice(0, 2000)}`);
      if (msg.type === 'report') {
        let stop: boolean;
        try {
          stop = ctx?.report(msg.step, msg.metrics) ?? false;
        } catch (err) {
          return fail(err instanceof Error ? err : new TrialError(errorText(err)));
        }
        return program.write(`${JSON.stringify({ type: 'answer', stop })}\n`);
      }
      if (msg.type === 'failed')
        return fail(msg.error.trial ? new TrialError(msg.error.message, { transient: msg.error.transient }) : new ModuleError(msg.error));
      result = msg;
    };
    const channel = lineSplitter(onMessage, '');
    const onAbort = (): void => fail(new TrialError(`cancelled: ${String(ctx?.signal.reason ?? 'aborted')}`, { transient: true }));
    const program = startProgram([process.execPath, runner], {
      // sweepgate's own working folder, where modules ran when they ran in its process (relative paths keep working).
      cwd: process.cwd(),
      env: programEnv(process.env),
      input: true,
      killGraceMs: opts.killGraceMs ?? KILL_GRACE_MS,
      onStdout: () => {},
      onChannel: channel.push,
      onError: (err) => fail(new TrialError(`${where}: cannot start its process: ${err.message}`, { transient: true })),
      onEnd: (exit) => {
        ctx?.signal.removeEventListener('abort', onAbort);
        channel.flush();
        if (failure) reject(failure);
        else if (result) resolve(result);
        else reject(endedEarly(where, exit));
      },
    });
    program.write(`${JSON.stringify(init)}\n`);
    ctx?.signal.addEventListener('abort', onAbort, { once: true });
    if (ctx?.signal.aborted) onAbort();
  });
}

/** The module's process ended without a result: it exited (process.exit in the module), crashed or was killed. */
function endedEarly(where: string, exit: ProgramExit): TrialError {
  const failed = exitFailure(`${where}'s process`, exit);
  if (failed) return failed;
  return new TrialError(`${where}'s process exited with status 0 before the trial returned (does the module call process.exit?)`);
}

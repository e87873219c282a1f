import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TrialError, show } from '../core/errors.js';
import { hashJson, sha256Hex } from '../core/hash.js';
import type { JsonValue, Metrics, Params } from '../core/json.js';
import type { Objective, ObjectiveResult, TrialContext } from '../core/objective.js';
import { displayPath } from './errors.js';
import { mergeReports } from './metrics.js';

export interface CommandRunner {
  /** The W&B `program`: a path, relative to the config's folder or absolute. */
  readonly program: string;
  /** The W&B `command` list with macros unexpanded; empty means the default. */
  readonly command: readonly string[];
}

export interface CommandObjectiveOptions {
  /** The config file's folder: the command's working directory and the base of a relative `program`. */
  readonly configDir: string;
  /** The sweep's metric: the program must report it. */
  readonly metricName: string;
  /** Extra environment for the program (over this process's environment). */
  readonly env?: Readonly<Record<string, string>>;
  /** How long a stopped program gets between SIGTERM and SIGKILL (default 5 s; tests shorten it). */
  readonly killGraceMs?: number;
}

/** W&B's default `command`. */
export const DEFAULT_COMMAND: readonly string[] = ['${env}', '${interpreter}', '${program}', '${args}'];

/** How long a pruned or cancelled program gets to exit after SIGTERM before SIGKILL. */
const KILL_GRACE_MS = 5000;
/**
 * After the program exits, how long its output may take to close. A process it left behind (`sleep 120 &`,
 * a data-loader worker) inherits stdout and would hold it open for ever; it is sent SIGTERM with the rest of
 * the group, and past this the pipes are closed on our side.
 */
const DRAIN_MS = 1000;
const STDERR_TAIL_LINES = 20;
/** A metrics line is short; past this, an unbroken run of output is chatter and is dropped, not buffered for ever. */
const MAX_LINE_CHARS = 1024 * 1024;

const INTERPRETERS: Readonly<Record<string, string>> = {
  '.py': 'python3',
  '.js': process.execPath,
  '.mjs': process.execPath,
  '.cjs': process.execPath,
  '.sh': 'bash',
};

/** A param value as a command-line word: strings as they are, everything else as JSON (`true`, `0.1`, `[1,2]`). */
function argValue(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Params as the program should see them in JSON: nested parameters, which config flattening named
 * `optimizer.lr`, become nested objects again (`{"optimizer": {"lr": 0.1}}`), as W&B passes them. A dotted
 * name whose prefix is itself a parameter (`a` beside `a.b`) cannot nest and stays as written.
 */
export function nestParams(params: Params): Record<string, JsonValue> {
  const names = Object.keys(params);
  const isParam = new Set(names);
  const prefixIsParam = (parts: readonly string[]): boolean => parts.slice(1).some((_, i) => isParam.has(parts.slice(0, i + 1).join('.')));
  const out: Record<string, JsonValue> = {};
  for (const name of names) {
    const parts = name.split('.');
    if (parts.length === 1 || parts.includes('') || prefixIsParam(parts)) {
      setOwn(out, name, params[name]!);
      continue;
    }
    let node = out;
    for (const part of parts.slice(0, -1)) {
      if (!Object.prototype.hasOwnProperty.call(node, part)) setOwn(node, part, {});
      node = node[part] as Record<string, JsonValue>;
    }
    setOwn(node, parts[parts.length - 1]!, params[name]!);
  }
  return out;
}

/** Plain assignment would treat a parameter named `__proto__` as the prototype. */
function setOwn(obj: Record<string, JsonValue>, key: string, value: JsonValue): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

export interface Expansion {
  readonly program: string;
  readonly params: Params;
  /** Path of the params JSON file, for `${args_json_file}`. */
  readonly argsJsonFile: string;
}

/**
 * Expands the W&B command macros. A token that is exactly `${args}`, `${args_no_hyphens}` or
 * `${args_no_boolean_flags}` becomes one word per param, in sorted name order: `--name=value`, `name=value`,
 * and, like `${args}` except that a true boolean is the bare flag `--name` and a false one is left out.
 * Nested parameters keep their dotted names there (`--optimizer.lr=0.1`), while `${args_json}` (one word of
 * JSON) and `${args_json_file}` (the path of a file holding that JSON) nest them again
 * (`{"optimizer": {"lr": 0.1}}`, see nestParams). `${interpreter}` alone becomes the interpreter for the
 * program's extension (python3 for .py, node for .js/.mjs/.cjs, bash for .sh) or nothing (the program is run
 * directly); `${env}` is /usr/bin/env; `${program}` the program's absolute path. Macros inside a longer word
 * are replaced in place (multi-word ones joined by spaces).
 */
export function expandCommand(command: readonly string[], x: Expansion): string[] {
  const names = Object.keys(x.params).sort();
  const args = names.map((k) => `--${k}=${argValue(x.params[k]!)}`);
  const argsNoHyphens = names.map((k) => `${k}=${argValue(x.params[k]!)}`);
  const argsNoBooleanFlags = names.flatMap((k) => {
    const v = x.params[k]!;
    return v === true ? [`--${k}`] : v === false ? [] : [`--${k}=${argValue(v)}`];
  });
  const interpreter = INTERPRETERS[path.extname(x.program).toLowerCase()];
  const words: Readonly<Record<string, string>> = {
    env: '/usr/bin/env',
    interpreter: interpreter ?? '',
    program: x.program,
    args: args.join(' '),
    args_no_hyphens: argsNoHyphens.join(' '),
    args_no_boolean_flags: argsNoBooleanFlags.join(' '),
    args_json: JSON.stringify(nestParams(x.params)),
    args_json_file: x.argsJsonFile,
  };
  const out: string[] = [];
  for (const token of command.length > 0 ? command : DEFAULT_COMMAND) {
    if (token === '${args}') out.push(...args);
    else if (token === '${args_no_hyphens}') out.push(...argsNoHyphens);
    else if (token === '${args_no_boolean_flags}') out.push(...argsNoBooleanFlags);
    else if (token === '${interpreter}') out.push(...(interpreter ? [interpreter] : []));
    else out.push(token.replace(/\$\{(\w+)\}/g, (m, name: string) => words[name] ?? m));
  }
  return out;
}

/**
 * A W&B `program`/`command`: each trial runs the command once, in the config's folder.
 *
 * **Environment.** `SWEEPGATE_SEED` (the trial seed: seed your RNGs with it), `SWEEPGATE_PARAMS` (the params
 * as JSON, nested parameters nested as in `${args_json}`), `SWEEPGATE_METRIC` (the sweep's metric name), and
 * `PYTHONUNBUFFERED=1` so Python prints promptly.
 *
 * **Metrics protocol.** Every line of standard output that is a JSON object whose values are all numbers is
 * a report, e.g. `{"epoch": 3, "loss": 0.41, "val_loss": 0.52}`. Its `step` (else `epoch`) value is the step
 * and is not a metric; without either the reports are numbered 1, 2, 3... Each report goes to the pruner;
 * when the pruner stops the trial the program is sent SIGTERM (SIGKILL 5 s later).
 *
 * **Processes.** The program runs in its own process group, and every signal goes to the whole group, so a
 * pruned, timed-out or cancelled trial takes the processes it started with it; whatever is still running
 * when the program exits is sent SIGTERM too. A trial ends when the program exits, not when the last holder
 * of its output lets go. The trial's metrics are
 * the last value of each metric over all reports (like W&B's run summary), and must include the sweep's
 * metric. Any other output line is ignored. A metric printed as NaN or Infinity fails the trial.
 *
 * **Failure.** A non-zero exit status (or death by a signal sweepgate did not send) fails the trial with the
 * last lines of standard error.
 *
 * The fingerprint covers the program file's bytes and the command; files the program reads are not covered,
 * so list them in the sweep's `fingerprint` globs.
 */
export function createCommandObjective(runner: CommandRunner, opts: CommandObjectiveOptions): Objective {
  const program = path.resolve(opts.configDir, runner.program);
  let bytes: Buffer;
  try {
    bytes = readFileSync(program);
  } catch (err) {
    throw new TrialError(`program ${displayPath(program)} cannot be read: ${err instanceof Error ? err.message : String(err)}`, { transient: true });
  }
  const command = runner.command.length > 0 ? runner.command : DEFAULT_COMMAND;
  return {
    fingerprint: hashJson({ kind: 'sweepgate-command', program: sha256Hex(bytes), command }),
    backend: 'process',
    async run(params: Params, ctx: TrialContext): Promise<ObjectiveResult> {
      let tmp: string | undefined;
      try {
        let argsJsonFile = '';
        if (command.some((t) => t.includes('${args_json_file}'))) {
          tmp = await mkdtemp(path.join(tmpdir(), 'sweepgate-args-'));
          argsJsonFile = path.join(tmp, 'params.json');
          await writeFile(argsJsonFile, JSON.stringify(nestParams(params)));
        }
        const argv = expandCommand(command, { program, params, argsJsonFile });
        const reports = await runProcess(argv, params, ctx, opts);
        if (reports.length === 0)
          throw new TrialError(`${argv.join(' ')} printed no metrics: print JSON lines such as {"${opts.metricName}": 0.5} to standard output`);
        const metrics = mergeReports(reports);
        if (!(opts.metricName in metrics))
          throw new TrialError(`${argv.join(' ')} never reported the sweep metric ${show(opts.metricName)} (reported: ${Object.keys(metrics).join(', ')})`);
        return { metrics };
      } finally {
        if (tmp) await rm(tmp, { recursive: true, force: true });
      }
    },
  };
}

/**
 * The environment a program inherits, without what belongs to the step rather than the trial: the action's
 * inputs (`INPUT_GITHUB-TOKEN` among them) and the runner's own tokens (cache and OIDC). A program set up with
 * `env:` in the workflow keeps those variables; a JS objective runs in-process and sees everything anyway.
 */
export function programEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) {
    if (/^INPUT_/i.test(k) || /^ACTIONS_(RUNTIME_TOKEN|ID_TOKEN_REQUEST_TOKEN|ID_TOKEN_REQUEST_URL)$/.test(k)) continue;
    out[k] = v;
  }
  return out;
}

/**
 * Process groups of programs still running. Each runs in its own session, so a Ctrl-C or a runner's SIGTERM
 * reaches only sweepgate; when sweepgate exits (the entries turn those signals into an exit), it takes them along.
 */
const liveGroups = new Set<number>();
let exitHookInstalled = false;

function trackGroup(pid: number): void {
  liveGroups.add(pid);
  if (exitHookInstalled || process.platform === 'win32') return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const group of liveGroups) {
      try {
        process.kill(-group, 'SIGKILL'); // no time left for a grace period: the parent is going
      } catch {
        // already gone
      }
    }
  });
}

type Line = { kind: 'report'; step?: number; metrics: Metrics } | { kind: 'other' } | { kind: 'nonfinite' };

/** Reads one stdout line by the metrics protocol. */
export function parseMetricsLine(line: string): Line {
  const text = line.trim();
  if (!text.startsWith('{') || !text.endsWith('}')) return { kind: 'other' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Python's json.dumps writes NaN and Infinity, which JSON cannot hold: a diverged metric, not chatter.
    try {
      JSON.parse(text.replace(/(?<![\w"])-?(?:NaN|Infinity)(?![\w"])/g, '0'));
      return { kind: 'nonfinite' };
    } catch {
      return { kind: 'other' };
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { kind: 'other' };
  const entries = Object.entries(value as Record<string, unknown>);
  if (!entries.every((e): e is [string, number] => typeof e[1] === 'number')) return { kind: 'other' };
  const obj = value as Record<string, number>;
  const stepKey = 'step' in obj ? 'step' : 'epoch' in obj ? 'epoch' : undefined;
  const metrics: Record<string, number> = {};
  for (const [k, v] of entries) if (k !== stepKey) metrics[k] = v;
  if (Object.keys(metrics).length === 0) return { kind: 'other' };
  return { kind: 'report', step: stepKey ? obj[stepKey] : undefined, metrics };
}

function runProcess(argv: readonly string[], params: Params, ctx: TrialContext, opts: CommandObjectiveOptions): Promise<Metrics[]> {
  const shown = argv.join(' ');
  const killGraceMs = opts.killGraceMs ?? KILL_GRACE_MS;
  return new Promise<Metrics[]>((resolve, reject) => {
    const reports: Metrics[] = [];
    let stopping: 'pruned' | 'cancelled' | undefined;
    let failure: TrialError | undefined;
    let stdoutRest = '';
    let stderrTail = '';
    let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    let settled = false;
    const timers: NodeJS.Timeout[] = [];

    const child = spawn(argv[0]!, argv.slice(1), {
      cwd: opts.configDir,
      env: {
        ...programEnv(process.env),
        ...opts.env,
        SWEEPGATE_SEED: String(ctx.seed),
        SWEEPGATE_PARAMS: JSON.stringify(nestParams(params)),
        SWEEPGATE_METRIC: opts.metricName,
        PYTHONUNBUFFERED: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group (setsid), so a signal to -pid reaches everything it started.
      detached: process.platform !== 'win32',
    });

    if (child.pid !== undefined) trackGroup(child.pid);
    /** Signals the program's whole process group (just the program on Windows, which has no groups). */
    const signalGroup = (sig: NodeJS.Signals): void => {
      try {
        if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, sig);
        else child.kill(sig);
      } catch {
        // ESRCH: the group is already gone.
      }
    };
    const later = (ms: number, fn: () => void): void => {
      const t = setTimeout(fn, ms);
      t.unref();
      timers.push(t);
    };
    /** SIGTERM to the group, SIGKILL to whatever is left after the grace. */
    const terminate = (): void => {
      signalGroup('SIGTERM');
      later(killGraceMs, () => signalGroup('SIGKILL'));
    };

    const stop = (why: 'pruned' | 'cancelled'): void => {
      if (stopping) return;
      stopping = why;
      terminate();
    };
    const onAbort = (): void => stop('cancelled');
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    if (ctx.signal.aborted) stop('cancelled');

    const onLine = (line: string): void => {
      if (stopping || failure) return;
      const parsed = parseMetricsLine(line);
      if (parsed.kind === 'nonfinite') {
        failure = new TrialError(`${shown} reported a non-finite metric: ${line.trim().slice(0, 200)}`);
        terminate();
        return;
      }
      if (parsed.kind !== 'report') return;
      reports.push(parsed.metrics);
      let prune: boolean;
      try {
        prune = ctx.report(parsed.step ?? reports.length, parsed.metrics);
      } catch (err) {
        failure = err instanceof TrialError ? err : new TrialError(err instanceof Error ? err.message : String(err));
        terminate();
        return;
      }
      if (prune) stop('pruned');
    };

    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const lines = (stdoutRest + chunk).split('\n');
      stdoutRest = lines.pop() ?? '';
      if (stdoutRest.length > MAX_LINE_CHARS) stdoutRest = ' '; // still inside an over-long line: not a report
      lines.forEach(onLine);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderrTail = (stderrTail + chunk).slice(-8192);
    });

    const finish = (): void => {
      if (settled) return;
      settled = true;
      if (child.pid !== undefined) liveGroups.delete(child.pid);
      ctx.signal.removeEventListener('abort', onAbort);
      // The SIGKILL timer stays (unref'd) so a leftover that ignores SIGTERM still goes; the drain timer goes.
      if (stdoutRest !== '') onLine(stdoutRest);
      stdoutRest = '';
      if (failure) return reject(failure);
      if (stopping === 'cancelled') return reject(new TrialError(`cancelled: ${String(ctx.signal.reason ?? 'aborted')}`, { transient: true }));
      if (stopping === 'pruned') return resolve(reports);
      const { code, signal } = exited ?? { code: null, signal: null };
      if (code === 0) return resolve(reports);
      const tail = stderrTail.trimEnd().split('\n').slice(-STDERR_TAIL_LINES).join('\n');
      const how = code !== null ? `exited with status ${code}` : signal !== null ? `was killed by ${signal}` : 'ended without an exit status';
      reject(new TrialError(`${shown} ${how}${tail ? `; last lines of stderr:\n${tail}` : ' (no stderr output)'}`, { transient: true }));
    };

    child.on('error', (err) => {
      failure ??= new TrialError(`cannot run ${shown}: ${err.message}`, { transient: true });
      if (child.pid === undefined) finish(); // never started: no exit or close will come
    });
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      // Whatever the program left running goes with it; then give the pipes a moment to deliver the rest.
      terminate();
      later(DRAIN_MS, () => {
        child.stdout.destroy();
        child.stderr.destroy();
        finish();
      });
    });
    child.on('close', (code, signal) => {
      exited ??= { code, signal };
      finish();
    });
  });
}

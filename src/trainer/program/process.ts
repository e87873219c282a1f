// A trial's program as an operating-system process: started in a process group of its own under the trial's
// containment (containment.ts), signalled as a group, its output handed on as it comes, and its end (exit status
// or signal, with the last of its stderr) reported once its output has been delivered.
import { type ChildProcess, spawn } from 'node:child_process';
import { constants as osConstants } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import { TrialError } from '../../core/errors.js';
import { exitCause } from '../../core/failure-cause.js';
import { type Containment, containment } from './containment.js';

/**
 * After the program exits, how long its output may take to close. A process it left behind (`sleep 120 &`,
 * a data-loader worker) inherits stdout and would hold it open for ever; it is sent SIGTERM with the rest of
 * the group, and past this the pipes are closed on our side.
 */
const DRAIN_MS = 1000;
const STDERR_TAIL_LINES = 20;
/** The file descriptor on which the wandb stand-in writes its events. */
export const WANDB_FD = 3;
/**
 * A contained program's launcher kills what is left after its own grace; sweepgate's SIGKILL to the launcher
 * comes this much later, so the launcher is never killed before it has done so.
 */
const LAUNCHER_MARGIN_MS = 2000;

/** How a program ended: its exit status or the signal that ended it (both null: unknown), and its stderr's last bytes. */
export interface ProgramExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderrTail: string;
}

export interface StartOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** How long the group gets between SIGTERM and SIGKILL. */
  readonly killGraceMs: number;
  /** Each chunk of standard output, as text. */
  readonly onStdout: (chunk: string) => void;
  /** Each chunk written on fd WANDB_FD (the wandb stand-in's events), as text. */
  readonly onChannel: (chunk: string) => void;
  /** The program could not be started, or another error of the child process. */
  readonly onError: (err: Error) => void;
  /** Once: the program has ended and its output is delivered (or given up on after DRAIN_MS). */
  readonly onEnd: (exit: ProgramExit) => void;
  /** Standard input as a pipe that RunningProgram.write feeds (default: no input). */
  readonly input?: boolean;
  /** How the program's descendants are contained (default: this process's probed containment()). */
  readonly containment?: Containment;
}

export interface RunningProgram {
  /** SIGTERM to the program's process group, SIGKILL to whatever is left after the grace. */
  terminate(): void;
  /** Writes to the program's standard input (StartOptions.input); ignored once it is gone. */
  write(text: string): void;
}

/**
 * Process groups of programs still running, each with whether a launcher contains it. Each runs in its own
 * session, so a Ctrl-C or a runner's SIGTERM reaches only sweepgate; when sweepgate exits (the entries turn those
 * signals into an exit), it takes them along.
 */
const liveGroups = new Map<number, { readonly contained: boolean }>();
let exitHookInstalled = false;

function trackGroup(pid: number, contained: boolean): void {
  liveGroups.set(pid, { contained });
  if (exitHookInstalled || process.platform === 'win32') return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const [group, { contained }] of liveGroups) {
      try {
        // No time left for a grace period here; a launcher does its own (a SIGKILL would leave its escapees).
        process.kill(-group, contained ? 'SIGTERM' : 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
}

/**
 * Resolves once every program (and, contained, everything it started) has ended; past `timeoutMs` what is left
 * gets SIGKILL. The engine awaits it before a sweep's results are reported, so no trial's process can still be
 * writing files when the outputs and the report are.
 */
export async function trialProcessesGone(timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (liveGroups.size > 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  for (const group of liveGroups.keys()) {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Signals a program's whole process group (just the program on Windows, which has no groups). */
function signalGroup(child: ChildProcess, sig: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, sig);
    else child.kill(sig);
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** A timer that does not keep sweepgate alive. */
function later(ms: number, fn: () => void): void {
  setTimeout(fn, ms).unref();
}

/** Starts `argv` in its own process group. Whatever the program leaves running when it exits is sent SIGTERM too. */
export function startProgram(argv: readonly string[], opts: StartOptions): RunningProgram {
  const contain = opts.containment ?? containment();
  const contained = contain.kind !== 'process-group';
  const line = contain.wrap(argv, opts.killGraceMs);
  const child = spawn(line[0]!, line.slice(1), {
    cwd: opts.cwd,
    env: opts.env,
    // fd 3: the wandb stand-in's events, apart from whatever the program prints (unused without the stand-in).
    stdio: [opts.input ? 'pipe' : 'ignore', 'pipe', 'pipe', 'pipe'],
    // Its own process group (setsid), so a signal to -pid reaches everything it started.
    detached: process.platform !== 'win32',
  });
  if (child.pid !== undefined) trackGroup(child.pid, contained);
  const terminate = (): void => {
    signalGroup(child, 'SIGTERM');
    later(opts.killGraceMs + (contained ? LAUNCHER_MARGIN_MS : 0), () => signalGroup(child, 'SIGKILL'));
  };
  const stdin = child.stdio[0] as Writable | null;
  stdin?.on('error', () => {}); // EPIPE: the program is gone, and its end says why
  const write = (text: string): void => {
    if (stdin && !stdin.destroyed && stdin.writable) stdin.write(text);
  };

  const stdout = child.stdio[1] as Readable;
  const stderr = child.stdio[2] as Readable;
  const channel = child.stdio[WANDB_FD] as Readable | null;
  let stderrTail = '';
  stdout.setEncoding('utf8');
  stdout.on('data', opts.onStdout);
  channel?.setEncoding('utf8');
  channel?.on('data', opts.onChannel);
  stderr.setEncoding('utf8');
  stderr.on('data', (chunk: string) => {
    stderrTail = (stderrTail + chunk).slice(-8192);
  });

  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  let settled = false;
  const finish = (): void => {
    if (settled) return;
    settled = true;
    if (child.pid !== undefined) liveGroups.delete(child.pid);
    // The SIGKILL timer stays (unref'd) so a leftover that ignores SIGTERM still goes.
    opts.onEnd({ ...(exited ?? { code: null, signal: null }), stderrTail });
  };
  child.on('error', (err) => {
    opts.onError(err);
    if (child.pid === undefined) finish(); // never started: no exit or close will come
  });
  child.on('exit', (code, signal) => {
    exited = contained ? launcherExit(code, signal) : { code, signal };
    // Whatever the program left running goes with it; then give the pipes a moment to deliver the rest.
    terminate();
    later(DRAIN_MS, () => {
      stdin?.destroy();
      stdout.destroy();
      stderr.destroy();
      channel?.destroy();
      finish();
    });
  });
  child.on('close', (code, signal) => {
    exited ??= { code, signal };
    finish();
  });
  return { terminate, write };
}

/**
 * The program's end as the containment launcher passes it on: the launcher ends by the program's signal, except as
 * a PID namespace's init, which cannot signal itself and exits with the shell's 128 + N instead.
 */
export function launcherExit(code: number | null, signal: NodeJS.Signals | null): { code: number | null; signal: NodeJS.Signals | null } {
  if (code === null || code <= 128) return { code, signal };
  const name = Object.entries(osConstants.signals).find(([, n]) => n === code - 128)?.[0];
  return name ? { code: null, signal: name as NodeJS.Signals } : { code, signal };
}

/** A program that did not exit with status 0 fails its trial (transient) with the last lines of its stderr. */
export function exitFailure(shown: string, exit: ProgramExit): TrialError | undefined {
  const { code, signal } = exit;
  if (code === 0) return undefined;
  const tail = exit.stderrTail.trimEnd().split('\n').slice(-STDERR_TAIL_LINES).join('\n');
  const how = code !== null ? `exited with status ${code}` : signal !== null ? `was killed by ${signal}` : 'ended without an exit status';
  return new TrialError(`${shown} ${how}${tail ? `; last lines of stderr:\n${tail}` : ' (no stderr output)'}`, {
    transient: true,
    failureCause: exitCause(exit),
  });
}

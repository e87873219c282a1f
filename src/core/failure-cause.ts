/**
 * A failed trial's cause: the one line of what it reported that says why, so failures can be grouped and the
 * verdict can name it (`ModuleNotFoundError: No module named 'torch'`) instead of a command line. Pure text work,
 * shared by the program trainer (a process's exit), the study (a thrown error) and the report (records written
 * before causes were recorded).
 */
import { TrialError, TrialTimeoutError } from './errors.js';
import { formatDuration } from './duration.js';

/** The longest cause kept: one line, enough for any exception message worth reading in a verdict. */
export const CAUSE_MAX_CHARS = 300;

/**
 * How a program's failure message (trainer/program/process.ts `exitFailure`) introduces its stderr; records
 * written before causes were recorded are read back through it.
 */
export const STDERR_MARK = '; last lines of stderr:\n';

/** How a process ended, as the program runner reports it. */
export interface ExitInfo {
  readonly code: number | null;
  readonly signal: string | null;
  readonly stderrTail: string;
}

/** Lines that close a report without saying anything: Node's version footer and its `--trace-uncaught` hint. */
const NOISE = [/^Node\.js v\d/, /^\(Use `node --trace-/];
/** A Python traceback frame (`  File "train.py", line 3, in <module>`), also heading a SyntaxError's report. */
const PY_FRAME = /^\s+File ".*", line \d+/;
/** A Node stack frame (`    at Module._load (node:internal/...)`). */
const NODE_FRAME = /^\s+at \S/;
/** A Node error's header: `TypeError: bad`, `Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'x'`. */
const NODE_HEADER = /^(?:Uncaught )?[A-Za-z_$][\w$.]*(?: \[\w+\])?: \S/;

/**
 * The last meaningful line of a program's output: the exception line of its last Python traceback (so a chained
 * "During handling of the above exception" reports the final one), else the message line of its last Node error,
 * else its last non-empty line that is not a footer. Undefined when it said nothing.
 */
export function causeFromOutput(output: string): string | undefined {
  const lines = output.replace(/\r\n?/g, '\n').split('\n');
  const found = pythonException(lines) ?? nodeError(lines) ?? lastMeaningful(lines);
  return found === undefined ? undefined : oneLine(found);
}

/** The first unindented line after the last traceback frame: the exception (its message's first line). */
function pythonException(lines: readonly string[]): string | undefined {
  const frame = lines.findLastIndex((l) => PY_FRAME.test(l));
  if (frame < 0) return undefined;
  return lines.slice(frame + 1).find((l) => l.trim() !== '' && !/^\s/.test(l));
}

/** The header line above the last run of `at` frames (past lines such as `Require stack:` in between). */
function nodeError(lines: readonly string[]): string | undefined {
  const last = lines.findLastIndex((l) => NODE_FRAME.test(l));
  if (last < 0) return undefined;
  let first = last;
  while (first > 0 && NODE_FRAME.test(lines[first - 1]!)) first--;
  for (let i = first - 1; i >= Math.max(0, first - 12); i--) if (NODE_HEADER.test(lines[i]!)) return lines[i];
  return lines.slice(0, first).findLast((l) => l.trim() !== '');
}

function lastMeaningful(lines: readonly string[]): string | undefined {
  return lines.findLast((l) => l.trim() !== '' && !NOISE.some((n) => n.test(l.trim())));
}

/** Trimmed, control characters gone, capped with an ellipsis. */
function oneLine(text: string): string {
  const line = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  const chars = Array.from(line);
  return chars.length > CAUSE_MAX_CHARS ? `${chars.slice(0, CAUSE_MAX_CHARS - 1).join('')}…` : line;
}

/**
 * Why a program failed: the signal that killed it (its output is then only what it was doing), else what it
 * last said on stderr, else its exit status.
 */
export function exitCause(exit: ExitInfo): string {
  if (exit.code === null && exit.signal !== null) return `killed by ${exit.signal}`;
  const said = causeFromOutput(exit.stderrTail);
  if (said !== undefined) return said;
  return exit.code !== null ? `exited with status ${exit.code} (no stderr output)` : 'ended without an exit status';
}

/** How the study stopped a trial, when it did: its `trial_timeout`, or a cancellation (the minutes budget, the run). */
export interface Stopped {
  readonly timeout?: TrialTimeoutError;
  readonly cancelled?: string;
}

/**
 * The cause of a trial that threw `err`: a timeout or cancellation first (what the program printed while it was
 * being stopped is beside the point), then a program's cause, then the thrown error's first line (sweepgate's own
 * TrialError without its name, which says nothing; a module's `TypeError: ...` with it).
 */
export function thrownCause(err: unknown, stopped: Stopped = {}): string {
  if (stopped.timeout) return `timed out: ran past trial_timeout (${formatDuration(stopped.timeout.timeoutMs)})`;
  if (stopped.cancelled !== undefined) return oneLine(`cancelled: ${stopped.cancelled}`);
  if (err instanceof TrialError && err.failureCause !== undefined) return oneLine(err.failureCause);
  if (!(err instanceof Error)) return oneLine(firstLine(String(err))) || 'failed without an error message';
  const message = firstLine(err.message);
  if (err.name === 'TrialError') return oneLine(message) || 'failed without an error message';
  return oneLine(message ? `${err.name}: ${message}` : err.name);
}

/**
 * The cause of a failure recorded before causes were (an older baseline or results file, a replay run): read back
 * from its error text, a program's stderr through `causeFromOutput`.
 */
export function causeFromErrorText(error: string | undefined): string {
  if (error === undefined || error.trim() === '') return 'failed without an error message';
  const mark = error.indexOf(STDERR_MARK);
  const head = firstLine(mark >= 0 ? error.slice(0, mark) : error);
  const killed = / was killed by (SIG[A-Z0-9]+)$/.exec(head);
  if (killed) return `killed by ${killed[1]}`;
  if (mark >= 0) {
    const said = causeFromOutput(error.slice(mark + STDERR_MARK.length));
    if (said !== undefined) return said;
  }
  const status = / (exited with status -?\d+)(?: \(no stderr output\))?$/.exec(head);
  if (status) return `${status[1]} (no stderr output)`;
  if (/^TrialTimeoutError: /.test(head))
    return oneLine(`timed out: ${head.replace(/^TrialTimeoutError: /, '').replace(/ and was stopped.*$/, '')}`);
  return oneLine(head.replace(/^TrialError: /, '')) || 'failed without an error message';
}

function firstLine(text: string): string {
  return (text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '').trim();
}

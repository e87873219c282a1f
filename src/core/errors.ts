/**
 * How an entry ends when an error reaches it (DESIGN.md §4.4), the same for the CLI and the Action:
 * - `config`: what the user gave is wrong (the config, the data it names, the CLI's arguments, the Action's inputs
 *   or event). The CLI exits 2; the Action fails the step with the message, headed by what was invalid.
 * - `run-failure`: the run itself broke. The CLI exits 1; the Action fails the step; both show the error's name.
 * - `warning`: trouble the run goes on through (the cache, the network, the GitHub API). It is said where it happens
 *   and never ends a run; one that reached an entry would have ended it, so it is shown as a run failure.
 */
export type ErrorClass = 'config' | 'run-failure' | 'warning';

/**
 * What an error of class `config` says the user got wrong, which heads its message: `invalid config`, `invalid
 * data`; `input` (the CLI's arguments, the Action's inputs and event) has no heading, its message names the input.
 */
export type InvalidInput = 'config' | 'data' | 'input';

export interface ErrorClassification {
  readonly errorClass: ErrorClass;
  /** For class `config`: what was invalid. */
  readonly invalid?: InvalidInput;
}

/**
 * An error that says how an entry ends on it. The named errors of every layer extend it (the trainer's
 * DatasetError, the storage's CacheTimeoutError, the entries' UsageError and InputError), so one classifier knows
 * them all without core importing those layers.
 */
export abstract class ClassifiedError extends Error implements ErrorClassification {
  abstract readonly errorClass: ErrorClass;
  declare readonly invalid?: InvalidInput;
}

/** The one classifier both entries use: a named error's own class; anything else thrown is a run failure. */
export function classifyError(err: unknown): ErrorClassification {
  if (!(err instanceof ClassifiedError)) return { errorClass: 'run-failure' };
  return err.invalid === undefined ? { errorClass: err.errorClass } : { errorClass: err.errorClass, invalid: err.invalid };
}

/** One problem with the sweep config: where it is and what is wrong there. */
export interface ConfigIssue {
  /** Dotted path of the offending key (`parameters.lr.min`), or '' for the whole document. */
  readonly path: string;
  /** The problem as shown: `path: what is wrong`, or only what is wrong for the whole document. */
  readonly message: string;
}

/** The problem `problem` at `path`, worded as every config error is: `parameters.lr.min: must be < max, got 0.5`. */
export function configIssue(path: string, problem: string): ConfigIssue {
  return { path, message: path ? `${path}: ${problem}` : problem };
}

/**
 * The sweep config (or a value written like one, such as a CLI threshold) is invalid: fatal, exit code 2, never a
 * stack trace. It lists every problem found at once, each with its path, one a line in the message.
 */
export class ConfigError extends ClassifiedError {
  override readonly name = 'ConfigError';
  readonly errorClass = 'config';
  override readonly invalid = 'config';
  readonly issues: readonly ConfigIssue[];
  /** The first problem's path (`parameters.lr.min`), or '' for the whole document. */
  readonly path: string;
  /** One problem at `path`. */
  constructor(path: string, problem: string);
  /** Every problem found, in the order the user reads them. */
  constructor(issues: readonly ConfigIssue[]);
  constructor(pathOrIssues: string | readonly ConfigIssue[], problem = '') {
    const issues = typeof pathOrIssues === 'string' ? [configIssue(pathOrIssues, problem)] : pathOrIssues;
    super(issues.map((i) => i.message).join('\n'));
    this.issues = issues;
    this.path = issues[0]?.path ?? '';
  }
}

/**
 * A trial's objective failed; the trial is recorded as `failed` and the sweep goes on. By default the failure
 * is deterministic (a NaN loss, a bad return value: the same inputs fail again) and the failed record is
 * cached; `transient` ones (a program's non-zero exit, a signal, a cancelled trial, an unreadable file) are
 * not, so the next run tries again.
 */
export class TrialError extends ClassifiedError {
  override readonly name: string = 'TrialError';
  /** Recorded on its trial, which the sweep goes on without; one that escaped the study broke the run. */
  readonly errorClass = 'run-failure';
  readonly transient: boolean;
  /** The one line that says why, when the message is more (a program's exit with its stderr): see core/failure-cause.ts. */
  readonly failureCause?: string;
  constructor(message: string, options: { transient?: boolean; cause?: unknown; failureCause?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.transient = options.transient ?? false;
    if (options.failureCause !== undefined) this.failureCause = options.failureCause;
  }
}

/**
 * A trial ran past `trial_timeout` and was stopped (a program with every process it started). Transient: a
 * slow machine or a busy runner may finish next time, so the failure is not cached.
 */
export class TrialTimeoutError extends TrialError {
  override readonly name = 'TrialTimeoutError';
  readonly timeoutMs: number;
  constructor(timeoutMs: number, shown: string) {
    super(`ran past trial_timeout (${shown}) and was stopped, with every process it started`, { transient: true });
    this.timeoutMs = timeoutMs;
  }
}

/** Echo a bad value in an error message, short enough to read. */
export function show(value: unknown): string {
  let s: string;
  try {
    s = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    s = String(value);
  }
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/** The message of anything thrown: an Error's message, or the thrown value as text. */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** A run failure as both entries show it: `BackendError: TensorFlow.js backend ...`, or the thrown value as text. */
export function namedErrorText(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

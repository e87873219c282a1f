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
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
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
export class TrialError extends Error {
  override readonly name: string = 'TrialError';
  readonly transient: boolean;
  constructor(message: string, options: { transient?: boolean; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.transient = options.transient ?? false;
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
    s = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  } catch {
    s = String(value);
  }
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/** The message of anything thrown: an Error's message, or the thrown value as text. */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

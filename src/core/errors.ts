/** A problem with the sweep config or CLI arguments: fatal, exit code 2, never a stack trace. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /** Dotted path of the offending key (`parameters.lr.min`), or '' for the whole document. */
  readonly path: string;
  constructor(path: string, message: string) {
    super(path ? `${path}: ${message}` : message);
    this.path = path;
  }
}

/** Several config problems found at once; the message lists each on its own line. */
export class ConfigErrors extends Error {
  override readonly name = 'ConfigErrors';
  readonly errors: readonly ConfigError[];
  constructor(errors: readonly ConfigError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.errors = errors;
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

import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck';

export type Octokit = ReturnType<typeof getOctokit>;

export interface GitHubClientOptions {
  /** REST API root (GITHUB_API_URL; @actions/github reads it itself when absent). */
  readonly baseUrl?: string;
  /** Each retry of a 5xx waits retry² × this (default 1 s: 1, 4, 9 s); rate-limit waits are Retry-After × this. */
  readonly delayUnitMs?: number;
  /** Retries of one request after a 5xx (default 3). */
  readonly retries?: number;
  /** A rate-limit wait longer than this (seconds) is not waited out (default 120): the step would only sit idle. */
  readonly maxWaitSeconds?: number;
  /**
   * Least time between two writes, and between two writes that notify (plugin-throttling's defaults, 1 s and
   * 3 s, follow GitHub's advice against secondary rate limits; tests that write often shorten them).
   */
  readonly writeSpacingMs?: { readonly write: number; readonly notify: number };
  info(message: string): void;
}

/**
 * An Octokit that rides out GitHub's bad moments with octokit's own plugins: plugin-retry retries 5xx and
 * network errors with quadratic backoff (never 4xx, which will not change), plugin-throttling queues writes
 * and, on a primary or secondary rate limit (403/429 with Retry-After), waits and retries twice.
 */
export function githubClient(token: string, opts: GitHubClientOptions): Octokit {
  const unit = opts.delayUnitMs ?? 1000;
  const maxWait = opts.maxWaitSeconds ?? 120;
  const onLimit =
    (kind: string) =>
    (retryAfter: number, options: { method?: string; url?: string }, _octokit: unknown, retryCount: number): boolean => {
      const retrying = retryCount < 2 && retryAfter <= maxWait;
      opts.info(
        `GitHub API ${kind} rate limit on ${options.method ?? ''} ${options.url ?? ''}: ${retrying ? `retrying in ${retryAfter} s` : 'giving up'}`,
      );
      return retrying;
    };
  return getOctokit(
    token,
    {
      ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}),
      retry: { retries: opts.retries ?? 3, retryAfterBaseValue: unit },
      throttle: {
        retryAfterBaseValue: unit,
        fallbackSecondaryRateRetryAfter: 60,
        onRateLimit: onLimit('primary'),
        onSecondaryRateLimit: onLimit('secondary'),
        ...(opts.writeSpacingMs
          ? {
              write: new Bottleneck.Group({ maxConcurrent: 1, minTime: opts.writeSpacingMs.write }),
              notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: opts.writeSpacingMs.notify }),
            }
          : {}),
      },
      // Octokit's default logger writes warnings to the console; ours go through the step's log, never the token.
      log: { debug: () => {}, info: () => {}, warn: (m: string) => opts.info(m), error: (m: string) => opts.info(m) },
    },
    retry,
    throttling,
  );
}

/** Every occurrence of the secret in a message, replaced: errors are printed, tokens never are. */
export function redact(message: string, secret: string): string {
  return secret.length >= 4 ? message.split(secret).join('***') : message;
}

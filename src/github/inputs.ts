import { parseThreshold } from '../core/gate/index.js';
import { BACKEND_CHOICES, type BackendChoice } from '../core/backends.js';
import type { Threshold } from '../core/config/types.js';
import { ClassifiedError, ConfigError } from '../core/errors.js';
import { MAX_SHARDS, parseShard, type Shard } from '../core/study/index.js';

export type CommentMode = 'always' | 'on-regression' | 'never';

/** The action's inputs (action.yml), parsed and checked once. */
export interface ActionInputs {
  /** As written: relative to the workspace unless absolute. */
  readonly config: string;
  readonly githubToken: string;
  readonly maxRegression?: Threshold;
  readonly failOnRegression: boolean;
  readonly comment: CommentMode;
  readonly backend: BackendChoice;
  readonly cache: boolean;
  /** Undefined: the repository's default branch. */
  readonly baselineBranch?: string;
  /** Deprecated and ignored (the Action's trial store is an empty folder under RUNNER_TEMP); kept to warn about it. */
  readonly cacheDir?: string;
  /** A PR with the cache on and no usable baseline: `fail` (default) or `pass` (the first PR of a new sweep). */
  readonly missingBaseline: 'fail' | 'pass';
  readonly seed?: number;
  /** `search: false` makes a PR replay-only; undefined: the config's `pr.search`. */
  readonly search?: boolean;
  /** Trials at once; undefined: the config's, else the engine's default. */
  readonly parallel?: number;
  /** The PR label that accepts a failed gate on purpose ('' disables; action.yml's default applies when unset). */
  readonly acceptLabel: string;
  readonly mode: 'sweep' | 'report';
  /**
   * The results document's path (relative to the workspace unless absolute). `mode: sweep` writes it there (for
   * actions/upload-artifact); `mode: report` reads it as untrusted input (a fork PR's artifact) and reports from it.
   */
  readonly resultsFile?: string;
  /** `shard: i/n`: this matrix job runs shard i of n (shard-job.ts); absent: the whole sweep. */
  readonly shard?: Shard;
  /** `shards: n`, with `mode: report`: the run's shard count, to merge (report-job.ts). */
  readonly shards?: number;
  /** A missing or failed shard fails the report job's gate unless this is true. */
  readonly allowMissingShards: boolean;
}

/** A bad action input: fatal, and the message names the input and echoes what it got. */
export class InputError extends ClassifiedError {
  override readonly name = 'InputError';
  readonly errorClass = 'config';
  override readonly invalid = 'input';
  readonly input: string;
  constructor(input: string, message: string) {
    super(message);
    this.input = input;
  }
}

/** Reads one input as the runner passes it (`core.getInput`: trimmed, '' when absent). */
export type InputReader = (name: string) => string;

const COMMENT_MODES: readonly CommentMode[] = ['always', 'on-regression', 'never'];

function oneOf<T extends string>(name: string, raw: string, allowed: readonly T[], fallback: T): T {
  if (raw === '') return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  const list = `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`;
  throw new InputError(name, `'${name}' input must be ${list} but got '${raw}'`);
}

/** YAML 1.2 core-schema booleans, as `core.getBooleanInput` accepts them. */
function bool(name: string, raw: string, fallback: boolean): boolean {
  if (raw === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(raw)) return true;
  if (['false', 'False', 'FALSE'].includes(raw)) return false;
  throw new InputError(name, `'${name}' input must be 'true' or 'false' but got '${raw}'`);
}

/** A boolean input that, left empty, leaves the config's setting alone. */
function optionalBool<K extends string>(name: K, raw: string): { [k in K]?: boolean } {
  return raw === '' ? {} : ({ [name]: bool(name, raw, true) } as { [k in K]?: boolean });
}

function threshold(name: string, raw: string): Threshold | undefined {
  if (raw === '') return undefined;
  try {
    return parseThreshold(raw, name);
  } catch (e) {
    if (e instanceof ConfigError) {
      throw new InputError(
        name,
        `'${name}' input must be a non-negative number (absolute, like 0.01) or a percentage (relative, like 2%) but got '${raw}'`,
      );
    }
    throw e;
  }
}

function seed(name: string, raw: string): number | undefined {
  if (raw === '') return undefined;
  const n = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n)) {
    throw new InputError(name, `'${name}' input must be a non-negative integer but got '${raw}'`);
  }
  return n;
}

function parallel(name: string, raw: string): number | undefined {
  if (raw === '') return undefined;
  const n = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(Number.isSafeInteger(n) && n >= 1 && n <= 64))
    throw new InputError(name, `'${name}' input must be an integer from 1 to 64 but got '${raw}'`);
  return n;
}

function shard(name: string, raw: string): Shard | undefined {
  if (raw === '') return undefined;
  const parsed = parseShard(raw);
  if (typeof parsed === 'string') throw new InputError(name, `'${name}' input ${parsed}`);
  return parsed;
}

function shards(name: string, raw: string): number | undefined {
  if (raw === '') return undefined;
  const n = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(Number.isSafeInteger(n) && n >= 1 && n <= MAX_SHARDS))
    throw new InputError(name, `'${name}' input must be an integer from 1 to ${MAX_SHARDS} (the matrix's shard count) but got '${raw}'`);
  return n;
}

export function parseInputs(get: InputReader): ActionInputs {
  const config = get('config');
  if (config === '') {
    throw new InputError('config', `'config' input is required (path of the sweep config, relative to the repository root) but got ''`);
  }
  const baselineBranch = get('baseline-branch');
  const cacheDir = get('cache-dir');
  const resultsFile = get('results-file');
  const mode = oneOf('mode', get('mode'), ['sweep', 'report'], 'sweep');
  if (mode === 'report' && get('shard') !== '')
    throw new InputError('shard', `'shard' is for the matrix jobs, not the report job ('mode: report'), but got '${get('shard')}'`);
  return {
    config,
    githubToken: get('github-token'),
    maxRegression: threshold('max-regression', get('max-regression')),
    failOnRegression: bool('fail-on-regression', get('fail-on-regression'), true),
    comment: oneOf('comment', get('comment'), COMMENT_MODES, 'always'),
    backend: oneOf('backend', get('backend'), BACKEND_CHOICES, 'auto'),
    cache: bool('cache', get('cache'), true),
    baselineBranch: baselineBranch === '' ? undefined : baselineBranch,
    cacheDir: cacheDir === '' ? undefined : cacheDir,
    missingBaseline: oneOf('missing-baseline', get('missing-baseline'), ['fail', 'pass'], 'fail'),
    seed: seed('seed', get('seed')),
    ...optionalBool('search', get('search')),
    parallel: parallel('parallel', get('parallel')),
    acceptLabel: get('accept-label'),
    mode,
    ...(resultsFile !== '' ? { resultsFile } : {}),
    shard: shard('shard', get('shard')),
    shards: shards('shards', get('shards')),
    allowMissingShards: bool('allow-missing-shards', get('allow-missing-shards'), false),
  };
}

import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { GateRule, SweepConfig } from '../../src/core/config/types.js';
import { sha256Hex } from '../../src/core/hash.js';
import type { SeedRun } from '../../src/core/gate/index.js';
import type { ResultTrial, ResultsDoc } from '../../src/core/results.js';
import { concludeSweep } from '../../src/engine/conclusion.js';
import type { RunOptions } from '../../src/engine/run.js';
import type { ActionIO, Engine } from '../../src/github/main.js';
import type { CacheClient } from '../../src/storage/actions-cache/cache-client.js';
import type { CommentClient, IssueComment } from '../../src/github/comments.js';

/** Records everything the action tells the workload. */
export class FakeIO implements ActionIO {
  inputs: Record<string, string>;
  infos: string[] = [];
  warnings: string[] = [];
  failed: string[] = [];
  outputs: Record<string, string> = {};
  summaries: string[] = [];
  secrets: string[] = [];
  summaryFails = false;
  constructor(inputs: Record<string, string>) {
    this.inputs = inputs;
  }
  getInput(name: string): string {
    return (this.inputs[name] ?? '').trim();
  }
  info(m: string): void {
    this.infos.push(m);
  }
  warning(m: string): void {
    this.warnings.push(m);
  }
  setFailed(m: string): void {
    this.failed.push(m);
  }
  setOutput(name: string, value: string): void {
    this.outputs[name] = value;
  }
  setSecret(secret: string): void {
    this.secrets.push(secret);
  }
  async writeSummary(md: string): Promise<void> {
    if (this.summaryFails) throw new Error('GITHUB_STEP_SUMMARY is not set');
    this.summaries.push(md);
  }
}

async function collect(target: string, into: Map<string, Buffer>): Promise<void> {
  const s = await stat(target);
  if (s.isDirectory()) {
    for (const name of await readdir(target)) await collect(path.join(target, name), into);
  } else {
    into.set(target, await readFile(target));
  }
}

/** An in-memory Actions cache holding real file contents; keys resolve like the service's (exact, then newest prefix). */
export class MemoryCache implements CacheClient {
  entries: { key: string; version: string; files: Map<string, Buffer> }[] = [];
  isAvailable = true;
  restoreError: Error | undefined;
  saveError: Error | undefined;
  saveResult: number | undefined;
  restores: string[][] = [];

  available(): boolean {
    return this.isAvailable;
  }

  async restore(paths: readonly string[], key: string, restoreKeys: readonly string[]): Promise<string | undefined> {
    this.restores.push([key, ...restoreKeys]);
    if (this.restoreError) throw this.restoreError;
    const version = paths.join('|');
    const live = this.entries.filter((e) => e.version === version);
    for (const k of [key, ...restoreKeys]) {
      const hit = live.find((e) => e.key === k) ?? live.filter((e) => e.key.startsWith(k)).at(-1);
      if (hit) {
        for (const [file, data] of hit.files) {
          await mkdir(path.dirname(file), { recursive: true });
          await writeFile(file, data);
        }
        return hit.key;
      }
    }
    return undefined;
  }

  async save(paths: readonly string[], key: string): Promise<number> {
    if (this.saveError) throw this.saveError;
    if (this.saveResult !== undefined) return this.saveResult;
    if (this.entries.some((e) => e.key === key)) return -1;
    const files = new Map<string, Buffer>();
    for (const p of paths) await collect(path.resolve(p), files);
    this.entries.push({ key, version: paths.join('|'), files });
    return this.entries.length;
  }

  keys(): string[] {
    return this.entries.map((e) => e.key);
  }
}

/**
 * A stand-in for the engine with its cache behaviour: three trials keyed by the content of `data.txt`
 * beside the config; a trial whose record file exists in `<cacheDir>/trials` is cached, else "trained"
 * (written). The metric is the data value plus 0.1 per trial index, so worse data gives a worse best.
 * What the run concludes is the engine's own (concludeSweep), as the CLI's is.
 */
export function fakeEngine(
  opts: {
    name?: string;
    goal?: 'minimize' | 'maximize';
    gate?: GateRule[];
    failAll?: boolean;
    paramPad?: number;
    metricless?: boolean;
  } = {},
): Engine & {
  calls: RunOptions[];
} {
  const calls: RunOptions[] = [];
  const name = opts.name ?? 'demo';
  const config = (configPath: string, extra: readonly GateRule[] = []): SweepConfig => {
    const gate = [...(opts.gate ?? [])];
    for (const r of extra) if (!gate.some((g) => g.metric === r.metric)) gate.push(r);
    return {
      name,
      method: 'grid',
      metric: { name: opts.metricless ? '' : 'val_loss', goal: opts.goal ?? 'minimize' },
      space: [],
      budget: { trials: 3 },
      seed: 1,
      parallel: 1,
      workload: { kind: 'objective', module: path.join(path.dirname(configPath), 'objective.mjs') },
      fingerprint: ['data.txt'],
      gate,
      repeats: 1,
      pr: { search: true, warmStart: 3 },
      champion: { seeds: 3 },
      stages: [],
      configDir: path.dirname(configPath),
      configHash: 'hash-1',
      raw: {},
      warnings: [],
    };
  };
  return {
    calls,
    conclude: async (input) => concludeSweep(input),
    async loadConfig(configPath) {
      if (!existsSync(configPath)) throw new Error(`no config at ${configPath}`);
      return config(configPath);
    },
    async runSweep(o) {
      calls.push(o);
      const base = config(o.configPath);
      const maxRegression = o.overrides?.maxRegression;
      const own = maxRegression && !base.gate.some((g) => g.metric === base.metric.name);
      const cfg = own
        ? config(o.configPath, [{ metric: base.metric.name, goal: base.metric.goal, threshold: maxRegression, alpha: 0.05 }])
        : base;
      const data = Number((await readFile(path.join(cfg.configDir, 'data.txt'), 'utf8')).trim());
      const cachedElsePut = trialLookup(o, cfg.configDir);
      const trials: ResultTrial[] = [];
      for (let i = 0; i < 3; i++) {
        const key = sha256Hex(`${data}-${i}`);
        const cached = await cachedElsePut(key);
        const failed = opts.failAll === true;
        trials.push({
          key,
          // The report caps each value, so a large one is many of them: `paramPad` characters over 150-character notes.
          params: opts.paramPad
            ? {
                i,
                ...Object.fromEntries(
                  Array.from({ length: Math.ceil(opts.paramPad / 150) }, (_, k) => [`note${k}`, `${i}:${'x'.repeat(150)}`]),
                ),
              }
            : { i },
          status: failed ? 'failed' : 'complete',
          metrics: failed ? {} : { val_loss: data + 0.1 * i, accuracy: 1 - data },
          cached,
          durationMs: cached ? 0 : 5,
          seed: i,
          history: [],
          stage: 0,
          repeat: 0,
        });
      }
      // A metric-less sweep (W&B grid/random without metric:) has no best.
      const best = opts.failAll || opts.metricless ? null : trials[opts.goal === 'maximize' ? 2 : 0]!;
      const results: ResultsDoc = {
        sweep: name,
        configHash: cfg.configHash,
        method: 'grid',
        metric: cfg.metric,
        backend: 'cpu',
        best: best
          ? {
              key: best.key,
              params: best.params,
              metrics: best.metrics,
              samples: Object.fromEntries(Object.entries(best.metrics).map(([k, v]) => [k, [v]])),
            }
          : null,
        trials,
        stats: {
          trials: 3,
          trained: trials.filter((t) => !t.cached).length,
          cached: trials.filter((t) => t.cached).length,
          pruned: 0,
          failed: opts.failAll ? 3 : 0,
          wallMs: 15,
          stopReason: 'exhausted',
          budget: { trials: 3 },
        },
        gate: cfg.gate,
        seed: 1,
        createdAt: '2024-01-01T00:00:00.000Z',
        ...(o.mode?.sha ? { sha: o.mode.sha } : {}),
      };
      // The champion on three seeds: the data value plus a per-seed offset, so a replay on other data is worse
      // (or better) by exactly the data's change on every seed.
      const seedRun = async (seed: number, j: number): Promise<SeedRun> => {
        const key = sha256Hex(`${data}-champion-${seed}`);
        const cached = await cachedElsePut(key);
        return {
          seed,
          key,
          status: opts.failAll ? 'failed' : 'complete',
          metrics: opts.failAll ? {} : { val_loss: data + 0.01 * j, accuracy: 1 - data - 0.01 * j },
          cached,
          durationMs: 5,
        };
      };
      const runSeeds = (seeds: readonly number[]): Promise<SeedRun[]> => Promise.all(seeds.map((s, j) => seedRun(s, j)));
      const champion = o.mode?.champion;
      const seeds = champion?.mode === 'replay' ? (champion.baseline?.champion?.runs.map((r) => r.seed) ?? []) : [11, 12, 13];
      const extra =
        champion?.mode === 'record' && best
          ? { champion: { params: best.params, runs: await runSeeds(seeds) } }
          : champion?.mode === 'replay' && champion.baseline?.champion
            ? { replay: { params: champion.baseline.champion.params, adjustments: [], runs: await runSeeds(seeds) } }
            : {};
      return { config: cfg, results: { ...results, ...extra } };
    },
  };
}

/**
 * Whether a trial key is cached, storing it when not: in the run's injected store (the Action's), else as a file in
 * `<cacheDir>/trials`.
 */
function trialLookup(o: RunOptions, configDir: string): (key: string) => Promise<boolean> {
  const store = o.ports.store;
  if (store)
    return async (key) => {
      if (await store.get(key)) return true;
      const record = { key, params: {}, seed: 0, status: 'complete' as const, metrics: {}, history: [], durationMs: 5, backend: 'cpu' };
      await store.put(record);
      return false;
    };
  const dir = path.join(o.mode?.cacheDir ?? path.join(configDir, '.sweepgate'), 'trials');
  return async (key) => {
    const file = path.join(dir, `${key}.json`);
    if (existsSync(file)) return true;
    await mkdir(dir, { recursive: true });
    await writeFile(file, JSON.stringify({ key }));
    return false;
  };
}

/** An HTTP-style failure, like Octokit's RequestError. */
export class StatusError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** One PR's comments in memory, written as `login`; `forbidWrites` answers 403 like a fork PR's token. */
export class MemoryComments implements CommentClient {
  comments: IssueComment[] = [];
  forbidWrites = false;
  private nextId = 1;
  constructor(readonly login = 'github-actions[bot]') {}
  async viewer(): Promise<string | undefined> {
    return undefined; // an installation token: GET /user is refused
  }
  async *pages(): AsyncIterable<readonly IssueComment[]> {
    for (let i = 0; i < this.comments.length; i += 2) yield this.comments.slice(i, i + 2);
  }
  async create(_issue: number, body: string): Promise<IssueComment> {
    if (this.forbidWrites) throw new StatusError(403, 'Resource not accessible by integration');
    const c = { id: this.nextId++, body, user: { login: this.login, type: 'Bot' } };
    this.comments.push(c);
    return c;
  }
  async update(id: number, body: string): Promise<IssueComment> {
    if (this.forbidWrites) throw new StatusError(403, 'Resource not accessible by integration');
    const i = this.comments.findIndex((c) => c.id === id);
    this.comments[i] = { ...this.comments[i]!, body };
    return this.comments[i]!;
  }
}

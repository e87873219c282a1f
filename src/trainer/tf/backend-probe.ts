import type { BackendName } from '../../core/backends.js';
import { BackendError, type TfHandle } from './backend.js';
import { errorText } from '../../core/errors.js';

/**
 * `backend: auto` by measurement. Which backend is fastest depends on the model: native TensorFlow wins by far
 * on large layers, WASM on small tabular MLPs, where each native op's fixed cost dominates. So the sweep's own
 * model is timed for a few training steps on each backend that loads, and the fastest is taken.
 */
export interface BackendTiming {
  readonly backend: BackendName;
  readonly msPerStep: number;
}

export interface ProbePorts {
  /** Loads a forced backend; a BackendError means it is not available here. */
  load(name: BackendName): Promise<TfHandle>;
  /** Mean ms per training step of the sweep's model on `handle`, timed over `steps` steps. */
  time(handle: TfHandle, steps: number): Promise<number>;
  warn(message: string): void;
}

export interface BackendPick {
  readonly handle: TfHandle;
  readonly timings: readonly BackendTiming[];
  /** What the report shows, e.g. `wasm (0.21 ms/step vs cpu 0.74 ms/step)`. */
  readonly summary: string;
}

/**
 * The backends worth timing after `first` (what loadTf('auto') gave): the ones it passed over, but the pure-JS cpu
 * backend only when it may win (cpuMayWin).
 */
const AFTER: Readonly<Record<BackendName, readonly BackendName[]>> = { tensorflow: ['wasm'], wasm: [], cpu: [] };

/** Steps first timed; a model whose steps take less than `minTimedMs` in all is timed again over more. */
const FIRST_STEPS = 3;
const MIN_TIMED_MS = 30;
const SMALLEST_TIMED_MS = 8;
const MAX_STEPS = 200;
const ROUNDS = 2;
const CLEARLY = 0.8;
/**
 * A backend this many times slower than the fastest after the first round is not timed again: it cannot win, and on a
 * conv net the cpu backend's steps take seconds each (30–90× wasm's; bench/RESULTS.md), which a second round doubles.
 */
const HOPELESS = 10;
/**
 * After the first round the answer is clear, and there is no second, when the backend timed first is the fastest by
 * this factor: it alone paid for warming up the trainer's JS (the reason for a second round), and won anyway.
 */
const CLEAR_AFTER_ONE = 2;
/**
 * The pure-JS cpu backend is timed only when the fastest other backend's step takes less than this (or none could
 * train, or it is the preferred one): it can win only where each op's fixed cost is all there is, on tiny MLPs
 * (0.073 against WASM's 0.085 ms/step, bench/RESULTS.md), and is 30–90× slower on conv nets, where timing its
 * warm-up step and three more cost seconds (0.9–1.9 s a step on issue 18's 28×28 net: the probe was 7.0 s of a 17 s
 * profiled `sweepgate run`, bench/RESULTS.md "Whole process (afternoon)").
 */
export const CPU_MAY_WIN_MS = 1;
/** A preferred backend (the baseline's) is kept unless the fastest is more than this many times faster. */
const KEEP_PREFERRED = 1.5;

export interface ProbeOptions {
  /** How long each timing runs at least (probeTimingMs); default 30 ms. */
  readonly minTimedMs?: number;
  /**
   * A backend to keep when it is within KEEP_PREFERRED of the fastest: the baseline's, so that main and a PR train on
   * the same backend (backends round floats differently, and that difference grows over training), and `why` it is.
   */
  readonly prefer?: { readonly backend: string; readonly why: string };
  /**
   * The model's training step on WASM as estimated from its size alone (estimatedTrialMs, estimatedConvTrialMs per
   * step). From CPU_MAY_WIN_MS up, a backend with no rival but cpu is taken without timing: the timing could only
   * tell whether cpu is worth timing, and it is not.
   */
  readonly estimatedMsPerStep?: number;
}

/**
 * How long each timing should run: 0.5% of the sweep's estimated training (estimatedTrialMs × trials), between 8 and
 * 30 ms, so the 4–6 timings of a probe cost a few percent of a one-second sweep and 30 ms each for anything longer.
 * Unknown: 30 ms.
 */
export function probeTimingMs(sweepMs: number | undefined): number {
  if (sweepMs === undefined || !Number.isFinite(sweepMs)) return MIN_TIMED_MS;
  return Math.min(MIN_TIMED_MS, Math.max(SMALLEST_TIMED_MS, 0.005 * sweepMs));
}

/**
 * Times `first` and every backend it passed over (cpu only when it may win), and picks the fastest (a later one only
 * when 20% faster), or `opts.prefer` when it is within 1.5× of that. A second round re-times them unless the first
 * round's answer is clear (CLEAR_AFTER_ONE) and leaves out a backend HOPELESS after the first.
 */
export async function chooseBackend(first: TfHandle, ports: ProbePorts, opts: ProbeOptions = {}): Promise<BackendPick> {
  const minTimedMs = opts.minTimedMs ?? MIN_TIMED_MS;
  const handles: TfHandle[] = [first];
  const load = async (name: BackendName): Promise<void> => {
    try {
      handles.push(await ports.load(name));
    } catch (err) {
      if (!(err instanceof BackendError)) throw err;
      ports.warn(`backend auto: ${err.message}; not timed`);
    }
  };
  for (const name of AFTER[first.backend]) await load(name);
  const alone = handles.length === 1 && opts.prefer?.backend !== 'cpu';
  if (alone && first.backend === 'cpu') return { handle: first, timings: [], summary: 'cpu (not timed: the only backend available)' };
  if (alone && opts.estimatedMsPerStep !== undefined && opts.estimatedMsPerStep >= CPU_MAY_WIN_MS)
    return {
      handle: first,
      timings: [],
      summary: `${first.backend} (not timed: the only backend available but cpu, which can win only on steps under ${CPU_MAY_WIN_MS} ms; this model's are estimated at ${fmtMs(opts.estimatedMsPerStep)})`,
    };
  // Round robin, best of ROUNDS per backend: the first backend timed also pays for JIT-compiling the trainer's own
  // JS, which would otherwise count against whichever backend comes first.
  const best = new Map<TfHandle, number>();
  const failed = new Set<TfHandle>();
  const time = async (h: TfHandle): Promise<void> => {
    try {
      const ms = await timeSteps(h, ports, minTimedMs);
      best.set(h, Math.min(ms, best.get(h) ?? Infinity));
    } catch (err) {
      failed.add(h);
      best.delete(h);
      ports.warn(`backend auto: a training step fails on the ${h.backend} backend (${errorText(err)}); not used`);
    }
  };
  for (const h of handles) await time(h);
  for (let round = 1; round < ROUNDS && !clearAfterOne(handles, best); round++) {
    const fastest = Math.min(...best.values());
    for (const h of handles) if (!failed.has(h) && best.get(h)! <= HOPELESS * fastest) await time(h);
  }
  // Last, from the best timings so far, and once: the trainer's JS is warm by then, so one round is fair to it.
  const cpu = cpuMayWin(first, best, opts);
  if (cpu.time) {
    const before = handles.length;
    await load('cpu');
    if (handles.length > before) await time(handles.at(-1)!);
  }
  const timed = handles.filter((h) => best.has(h));
  const timings: BackendTiming[] = timed.map((h) => ({ backend: h.backend, msPerStep: best.get(h)! }));
  // Nothing timed (the probe's params fail everywhere): keep what loadTf chose; the trials will say why they fail.
  if (timings.length === 0)
    return { handle: first, timings, summary: `${first.backend} (not measured: a training step failed on every backend)` };
  // A later backend must be clearly faster (by CLEARLY) to displace an earlier one: near-ties would otherwise flip
  // with the machine's noise from run to run, and backends round floats differently.
  let fastest = 0;
  for (let i = 1; i < timings.length; i++) if (timings[i]!.msPerStep < CLEARLY * timings[fastest]!.msPerStep) fastest = i;
  const kept = timings.findIndex((t) => t.backend === opts.prefer?.backend);
  if (kept >= 0 && kept !== fastest && timings[kept]!.msPerStep <= KEEP_PREFERRED * timings[fastest]!.msPerStep)
    return {
      handle: timed[kept]!,
      timings,
      summary: describeTimings(timings, kept, `${opts.prefer!.why}, kept: within ${KEEP_PREFERRED}× of the fastest`, cpu.note),
    };
  return { handle: timed[fastest]!, timings, summary: describeTimings(timings, fastest, undefined, cpu.note) };
}

/** Whether to time the cpu backend after the others, and if not, why not (for the summary). */
function cpuMayWin(first: TfHandle, best: ReadonlyMap<TfHandle, number>, opts: ProbeOptions): { time: boolean; note?: string } {
  if (first.backend === 'cpu') return { time: false };
  const fastest = Math.min(...best.values());
  if (best.size === 0 || fastest < CPU_MAY_WIN_MS || opts.prefer?.backend === 'cpu') return { time: true };
  return { time: false, note: `cpu not timed: it can win only on steps under ${CPU_MAY_WIN_MS} ms` };
}

/** One round is enough: a single backend timed, or the one timed first (warming up for all) clearly the fastest. */
function clearAfterOne(handles: readonly TfHandle[], best: ReadonlyMap<TfHandle, number>): boolean {
  const timed = handles.filter((h) => best.has(h));
  if (timed.length <= 1) return true;
  if (timed[0] !== handles[0]) return false;
  const firstMs = best.get(timed[0]!)!;
  return timed.slice(1).every((h) => best.get(h)! >= CLEAR_AFTER_ONE * firstMs);
}

async function timeSteps(h: TfHandle, ports: ProbePorts, minTimedMs: number): Promise<number> {
  const ms = await ports.time(h, FIRST_STEPS);
  if (ms * FIRST_STEPS >= minTimedMs) return ms;
  // Sub-millisecond steps: a few are within the clock's noise, so time enough of them to fill minTimedMs.
  return ports.time(h, Math.min(MAX_STEPS, Math.ceil(minTimedMs / Math.max(ms, 0.01))));
}

/**
 * `wasm (0.21 ms/step vs cpu 0.74 ms/step)`; alone: `wasm (0.21 ms/step, the only backend available)`; with a note:
 * `cpu (0.073 ms/step vs wasm 0.062 ms/step; main's backend, kept: within 1.5× of the fastest)`; `untimed` says
 * which backend was left out and why (`wasm (81 ms/step; cpu not timed: ...)`).
 */
export function describeTimings(timings: readonly BackendTiming[], chosen: number, note?: string, untimed?: string): string {
  const fmt = (ms: number): string => `${fmtMs(ms)}/step`;
  const c = timings[chosen]!;
  const others = timings.filter((_, i) => i !== chosen).map((t) => `${t.backend} ${fmt(t.msPerStep)}`);
  const alone = others.length > 0 ? ` vs ${others.join(', ')}` : untimed === undefined ? ', the only backend available' : '';
  const notes = [note, untimed].filter((n) => n !== undefined).map((n) => `; ${n}`);
  return `${c.backend} (${fmt(c.msPerStep)}${alone}${notes.join('')})`;
}

const fmtMs = (ms: number): string => `${ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toPrecision(2)} ms`;

/**
 * `backend: auto` for a sweep that trains once (one trial, no champion seeds, no replay): not timed, since timing
 * each backend costs a large share of the only training there is (0.5–0.8 s against a 2–3 s trial of issue 18's
 * 28×28 net), and the model's size decides as the measured break-evens do (`nativeFaster`: tf/native.ts,
 * NATIVE_MIN_WEIGHTS and NATIVE_MIN_CONV_MACS, from bench:crossover and bench:conv). `why` says which, for the report.
 */
export async function pickBySize(
  first: TfHandle,
  ports: Pick<ProbePorts, 'load' | 'warn'>,
  nativeFaster: boolean,
  why: string,
): Promise<BackendPick> {
  const untimed = (handle: TfHandle): BackendPick => ({
    handle,
    timings: [],
    summary: `${handle.backend} (not timed: one training; ${why})`,
  });
  if (first.backend !== 'tensorflow' || nativeFaster) return untimed(first);
  try {
    return untimed(await ports.load('wasm'));
  } catch (err) {
    if (!(err instanceof BackendError)) throw err;
    ports.warn(`backend auto: ${err.message}; staying on tensorflow`);
    return untimed(first);
  }
}

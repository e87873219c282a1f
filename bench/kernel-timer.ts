// A per-kernel timer for the profiling harnesses: wraps the tfjs engine's runKernel (and tensor uploads and read-backs) to count
// calls and add up wall time per kernel name, exclusive of kernels run inside it (tfjs-node's Step, for one, is a
// dozen ops of its own). On the synchronous backends (wasm, tensorflow, cpu) a kernel's wall time is its cost.
import type { Tf } from '../src/trainer/tf/backend.js';

export interface KernelTimes {
  /** kernel name → calls and exclusive ms, since the timer started. */
  readonly table: Map<string, { calls: number; ms: number }>;
  stop(): void;
}

export function timeKernels(tf: Tf): KernelTimes {
  const table = new Map<string, { calls: number; ms: number }>();
  const engine = tf.engine();
  const run = engine.runKernel.bind(engine);
  const makeTensor = engine.makeTensor.bind(engine);
  const readSync = engine.readSync.bind(engine);
  const stack: number[] = []; // time spent in nested kernels, per open kernel
  const timed = <T>(name: string, f: () => T): T => {
    stack.push(0);
    const t0 = performance.now();
    try {
      return f();
    } finally {
      const total = performance.now() - t0;
      const nested = stack.pop()!;
      if (stack.length > 0) stack[stack.length - 1]! += total;
      const row = table.get(name) ?? { calls: 0, ms: 0 };
      row.calls++;
      row.ms += total - nested;
      table.set(name, row);
    }
  };
  engine.runKernel = ((name: string, ...rest: unknown[]) =>
    timed(name, () => (run as (...a: unknown[]) => unknown)(name, ...rest))) as typeof engine.runKernel;
  engine.makeTensor = ((...args: Parameters<typeof makeTensor>) =>
    timed('(upload)', () => makeTensor(...args))) as typeof engine.makeTensor;
  engine.readSync = ((...args: Parameters<typeof readSync>) => timed('(read back)', () => readSync(...args))) as typeof engine.readSync;
  return {
    table,
    stop() {
      engine.runKernel = run;
      engine.makeTensor = makeTensor;
      engine.readSync = readSync;
    },
  };
}

/** The table as markdown rows, largest first, with per-step figures over `steps`. */
export function kernelReport(times: KernelTimes, steps: number): string {
  const rows = [...times.table].sort((a, b) => b[1].ms - a[1].ms);
  const total = rows.reduce((s, [, r]) => s + r.ms, 0);
  const calls = rows.reduce((s, [, r]) => s + r.calls, 0);
  return [
    `| kernel | calls per step | ms per step | share |`,
    `| --- | ---: | ---: | ---: |`,
    ...rows.map(
      ([k, r]) => `| ${k} | ${(r.calls / steps).toFixed(1)} | ${(r.ms / steps).toFixed(2)} | ${((100 * r.ms) / total).toFixed(1)}% |`,
    ),
    `| all | ${(calls / steps).toFixed(1)} | ${(total / steps).toFixed(2)} | |`,
  ].join('\n');
}

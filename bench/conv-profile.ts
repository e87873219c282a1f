// Where a 28×28 conv trial's time goes: one trial of issue 18's shape, optionally under --cpu-prof. Run:
// node scripts/bundle.mjs bench/conv-profile.ts && node --cpu-prof --cpu-prof-dir=build/prof build/conv-profile.mjs wasm
// Each trial's line gives its wall time and the process's CPU time over it (all threads: on a loaded machine the CPU
// time is the steadier measure of the work). With a third argument `kernels`: the trials after the first under the per-kernel timer (bench/kernel-timer.ts), its
// table per training step (validation included) printed after them.
import os from 'node:os';
import path from 'node:path';
import type { ImageTrainerSpec } from '../src/core/config/types.js';
import { createImageObjective, loadTf, type BackendChoice } from '../src/trainer/index.js';
import { SIDE, writeDigits28 } from './conv-data.js';
import { type KernelTimes, kernelReport, timeKernels } from './kernel-timer.js';

const backend = (process.argv[2] ?? 'wasm') as BackendChoice;
const trials = Number(process.argv[3] ?? 2);
const byKernel = process.argv[4] === 'kernels';
const data = writeDigits28(path.join(os.tmpdir(), 'sweepgate-bench-conv'));
const dirs = process.env.SWEEPGATE_TFJS_NODE_DIR ? [process.env.SWEEPGATE_TFJS_NODE_DIR] : [];
const handle = await loadTf(backend, { cwd: process.cwd(), tfjsNodeDirs: dirs, warn: console.error });
const spec: ImageTrainerSpec = {
  type: 'image',
  data,
  target: 'label',
  task: 'classification',
  inputShape: [SIDE, SIDE, 1],
  validationSplit: 0.2,
  defaults: {},
};
const objective = await createImageObjective(spec, handle);
export const PARAMS = {
  conv_layers: 2,
  filters: 16,
  filter_schedule: 'grow',
  kernel_size: 3,
  padding: 'same',
  pooling: 'max',
  layers: 1,
  units: 64,
  epochs: 3,
  batch_size: 32,
  optimizer: 'adam',
  learning_rate: 0.005,
};
const STEPS_PER_TRIAL = 75; // 800 training images, batch 32, 3 epochs
let timer: KernelTimes | undefined;
let trainMs = 0;
for (let i = 0; i < trials; i++) {
  if (byKernel && i === 1) timer = timeKernels(handle.tf); // the first trial compiles kernels and warms the JIT
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const r = await objective.run(PARAMS, { seed: 1 + i, report: () => false, signal: new AbortController().signal });
  const cpu = process.cpuUsage(cpu0);
  console.log(
    `${handle.backend} trial ${i + 1}: ${(performance.now() - t0).toFixed(0)} ms, val_accuracy ${r.metrics.val_accuracy?.toFixed(3)}, ` +
      `process CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms`,
  );
  if (timer) trainMs += performance.now() - t0;
}
if (timer) {
  timer.stop();
  const steps = STEPS_PER_TRIAL * (trials - 1);
  console.log(`\n${handle.backend}: ${(trainMs / steps).toFixed(2)} ms per step of trial time (validation included), by kernel:`);
  console.log(kernelReport(timer, steps));
}

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type * as tfc from '@tensorflow/tfjs-core';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TabularTrainerSpec } from '../../src/core/config/types.js';
import type { Metrics } from '../../src/core/json.js';
import type { TrialContext } from '../../src/core/objective.js';
import type { StepMetrics } from '../../src/core/trial.js';
import type { Tf } from '../../src/trainer/tf/backend.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixture = (name: string): string => path.join(repoRoot, 'fixtures/data', name);

export function spec(overrides: Partial<TabularTrainerSpec> & Pick<TabularTrainerSpec, 'data' | 'target' | 'task'>): TabularTrainerSpec {
  return { type: 'tabular', validationSplit: 0.2, defaults: {}, ...overrides };
}

/** A TrialContext that records reports; `pruneAt` makes report() return true from that step on. */
export function recordingCtx(seed: number, pruneAt?: number): TrialContext & { readonly reports: StepMetrics[] } {
  const reports: StepMetrics[] = [];
  return {
    seed,
    signal: new AbortController().signal,
    reports,
    report(step: number, metrics: Metrics): boolean {
      reports.push({ step, metrics });
      return pruneAt !== undefined && step >= pruneAt;
    },
  };
}

const tempDirs: string[] = [];
/** A fresh temporary folder, removed by cleanupTempDirs (call it from afterAll). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `sweepgate-${prefix}-`));
  tempDirs.push(dir);
  return dir;
}
export function cleanupTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** tf.loadLayersModel on the files save_best wrote (read into memory: tfjs-core has no file:// loader without tfjs-node). */
export async function loadWithTfjs(tf: Tf, dir: string): Promise<Awaited<ReturnType<Tf['loadLayersModel']>>> {
  const json = JSON.parse(readFileSync(path.join(dir, 'model.json'), 'utf8')) as {
    modelTopology: object;
    weightsManifest: { weights: tfc.io.WeightsManifestEntry[] }[];
  };
  const weights = readFileSync(path.join(dir, 'weights.bin'));
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest[0]!.weights,
      weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.length),
    }),
  );
}

import type { BuildOptions } from 'esbuild';

/** The built-in trainer's worker thread entry (bundled as trainer-worker.js). */
export const WORKER_ENTRY: string;
/** An objective module's process entry (bundled as module-runner.js). */
export const MODULE_RUNNER_ENTRY: string;
export function bundleOptions(o: {
  entryPoints: Record<string, string>;
  outdir: string;
  splitting?: boolean;
  outExtension?: Record<string, string>;
}): BuildOptions;
export function copyWasm(outdir: string): void;
export function copyPython(outdir: string): void;

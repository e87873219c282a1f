import type { BuildOptions } from 'esbuild';

export function bundleOptions(o: {
  entryPoints: Record<string, string>;
  outdir: string;
  splitting?: boolean;
  outExtension?: Record<string, string>;
}): BuildOptions;
export function copyWasm(outdir: string): void;
export function copyPython(outdir: string): void;

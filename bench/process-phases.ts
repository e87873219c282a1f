// Where a whole `sweepgate run` spends its wall time, from a V8 CPU profile (bench/RESULTS.md, "Whole process
// (afternoon)"): each sample goes to the innermost of a few named functions on its stack (the start-up phases), else
// to its two outermost frames, and each phase prints its total with the first and last moment it ran. A timeline
// without timing marks in the code, nor NODE_DEBUG.
// Run: node --cpu-prof --cpu-prof-dir=P dist/cli.js run sweep.yml ...; then
//      node scripts/bundle.mjs bench/process-phases.ts && node build/process-phases.mjs P/CPU.*.cpuprofile [names]
import { readFileSync } from 'node:fs';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** The phases of a run, by the functions that hold them (src/trainer, src/engine), innermost first wins. */
const PHASES = ['msPerStep', 'runEpochs', 'readImageSource', 'tryTfjsNode', 'tryWasm', 'parseSweepConfig', 'createObjective', 'runSweep'];

const [file, names] = process.argv.slice(2);
if (!file) throw new Error('usage: process-phases.mjs PROFILE.cpuprofile [comma-separated function names]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
const phases = names ? names.split(',') : PHASES;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

function phaseOf(id: number): string {
  const stack: CallFrame[] = [];
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!.callFrame);
  const named = stack.find((f) => phases.includes(f.functionName));
  if (named) return named.functionName;
  const outer = stack
    .reverse()
    .slice(1, 3)
    .map((f) => `${f.functionName || '(anonymous)'}@${f.url.split('/').pop()}`);
  return `other: ${outer.join(' > ') || '(root)'}`;
}

const totals = new Map<string, { ms: number; first: number; last: number }>();
let t = profile.startTime;
for (let i = 0; i < profile.samples.length; i++) {
  t += profile.timeDeltas[i]!;
  const phase = phaseOf(profile.samples[i]!);
  const o = totals.get(phase) ?? { ms: 0, first: t, last: t };
  o.ms += (profile.timeDeltas[i + 1] ?? 0) / 1000;
  o.last = t;
  totals.set(phase, o);
}
const at = (us: number): string => ((us - profile.startTime) / 1000).toFixed(0);
console.log('| phase | ms | from (ms) | to (ms) |');
console.log('| --- | ---: | ---: | ---: |');
for (const [phase, o] of [...totals].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25))
  console.log(`| ${phase} | ${o.ms.toFixed(0)} | ${at(o.first)} | ${at(o.last)} |`);

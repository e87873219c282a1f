// Conv trainer benchmark: the built-in image trainer (trainer.type: image) against PyTorch 1.13 (CPU) training the
// same conv net on the same images, epochs, batch size and optimiser, on two shapes: the shipped 8×8 digits
// (fixtures/data/digits.csv, 1,797 images) and issue 18's 28×28 (1,000 of them upsampled: conv-data.ts).
// Per trial, in process: rounds that run one trial on each backend then one PyTorch trial (a warm-up round first,
// discarded), so all of them see the same load; medians over the rounds. Whole processes: `sweepgate run` (dist/cli.js,
// `npm run bundle` first) on a one-trial sweep (fresh cache dir each run, champion seeds 0) against `python3
// torch_conv.py` training once, interleaved, medians, wall and peak RSS by /usr/bin/time too (`... conv process`).
// Run: SWEEPGATE_TFJS_NODE_DIR=DIR npm run bench:conv (needs /usr/bin/python3 with torch; BENCH_REPEATS, default 3).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ImageTrainerSpec } from '../src/core/config/types.js';
import { type ImageObjective, type TfHandle, createImageObjective, loadTf } from '../src/trainer/index.js';
import { buildConvNet, convMacsPerImage } from '../src/trainer/nn/conv.js';
import { parseImageHyperparameters } from '../src/trainer/nn/hyperparameters.js';
import { writeDigits28 } from './conv-data.js';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const TFJS_NODE_DIR = process.env.SWEEPGATE_TFJS_NODE_DIR ?? process.env.TFJS_NODE_DIR;
const tmp = path.join(os.tmpdir(), 'sweepgate-bench-conv');

interface Shape {
  readonly name: string;
  readonly data: string;
  readonly side: number;
  /** What torch_conv.py divides the CSV's pixels by (sweepgate standardises them itself). */
  readonly scale: number;
  readonly params: Record<string, string | number>;
  readonly backends: readonly ('tensorflow' | 'wasm' | 'cpu')[];
}

// Two conv layers of 3×3 filters (same padding, relu, 2×2 max pooling), a 64-unit dense layer, 10 outputs, adam, batch 32.
const common = {
  conv_layers: 2,
  kernel_size: 3,
  padding: 'same',
  pooling: 'max',
  layers: 1,
  units: 64,
  batch_size: 32,
  optimizer: 'adam',
  learning_rate: 0.005,
};
const SHAPES: readonly Shape[] = [
  {
    name: 'digits 8×8×1 (1,797 images, 80/20 split), conv 2×16, 5 epochs',
    data: path.resolve('fixtures/data/digits.csv'),
    side: 8,
    scale: 16,
    params: { ...common, filters: 16, epochs: 5 },
    backends: ['tensorflow', 'wasm', 'cpu'],
  },
  {
    name: "issue 18's 28×28×1 (1,000 images, 800 to train), conv 16 then 32, 3 epochs",
    data: writeDigits28(tmp),
    side: 28,
    scale: 1,
    params: { ...common, filters: 16, filter_schedule: 'grow', epochs: 3 },
    backends: ['tensorflow', 'wasm'],
  },
];

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s[Math.floor(s.length / 2)]!;
}

async function load(backend: 'tensorflow' | 'wasm' | 'cpu'): Promise<TfHandle | string> {
  try {
    return await loadTf(backend, { cwd: process.cwd(), tfjsNodeDirs: TFJS_NODE_DIR ? [TFJS_NODE_DIR] : [], warn: () => {} });
  } catch (err) {
    return err instanceof Error ? err.message.split('\n')[0]! : String(err);
  }
}

/**
 * PyTorch on one thread for real: `torch.set_num_threads(1)` (torch_conv.py) leaves OpenMP a second thread that
 * busy-waits (the process's CPU time twice its wall time, and its wall time 5–10% longer than with this, measured on
 * the bench's net), so OpenMP and MKL are held to one thread too.
 */
const TORCH_ENV = { ...process.env, OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };

const torch = (shape: Shape, repeats: number): { ms: number; acc: number; cpuMs: number } =>
  JSON.parse(
    execFileSync(
      '/usr/bin/python3',
      [
        path.resolve('bench', 'torch_conv.py'),
        shape.data,
        String(repeats),
        '1',
        JSON.stringify(shape.params),
        String(shape.side),
        String(shape.scale),
      ],
      { encoding: 'utf8', env: TORCH_ENV },
    ),
  ) as { ms: number; acc: number; cpuMs: number };

async function inProcess(shape: Shape): Promise<void> {
  const spec: ImageTrainerSpec = {
    type: 'image',
    data: shape.data,
    target: 'label',
    task: 'classification',
    inputShape: [shape.side, shape.side, 1],
    validationSplit: 0.2,
    defaults: {},
  };
  const runs: {
    name: string;
    objective?: ImageObjective;
    note: string;
    ms: number[];
    cpu: number[];
    acc: number;
    msPerStep?: number;
  }[] = [];
  for (const backend of shape.backends) {
    const handle = await load(backend);
    if (typeof handle === 'string')
      runs.push({ name: `sweepgate image (${backend})`, note: `not available here: ${handle}`, ms: [], cpu: [], acc: Number.NaN });
    else
      runs.push({
        name: `sweepgate image (${backend})`,
        objective: await createImageObjective(spec, handle),
        note: '',
        ms: [],
        cpu: [],
        acc: 0,
      });
  }
  const torchMs: number[] = [];
  const torchCpu: number[] = [];
  let torchAcc = 0;
  for (let round = 0; round <= REPEATS; round++) {
    for (const r of runs) {
      if (!r.objective) continue;
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const result = await r.objective.run(shape.params, { seed: 1 + round, report: () => false, signal: new AbortController().signal });
      const cpu = process.cpuUsage(cpu0);
      if (round > 0) r.ms.push(performance.now() - t0); // round 0 warms up kernels and JIT
      if (round > 0) r.cpu.push((cpu.user + cpu.system) / 1000);
      r.acc = result.metrics.val_accuracy ?? Number.NaN;
    }
    if (round > 0) {
      // One warm-up trial then one timed, in its own process (the process start is not timed).
      const t = torch(shape, 1);
      torchMs.push(t.ms);
      torchCpu.push(t.cpuMs);
      torchAcc = t.acc;
    }
  }
  // What backend: auto's probe compares: ms per training step of this model on each backend.
  for (const r of runs) {
    const h = r.objective && (await loadHandle(r.name));
    if (r.objective && h) r.msPerStep = await r.objective.msPerStep(h, shape.params, 10);
  }
  const torch1 = median(torchMs);
  const torchCpu1 = median(torchCpu);
  // CPU time (all of the process's threads over the trial: native TensorFlow runs its kernels on 2) beside wall time:
  // on a shared machine the wall time swings with what else runs, the CPU time much less.
  const ratio = (x: number, of: number): string => (Number.isNaN(x) ? '—' : `${(x / of).toFixed(2)}x`);
  const list = (xs: number[]): string => xs.map((m) => m.toFixed(0)).join(', ');
  console.log(`\n${shape.name}; median of ${REPEATS} interleaved rounds; Node ${process.version}, ${os.availableParallelism()} cores`);
  console.log(
    '| trainer | ms per trial | vs PyTorch 1 thread | CPU ms per trial | CPU vs PyTorch | ms per step (probe) | val_accuracy | trials (ms) | trials (CPU ms) | note |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |');
  for (const r of runs) {
    const [ms, cpu] = [median(r.ms), median(r.cpu)];
    const step = r.msPerStep === undefined ? '—' : r.msPerStep.toFixed(2);
    console.log(
      `| ${r.name} | ${Number.isNaN(ms) ? '—' : ms.toFixed(0)} | ${ratio(ms, torch1)} | ${Number.isNaN(cpu) ? '—' : cpu.toFixed(0)} | ` +
        `${ratio(cpu, torchCpu1)} | ${step} | ${r.acc.toFixed(3)} | ${list(r.ms)} | ${list(r.cpu)} | ${r.note} |`,
    );
  }
  console.log(
    `| PyTorch 1.13 (1 thread) | ${torch1.toFixed(0)} | 1.00x | ${torchCpu1.toFixed(0)} | 1.00x | — | ${torchAcc.toFixed(3)} | ` +
      `${list(torchMs)} | ${list(torchCpu)} | |`,
  );
}

async function loadHandle(name: string): Promise<TfHandle | undefined> {
  const backend = /\((\w+)\)/.exec(name)![1] as 'tensorflow' | 'wasm' | 'cpu';
  const h = await load(backend);
  return typeof h === 'string' ? undefined : h;
}

/** One whole process, by two clocks: this process's (spawn to exit) and /usr/bin/time's wall and peak RSS. */
interface Timed {
  readonly ms: number;
  readonly timeWallMs: number;
  readonly rssMb: number;
  /** The trial's own training as sweepgate recorded it (results JSON durationMs); undefined for PyTorch. */
  readonly trialMs?: number;
  readonly note?: string;
}

function timedProcess(argv: readonly string[], cwd: string, json?: string, env?: NodeJS.ProcessEnv): Timed {
  const clock = path.join(tmp, 'time.txt');
  const t0 = performance.now();
  execFileSync('/usr/bin/time', ['-f', '%e %M', '-o', clock, ...argv], { cwd, stdio: 'ignore', ...(env ? { env } : {}) });
  const ms = performance.now() - t0;
  const [wall, rssKb] = readFileSync(clock, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
  if (!json) return { ms, timeWallMs: wall! * 1000, rssMb: rssKb! / 1024 };
  const doc = JSON.parse(readFileSync(json, 'utf8')) as {
    trials: { durationMs: number }[];
    stats: { trained: number };
    backend?: string;
    backendChoice?: string;
  };
  if (doc.stats.trained !== 1 || doc.trials.length !== 1) throw new Error(`expected one trained trial, got ${JSON.stringify(doc.stats)}`);
  const note = doc.backendChoice ?? doc.backend;
  return { ms, timeWallMs: wall! * 1000, rssMb: rssKb! / 1024, trialMs: doc.trials[0]!.durationMs, ...(note ? { note } : {}) };
}

/**
 * `sweepgate run` on a one-trial sweep of the 28×28 shape as a user runs it (`node dist/cli.js run sweep.yml`: no
 * --parallel, so the default decides workers), each run from a fresh, empty cache dir and with `champion: {seeds: 0}`
 * (no champion seeds trained after the trial), against `python3 torch_conv.py` training once; interleaved rounds,
 * medians. BENCH_CLI=a/cli.js,b/cli.js times those builds instead, interleaved in the same rounds (a before/after).
 */
function wholeProcesses(shape: Shape): void {
  const clis = (process.env.BENCH_CLI ?? 'dist/cli.js').split(',').map((c) => path.resolve(c));
  const label = (cli: string): string => (clis.length > 1 ? ` [${path.basename(path.dirname(cli))}]` : '');
  // A workspace with tfjs-node installed (linked from TFJS_NODE_DIR), where `backend: auto` finds it, as on a runner
  // where the Action provisioned it.
  const workspace = path.join(tmp, 'workspace');
  mkdirSync(workspace, { recursive: true });
  const modules = path.join(workspace, 'node_modules');
  if (TFJS_NODE_DIR && !existsSync(modules)) symlinkSync(path.join(TFJS_NODE_DIR, 'node_modules'), modules);
  const sweep = path.join(workspace, 'sweep28.yml');
  const values = Object.entries(shape.params).map(([k, v]) => `  ${k}: {values: [${JSON.stringify(v)}]}`);
  writeFileSync(
    sweep,
    [
      'name: conv28',
      'method: grid',
      'metric: {name: val_accuracy, goal: maximize}',
      // The comparison is one trial against one PyTorch training: no champion seeds (10 by default) after it.
      'champion: {seeds: 0}',
      'trainer:',
      '  type: image',
      `  data: ${shape.data}`,
      '  target: label',
      `  input_shape: [${shape.side}, ${shape.side}, 1]`,
      '  validation_split: 0.2',
      'parameters:',
      ...values,
      '',
    ].join('\n'),
  );
  const sides = clis.flatMap((cli) =>
    (
      [
        ['sweepgate run (backend auto)', []],
        ['sweepgate run --backend tensorflow', ['--backend', 'tensorflow']],
        ['sweepgate run --backend wasm', ['--backend', 'wasm']],
      ] as const
    ).map(([name, extra]) => [name + label(cli), cli, extra] as const),
  );
  const torchName = 'python3 torch_conv.py (1 thread)';
  const rows = new Map<string, Timed[]>([...sides.map(([name]) => [name, []] as [string, Timed[]]), [torchName, []]]);
  for (let round = 0; round < REPEATS; round++) {
    for (const [name, cli, extra] of sides) {
      // A fresh, empty cache dir each run: a trial found there would not train.
      const cache = mkdtempSync(path.join(tmp, 'cache-'));
      const json = path.join(cache, 'results.json');
      rows
        .get(name)!
        .push(timedProcess(['node', cli, 'run', sweep, '--quiet', '--cache-dir', cache, '--json', json, ...extra], workspace, json));
      rmSync(cache, { recursive: true, force: true });
    }
    const torchArgs = [
      path.resolve('bench', 'torch_conv.py'),
      shape.data,
      '0',
      '1',
      JSON.stringify(shape.params),
      String(shape.side),
      String(shape.scale),
    ];
    rows.get(torchName)!.push(timedProcess(['/usr/bin/python3', ...torchArgs], workspace, undefined, TORCH_ENV));
  }
  const med = (ts: readonly Timed[], f: (t: Timed) => number | undefined): number =>
    median(ts.map(f).filter((x): x is number => x !== undefined));
  const torch1 = med(rows.get(torchName)!, (t) => t.ms);
  console.log(`\n${shape.name}: whole processes, median of ${REPEATS} interleaved rounds; ${clis.join(', ')}`);
  console.log(
    'sweepgate: `node cli.js run sweep.yml --quiet --cache-dir FRESH --json F [--backend B]` (no --parallel: the default decides workers), ' +
      'one grid trial, champion seeds 0; includes node start, the bundle, tfjs (tfjs-node dlopen when used), reading the CSV, ' +
      "backend auto's probe, workers if any, the trial, the report. PyTorch: `python3 torch_conv.py CSV 0 1 ...`: interpreter " +
      'start, import torch, reading the CSV, one trial. wall: spawn to exit (this clock); time: /usr/bin/time -f %e (10 ms ' +
      'resolution); RSS: /usr/bin/time %M, peak resident set of the process (threads included).',
  );
  console.log(
    '| process | wall ms | vs PyTorch | /usr/bin/time s | peak RSS MB | trial ms (results) | outside the trial ms | runs wall (ms) | backend |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |');
  for (const [name, ts] of rows) {
    const wall = med(ts, (t) => t.ms);
    const trial = med(ts, (t) => t.trialMs);
    console.log(
      `| ${name} | ${wall.toFixed(0)} | ${(wall / torch1).toFixed(2)}x | ${(med(ts, (t) => t.timeWallMs) / 1000).toFixed(2)} | ` +
        `${med(ts, (t) => t.rssMb).toFixed(0)} | ${Number.isNaN(trial) ? '—' : trial.toFixed(0)} | ` +
        `${Number.isNaN(trial) ? '—' : (wall - trial).toFixed(0)} | ${ts.map((t) => t.ms.toFixed(0)).join(', ')} | ${[...new Set(ts.map((t) => (t.note ?? '').replace(/\d+(\.\d+)? ms/g, '…')))].join('; ')} |`,
    );
  }
}

/**
 * Where native TensorFlow starts to beat WASM on a conv net (tf/native.ts's NATIVE_MIN_CONV_MACS): ms per training
 * step, as backend auto's probe times it, on each backend, over image sides and filter counts (the 300 PNG digits,
 * resized to each side); interleaved, best of rounds.
 */
async function crossover(): Promise<void> {
  const handles = [await load('wasm'), await load('tensorflow')].filter((h): h is TfHandle => typeof h !== 'string');
  console.log('\nCrossover: ms per training step (batch 32, two 3×3 conv layers, max pooling, dense 64), best of 3 rounds of 10 steps');
  console.log(`| side | filters | MMAC per step | ${handles.map((h) => `${h.backend} ms/step`).join(' | ')} | wasm / tensorflow |`);
  console.log(`| ---: | ---: | ---: | ${handles.map(() => '---:').join(' | ')} | ---: |`);
  for (const side of [8, 12, 16, 20, 28])
    for (const filters of [8, 16, 32]) {
      const params = { ...common, filters, filter_schedule: 'grow', epochs: 1 };
      const spec: ImageTrainerSpec = {
        type: 'image',
        data: path.resolve('fixtures/data/digits-png'),
        task: 'classification',
        inputShape: [side, side, 1],
        validationSplit: 0.2,
        defaults: {},
      };
      const objective = await createImageObjective(spec, handles[0]!);
      const hp = parseImageHyperparameters(params);
      const macs = 3 * 32 * convMacsPerImage(buildConvNet(hp.dense, hp.conv, [side, side, 1], 10, 0));
      const best = handles.map(() => Infinity);
      for (let round = 0; round < 3; round++)
        for (const [i, h] of handles.entries()) best[i] = Math.min(best[i]!, await objective.msPerStep(h, params, 10));
      const ratio = best.length === 2 ? (best[0]! / best[1]!).toFixed(2) : '—';
      console.log(
        `| ${side} | ${filters}→${2 * filters} | ${(macs / 1e6).toFixed(1)} | ${best.map((b) => b.toFixed(2)).join(' | ')} | ${ratio} |`,
      );
    }
}

const only = process.argv[2];
if (only === 'crossover') await crossover();
else {
  for (const shape of SHAPES) if (!only || shape.side === Number(only)) await inProcess(shape);
  // `28 trials`: the in-process trials of the 28×28 shape alone, without the whole-process table.
  if (!only || (only === '28' && process.argv[3] !== 'trials') || only === 'process') wholeProcesses(SHAPES[1]!);
  if (!only) await crossover();
}

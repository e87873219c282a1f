// Data-at-scale benchmark (issue 21, point 6): one trial of one epoch on a generated 100,000-row, 31-column CSV
// (30 numeric features, a binary target), as whole processes: sweepgate cold (empty cache), sweepgate cached (every
// trial from the cache; with the default `parallel` and with `parallel: 1`), and the script a user would write
// instead (bench/torch_data.py: pandas read_csv, standardise, the same MLP for one epoch in PyTorch on one thread,
// imports included), plus a tiny sweep (Iris, one trial) for the memory baseline. Interleaved, the order rotated each
// round; medians of BENCH_RUNS rounds (default 5). Two clocks per run: `/usr/bin/time` (elapsed, CPU time = user +
// system, peak RSS) and this process's timer around the child; the elapsed times must agree. CPU time is beside wall
// time because a shared machine stretches wall time by its load, and the CPU time much less.
// Run: npm run bench:data   (needs /usr/bin/python3 with torch and pandas; the CLI from dist/: npm run bundle first)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Rng } from '../src/core/rng.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ROWS = 100_000;
const FEATURES = 30;
const CLI = path.resolve('dist/cli.js');
const IRIS = path.resolve('fixtures/data/iris.csv');

/** 30 features on different scales, the target a noisy non-linear function of a few: like a real table. */
function makeData(file: string): void {
  const rng = new Rng(21);
  const lines = [[...Array.from({ length: FEATURES }, (_, i) => `x${i}`), 'label'].join(',')];
  for (let r = 0; r < ROWS; r++) {
    const x = Array.from({ length: FEATURES }, (_, i) => rng.normal() * (1 + (i % 5)) + i);
    const v = Math.sin(x[0]!) + 0.1 * (x[1]! - 1) * (x[2]! - 2) + 0.3 * (x[3]! - 3) + 0.3 * rng.normal();
    lines.push([...x.map((n) => n.toFixed(6)), v > 0 ? '1' : '0'].join(','));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

const sweepYaml = (data: string, extra: string): string => `name: data-bench
method: random
seed: 1
run_cap: 1
${extra}champion: { seeds: 0 }
metric: { name: val_accuracy, goal: maximize }
trainer:
  type: tabular
  data: ${JSON.stringify(data)}
  target: ${data === IRIS ? 'species' : 'label'}
  task: classification
  validation_split: 0.2
  defaults: { epochs: 1, batch_size: 64, layers: 2, units: 64, activation: relu, optimizer: adam }
parameters:
  learning_rate: { value: 0.01 }
`;

interface Sample {
  readonly timeS: number;
  /** User + system CPU seconds of the whole process (its threads and children). */
  readonly cpuS: number;
  readonly rssMb: number;
  readonly timerS: number;
}

/**
 * The script's PyTorch on one thread for real: `torch.set_num_threads(1)` leaves OpenMP a second thread that
 * busy-waits (seen in bench:conv: CPU twice wall, wall 5–10% longer), so OpenMP and MKL are held to one thread too.
 */
const TORCH_ENV = { ...process.env, OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };

/** One whole process under /usr/bin/time (elapsed, CPU, peak RSS, written to its own file), and this process's clock around it. */
function measure(timeFile: string, command: string, args: readonly string[], env?: NodeJS.ProcessEnv): Sample {
  const started = performance.now();
  try {
    execFileSync('/usr/bin/time', ['-o', timeFile, '-f', 'SGTIME %e %M %U %S', command, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      ...(env ? { env } : {}),
    });
  } catch (err) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${String((err as { stderr?: Buffer }).stderr ?? '').slice(-2000)}`);
  }
  const timerS = (performance.now() - started) / 1000;
  const [, s, kb, user, system] = (readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '').split(' ');
  return { timeS: Number(s), cpuS: Number(user) + Number(system), rssMb: Number(kb) / 1024, timerS };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function main(): void {
  // BENCH_KEEP=DIR: write the data and configs there, warm its caches and keep them (for profiling one run by hand).
  const kept = process.env.BENCH_KEEP;
  const dir = kept ? path.resolve(kept) : mkdtempSync(path.join(os.tmpdir(), 'sg-bench-data-'));
  mkdirSync(dir, { recursive: true });
  try {
    const timeFile = path.join(dir, 'time.txt');
    const data = path.join(dir, 'data.csv');
    makeData(data);
    const bytes = readFileSync(data).length;
    const configs = {
      default: path.join(dir, 'data.yml'),
      parallel1: path.join(dir, 'data-p1.yml'),
      iris: path.join(dir, 'iris.yml'),
    };
    writeFileSync(configs.default, sweepYaml(data, ''));
    writeFileSync(configs.parallel1, sweepYaml(data, 'parallel: 1\n'));
    writeFileSync(configs.iris, sweepYaml(IRIS, ''));
    const sweepgate = (config: string, cache: string): [string, string[]] => [
      'node',
      [CLI, 'run', config, '--cache-dir', cache, '--quiet', '--markdown', path.join(dir, 'report.md')],
    ];
    const warm = path.join(dir, 'warm');
    const warmP1 = path.join(dir, 'warm-p1');
    const variants: Record<string, () => [string, string[]]> = {
      'sweepgate cold': () => {
        rmSync(path.join(dir, 'cold'), { recursive: true, force: true });
        return sweepgate(configs.default, path.join(dir, 'cold'));
      },
      'sweepgate cached': () => sweepgate(configs.default, warm),
      'sweepgate cached, parallel: 1': () => sweepgate(configs.parallel1, warmP1),
      'pandas + PyTorch script': () => ['/usr/bin/python3', [path.resolve('bench/torch_data.py'), data]],
      'sweepgate, Iris (1 trial)': () => {
        rmSync(path.join(dir, 'iris-cache'), { recursive: true, force: true });
        return sweepgate(configs.iris, path.join(dir, 'iris-cache'));
      },
    };
    // Warm the caches the cached runs read (each from a cold run of its own config).
    execFileSync('node', sweepgate(configs.default, warm)[1], { stdio: 'ignore' });
    execFileSync('node', sweepgate(configs.parallel1, warmP1)[1], { stdio: 'ignore' });
    if (kept) {
      console.log(`kept in ${dir}: data.csv, data.yml, data-p1.yml, iris.yml; warm caches warm/ and warm-p1/`);
      return;
    }
    const names = Object.keys(variants);
    const samples = new Map<string, Sample[]>(names.map((n) => [n, []]));
    for (let round = 0; round < RUNS; round++) {
      const order = names.map((_, i) => names[(i + round) % names.length]!);
      for (const name of order) {
        const [command, args] = variants[name]!();
        const s = measure(timeFile, command, args, command === '/usr/bin/python3' ? TORCH_ENV : undefined);
        samples.get(name)!.push(s);
        process.stderr.write(
          `round ${round + 1}/${RUNS} ${name}: ${s.timeS.toFixed(2)} s (timer ${s.timerS.toFixed(2)} s, CPU ${s.cpuS.toFixed(2)} s), ${s.rssMb.toFixed(0)} MB\n`,
        );
      }
    }
    const script = median(samples.get('pandas + PyTorch script')!.map((s) => s.timeS));
    const scriptCpu = median(samples.get('pandas + PyTorch script')!.map((s) => s.cpuS));
    const iris = median(samples.get('sweepgate, Iris (1 trial)')!.map((s) => s.rssMb));
    console.log(
      `100,000 rows × 31 columns (${(bytes / 1e6).toFixed(1)} MB), one trial of one epoch; medians of ${RUNS} interleaved rounds, whole processes.\n`,
    );
    console.log(
      '| run | time (/usr/bin/time) | time (harness timer) | × the script | CPU time (user + sys) | CPU × the script | peak RSS | RSS over the Iris sweep |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const name of names) {
      const xs = samples.get(name)!;
      const t = median(xs.map((s) => s.timeS));
      const cpu = median(xs.map((s) => s.cpuS));
      const rss = median(xs.map((s) => s.rssMb));
      const over =
        name.startsWith('sweepgate') && !name.includes('Iris') ? `${((rss - iris) / (bytes / 1024 / 1024)).toFixed(1)}× the file` : '';
      console.log(
        `| ${name} | ${t.toFixed(2)} s | ${median(xs.map((s) => s.timerS)).toFixed(2)} s | ${(t / script).toFixed(2)} | ${cpu.toFixed(2)} s | ${(cpu / scriptCpu).toFixed(2)} | ${rss.toFixed(0)} MB | ${over} |`,
      );
    }
    console.log(
      `\nEvery run (elapsed s / CPU s / peak MB): ${names
        .map(
          (n) =>
            `${n}: ${samples
              .get(n)!
              .map((s) => `${s.timeS.toFixed(2)}/${s.cpuS.toFixed(2)}/${s.rssMb.toFixed(0)}`)
              .join(', ')}`,
        )
        .join('; ')}`,
    );
  } finally {
    if (!kept) rmSync(dir, { recursive: true, force: true });
  }
}

main();

import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { ResultsDoc } from '../../src/core/results.js';

// fixtures/wandb: sweep configs written for W&B, validated and run unchanged; the stub program records the
// exact argv each trial receives, which must be what W&B's agent would pass.
const fixtures = path.resolve(__dirname, '../../fixtures/wandb');

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

let dir: string;
let argvLog: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sg-wandb-'));
  await cp(fixtures, dir, { recursive: true });
  argvLog = path.join(dir, 'argv.jsonl');
  process.env.SWEEPGATE_FIXTURE_ARGV = argvLog;
  process.env.SWEEPGATE_FIXTURE_DATA = '/data/train';
});
afterEach(() => {
  delete process.env.SWEEPGATE_FIXTURE_ARGV;
  delete process.env.SWEEPGATE_FIXTURE_DATA;
});

async function run(config: string): Promise<{ doc: ResultsDoc; argvs: string[][]; programs: string[]; err: string }> {
  const json = path.join(dir, 'results.json');
  const r = await cli('run', path.join(dir, config), '--json', json, '--quiet');
  expect(r.code, r.err).toBe(0);
  const doc = JSON.parse(await readFile(json, 'utf8')) as ResultsDoc;
  const lines = (await readFile(argvLog, 'utf8').catch(() => '')).trim().split('\n').filter(Boolean);
  // The search trials run first; the champion's held-out seeds (recorded by a run without --baseline) come after.
  const entries = lines.map((l) => JSON.parse(l) as { argv: string[]; program: string }).slice(0, doc.trials.length);
  return { doc, argvs: entries.map((e) => e.argv), programs: entries.map((e) => e.program), err: r.err };
}

const sorted = (xs: string[][]): string[][] => [...xs].sort((a, b) => (a.join(' ') < b.join(' ') ? -1 : 1));

describe('fixtures/wandb: W&B sweep configs run unchanged', () => {
  it('every fixture validates; warnings are printed by validate', async () => {
    for (const f of [
      'grid-no-metric.yaml',
      'grid-macros.yaml',
      'module.yaml',
      'console-script.yaml',
      'keras-hyperband.yaml',
      'pytorch.yaml',
      'argparse.yaml',
    ]) {
      const r = await cli('validate', path.join(dir, f));
      expect(r.code, `${f}: ${r.err}`).toBe(0);
      expect(r.out).toContain(': valid (');
    }
    const r = await cli('validate', path.join(dir, 'grid-macros.yaml'));
    expect(r.err.trim().split('\n')).toEqual([
      'warning: parameters.epochs: is given 2 times; the last one is used, as PyYAML (W&B) does',
      "warning: command[6]: ${batch_size} is the value of parameter batch_size; W&B's agent expands only its own macros and would drop this item",
      expect.stringMatching(/^warning: command\[11\]: \$\{unknown_macro\} is not a macro .* the item is dropped, as W&B's agent drops it$/),
    ]);
  });

  it('validate --explain: each parameter as understood (W&B inference rule), the budget, the first command line', async () => {
    const r = await cli('validate', '--explain', path.join(dir, 'grid-macros.yaml'));
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines).toContain('  batch_size            categorical(values: [16, 32]) (inferred from values, as W&B infers it)');
    expect(lines).toContain('  units                 q_uniform(min: 140, max: 140.5, default q: 1.0); gives floats (distribution given)');
    expect(lines).toContain('budget: every one of 4 grid combinations, no time limit');
    const at = lines.indexOf(`command (in ${dir}):`);
    expect(lines[at + 1]).toBe(
      "  /usr/bin/env python stub.py --data /data/train -b 16 --workers 4 --scale 0.5 --batch_size=16 '--dims=[800, 600]' --epochs=3 " +
        "--lr=1e-06 --model.depth=2 '--optimizer={'\\''lr'\\'': 0.001, '\\''nadam'\\'': {'\\''beta'\\'': 0.9}}' '--tasks=['\\''mlm'\\'']' --units=140.0 --use_bias=True",
    );
    // The explained first trial is the one the sweep then runs first.
    const { argvs } = await run('grid-macros.yaml');
    expect(argvs[0]!.slice(0, 9)).toEqual(['--data', '/data/train', '-b', '16', '--workers', '4', '--scale', '0.5', '--batch_size=16']);
    const k = await cli('validate', '--explain', path.join(dir, 'keras-hyperband.yaml'));
    expect(k.out).toContain('  learning_rate  log_uniform_values(min: 0.0001, max: 1.0); gives floats (distribution given)');
    expect(k.out).toContain('early_terminate: hyperband (eta 2), checks at steps 2, 4, 8, 16, ...');
    const m = await cli('validate', '--explain', path.join(dir, 'pytorch.yaml'));
    expect(m.out).toContain('  lr      uniform(min: 0.01, max: 0.3); gives floats (distribution given)');
    expect(m.out).toMatch(/first trial \(seed \d+\): \{'hidden': \[(8, 8|64, 32)\], 'lr': 0\.\d+\}/);
  });

  it("grid-macros.yaml: every trial's argv is exactly what W&B's agent would pass", async () => {
    const { doc, argvs, programs } = await run('grid-macros.yaml');
    expect(doc.stats).toMatchObject({ trials: 4, failed: 0 });
    expect(new Set(programs)).toEqual(new Set(['stub.py']));
    const trial = (b: number, bias: string): string[] => [
      ...['--data', '/data/train', '-b', String(b), '--workers', '4', '--scale', '0.5'],
      `--batch_size=${b}`,
      '--dims=[800, 600]',
      '--epochs=3',
      '--lr=1e-06',
      '--model.depth=2',
      "--optimizer={'lr': 0.001, 'nadam': {'beta': 0.9}}",
      "--tasks=['mlm']",
      '--units=140.0',
      `--use_bias=${bias}`,
    ];
    expect(sorted(argvs)).toEqual(sorted([trial(16, 'True'), trial(16, 'False'), trial(32, 'True'), trial(32, 'False')]));
    // The trial key still sees plain JSON params: units is 140 there, nested parameters dotted.
    expect(doc.trials[0]!.params).toMatchObject({ units: 140, 'optimizer.lr': 0.001, 'optimizer.nadam.beta': 0.9, 'model.depth': 2 });
  });

  it('module.yaml: python -m ${program}, ${args_no_equals}, q_* without q gives floats, on/off booleans', async () => {
    const { argvs, programs } = await run('module.yaml');
    expect(programs).toEqual(['pkg.train', 'pkg.train']);
    for (const argv of argvs) {
      expect(argv).toHaveLength(6);
      expect(argv.filter((_, i) => i % 2 === 0)).toEqual(['--augment', '--hidden', '--optimizer']);
      expect(argv[1]).toMatch(/^(True|False)$/);
      expect(argv[3]).toMatch(/^\d+\.0$/);
      expect(argv[5]).toMatch(/^(adam|sgd)$/);
    }
  });

  it('console-script.yaml: the program runs directly; args_no_hyphens, boolean flags, hydra overrides, args_json', async () => {
    const { argvs } = await run('console-script.yaml');
    expect(sorted(argvs)).toEqual(
      sorted([
        ['fast=True', 'ratio=0.25', '--fast', '--ratio=0.25', '++fast=True', '++ratio=0.25', '{"fast": true, "ratio": 0.25}'],
        ['fast=False', 'ratio=0.25', '--ratio=0.25', '++fast=False', '++ratio=0.25', '{"fast": false, "ratio": 0.25}'],
      ]),
    );
  });

  it('argparse.yaml: str2bool, literal_eval lists and dicts and float flags all parse; every trial completes', async () => {
    const { doc, err } = await run('argparse.yaml');
    expect(doc.stats).toMatchObject({ trials: 8, failed: 0 });
    expect(err).toContain('warning: parameters.lr.values[0]: 1e-3 is read as the number 0.001; PyYAML (W&B) reads the string "1e-3"');
    expect(doc.best?.params).toMatchObject({ lr: 0.001, use_bias: true });
  });

  it('keras-hyperband.yaml: hyperband stops wandb-logging trials early; the rest run every epoch', async () => {
    const { doc } = await run('keras-hyperband.yaml');
    const steps = doc.trials.map((t) => ({ status: t.status, n: t.history?.length ?? 0 }));
    expect(steps.filter((s) => s.status === 'pruned').length).toBeGreaterThan(0);
    for (const s of steps) {
      if (s.status === 'pruned') expect(s.n).toBeLessThan(9);
      else expect(s).toEqual({ status: 'complete', n: 9 });
    }
    expect(Object.keys(doc.best!.metrics).sort()).toEqual(['best_val_loss', 'epoch', 'loss', 'val.accuracy', 'val_loss']);
  });

  it('pytorch.yaml: the sweep metric comes from wandb.summary', async () => {
    const { doc } = await run('pytorch.yaml');
    expect(doc.stats).toMatchObject({ trials: 3, failed: 0 });
    expect(doc.best?.metrics.final_val_loss).toBeGreaterThan(0);
  });

  it('grid-no-metric.yaml: every combination runs; no best, nothing gated, exit 0; max-regression is ignored with a warning', async () => {
    const json = path.join(dir, 'results.json');
    const r = await cli('run', path.join(dir, 'grid-no-metric.yaml'), '--json', json, '--max-regression', '1%');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('warning: max-regression is ignored: the sweep config has no metric, so there is nothing to gate');
    expect(r.err).toMatch(/\[4\] complete \(/);
    expect(r.out).toContain('🔎 Sweep done: 4 trials ran (0 failed). The config has no `metric:`');
    const doc = JSON.parse(await readFile(json, 'utf8')) as ResultsDoc;
    expect(doc.best).toBeNull();
    expect(doc.trials.map((t) => t.status)).toEqual(['complete', 'complete', 'complete', 'complete']);
    const argvs = (await readFile(argvLog, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { argv: string[] }).argv);
    expect(sorted(argvs)).toEqual(
      sorted([
        ['--model=small', '--seed=1'],
        ['--model=large', '--seed=1'],
        ['--model=small', '--seed=2'],
        ['--model=large', '--seed=2'],
      ]),
    );
  });
});

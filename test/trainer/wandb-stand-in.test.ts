import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { wandbStandInDir } from '../../src/trainer/program/environment.js';
import { parseWandbEvent } from '../../src/trainer/program/output-lines.js';
import { createCommandObjective } from '../../src/trainer/program/program-objective.js';
import { cleanupTempDirs, recordingCtx, repoRoot, tempDir } from './helpers.js';

// sweepgate's offline `wandb` stand-in (python/wandb) under real wandb-instrumented scripts, run by system python3.
afterAll(cleanupTempDirs);

const configDir = path.join(repoRoot, 'fixtures/wandb');
const standIn = wandbStandInDir()!;
const PY = ['${env}', 'python3', '${program}', '${args}'];
const objective = (program: string, metricName = 'val_loss', command = PY) =>
  createCommandObjective(
    { program, command, programAsWritten: program, programKind: 'file', wandb: 'stand-in' },
    { configDir, metricName },
  );

/** Runs a snippet under the stand-in, with sockets made to fail, so any network use would show. */
function python(code: string, env: Record<string, string> = {}): { stdout: string; stderr: string; status: number | null } {
  const guard =
    'import socket\ndef _no(*a, **k): raise RuntimeError("network used")\nsocket.socket = _no\nsocket.create_connection = _no\n';
  const r = spawnSync('python3', ['-c', guard + code], { env: { ...process.env, PYTHONPATH: standIn, ...env }, encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('wandb stand-in module', () => {
  test('is found beside the sources and is what `import wandb` gives', () => {
    expect(standIn).toBe(path.join(repoRoot, 'python'));
    const r = python('import wandb\nprint(wandb.STAND_IN, wandb.__file__)');
    expect(r.stdout.trim()).toBe(`True ${path.join(standIn, 'wandb', '__init__.py')}`);
  });

  test("config: the sweep's values over the script's defaults, attribute and item access, get, update, setdefaults", () => {
    const code = `
import wandb
run = wandb.init(config={"lr": 0.1, "epochs": 3, "opt": {"name": "sgd"}})
c = wandb.config
assert c is run.config
print(c.lr, c["epochs"], c.get("missing", "dflt"), c.opt, "lr" in c, sorted(c.keys()))
c.update({"lr": 5, "extra": 1})
c.setdefaults({"epochs": 99, "seed": 4})
print(c.lr, c.extra, c.epochs, c.seed)
`;
    const r = python(code, { SWEEPGATE_WANDB_CONFIG: '{"lr": 0.001, "opt": {"name": "adam", "beta": 0.9}, "units": 140.0}' });
    expect(r.stderr).toContain("config item 'lr' is set by the sweep; update ignored");
    expect(r.stdout.split('\n').slice(0, 2)).toEqual([
      "0.001 3 dflt {'name': 'adam', 'beta': 0.9} True ['epochs', 'lr', 'opt', 'units']",
      '0.001 1 3 4',
    ]);
  });

  test('log rows, commit=False and explicit steps, summary; everything else ignored and named once on stderr; no network', () => {
    const dir = tempDir('wandb');
    const events = path.join(dir, 'events.jsonl');
    const code = `
import os, wandb
os.environ["SWEEPGATE_WANDB_FD"] = str(os.open(${JSON.stringify(events)}, os.O_WRONLY | os.O_CREAT))
wandb.login(); run = wandb.init(project="p", entity="e")
wandb.watch(object()); wandb.define_metric("loss", summary="min")
run.log({"a": 1}, commit=False); run.log({"b": 2.5, "img": wandb.Image(None), "t": wandb.Table(columns=[])})
run.log({"c": 3}, step=5); run.log({"d": 4}, step=5); run.log({"e": 1}, step=2)
run.summary["best"] = 0.25; wandb.summary.update({"note": "text", "x": 1})
from wandb.integration.keras import WandbMetricsLogger
WandbMetricsLogger(log_freq=5)
run.log_artifact(wandb.Artifact("m", type="model")); wandb.save("*.pt")
wandb.finish()
`;
    const r = python(code);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('step 2 is before the current step 5; ignored');
    expect(r.stderr.trim().split('\n').pop()).toBe(
      'wandb (sweepgate stand-in, offline): ignored wandb.login, wandb.watch, wandb.define_metric, wandb.Image, wandb.Table, ' +
        'wandb.integration.keras.WandbMetricsLogger, wandb.Artifact, run.log_artifact, wandb.save',
    );
    const lines = spawnSync('cat', [events], { encoding: 'utf8' })
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown);
    expect(lines).toEqual([
      { log: { a: 1, b: 2.5 }, step: 0 },
      { summary: { best: 0.25 } },
      { summary: { x: 1 } },
      { log: { c: 3, d: 4 }, step: 5 },
      { finish: true },
      { ignored: expect.arrayContaining(['wandb.login', 'wandb.watch', 'wandb.save']) as unknown },
    ]);
  });

  test('a script that drives its own sweep (wandb.sweep + wandb.agent(sweep_id, train)) runs train once, as the trial', () => {
    const code = `
import wandb
calls = []
def train():
    run = wandb.init()
    calls.append(run.config.get("lr"))
sweep_id = wandb.sweep({"method": "grid"}, project="p")
wandb.agent(sweep_id, function=train, count=5)
print(calls, wandb.run)
`;
    expect(python(code, { SWEEPGATE_WANDB_CONFIG: '{"lr": 0.5}' }).stdout.trim()).toBe('[0.5] None');
  });

  test('parseWandbEvent: rows and summaries of numbers; NaN (sent as text) is non-finite', () => {
    expect(parseWandbEvent('{"log": {"loss": 0.5}, "step": 0}')).toEqual({ kind: 'log', metrics: { loss: 0.5 } });
    expect(parseWandbEvent('{"summary": {"best": 1}}')).toEqual({ kind: 'summary', metrics: { best: 1 } });
    expect(parseWandbEvent('{"log": {"loss": "nan"}}')).toEqual({ kind: 'nonfinite', text: 'loss=nan' });
    expect(parseWandbEvent('{"finish": true}').kind).toBe('finish');
    expect(parseWandbEvent('garbage').kind).toBe('other');
  });
});

describe('wandb-instrumented scripts run unchanged as trials', () => {
  test('Keras-style: per-epoch wandb.log feeds the pruner; summary and nested keys are metrics; sweep params override defaults', async () => {
    const ctx = recordingCtx(1);
    const logged: string[] = [];
    const o = createCommandObjective(
      { program: 'train_keras_style.py', command: PY },
      { configDir, metricName: 'val_loss', log: (m) => logged.push(m) },
    );
    const r = await o.run({ learning_rate: 0.03, epochs: 4 }, ctx);
    await o.run({ learning_rate: 0.01, epochs: 2 }, recordingCtx(2));
    // One line in sweepgate's log naming what was ignored, not one per trial.
    expect(logged).toEqual(['wandb stand-in (offline): ignored wandb.watch, wandb.Table, wandb.Table.add_data, wandb.Image']);
    expect(ctx.reports.map((x) => x.step)).toEqual([1, 2, 3, 4]); // epochs: 4 from the sweep, not the script's 8
    expect(Object.keys(r.metrics).sort()).toEqual(['best_val_loss', 'epoch', 'loss', 'val.accuracy', 'val_loss']);
    expect(r.metrics.best_val_loss).toBeLessThanOrEqual(r.metrics.val_loss!);
  });

  test('PyTorch-style: commit=False rows merge into the next log; wandb.summary sets a final metric', async () => {
    const ctx = recordingCtx(1);
    const r = await objective('train_pytorch_style.py', 'final_val_loss').run({ lr: 0.2, hidden: [8, 8] }, ctx);
    expect(ctx.reports).toHaveLength(6);
    expect(Object.keys(ctx.reports[0]!.metrics).sort()).toEqual(['epoch', 'train/loss', 'val_loss']);
    expect(r.metrics.final_val_loss).toBe(r.metrics.val_loss);
  });

  test('argparse + wandb: the flags W&B writes (True, [800, 600], dicts, 140.0) parse', async () => {
    const o = createCommandObjective(
      {
        program: 'train_argparse.py',
        command: PY,
        pyNumbers: { units: { kind: 'float' } },
        paramPaths: { 'optimizer.name': ['optimizer', 'name'] },
      },
      { configDir, metricName: 'loss' },
    );
    const r = await o.run(
      { lr: 0.001, units: 140, use_bias: false, layers: [800, 600], 'optimizer.name': 'adam', mode: 'False' },
      recordingCtx(1),
    );
    expect(r.metrics.loss).toBeCloseTo(0.5 + 0.02 + 0.14, 10);
  });

  test('wandb.finish() ends the run: later logs count for nothing; wandb.log before wandb.init raises as the real client does', async () => {
    const dir = tempDir('wandb-finish');
    writeFileSync(
      path.join(dir, 'after.py'),
      'import wandb\nrun = wandb.init()\nwandb.log({"val_loss": 1.0})\nwandb.finish()\ntry:\n    run.log({"val_loss": 0.5})\nexcept wandb.Error as e:\n    print("refused:", e)\n' +
        'try:\n    wandb.log({"val_loss": 0.1})\nexcept wandb.Error as e:\n    print("refused:", e)\n',
    );
    const o = createCommandObjective({ program: 'after.py', command: PY }, { configDir: dir, metricName: 'val_loss' });
    const ctx = recordingCtx(1);
    expect((await o.run({}, ctx)).metrics).toEqual({ val_loss: 1 });
    expect(ctx.reports).toHaveLength(1);
    const r = python('import wandb\ntry:\n    wandb.log({"a": 1})\nexcept wandb.Error as e:\n    print(e)\n');
    expect(r.stdout.trim()).toBe('You must call wandb.init() before wandb.log()');
  });

  test('a pruned wandb script is stopped early (SIGTERM) and keeps the steps it logged', async () => {
    const dir = tempDir('wandb-prune');
    writeFileSync(
      path.join(dir, 'slow.py'),
      'import time, wandb\nwandb.init()\nfor e in range(100):\n    wandb.log({"val_loss": 1.0 / (e + 1)})\n    time.sleep(0.05)\n',
    );
    const o = createCommandObjective({ program: 'slow.py', command: PY }, { configDir: dir, metricName: 'val_loss' });
    const started = Date.now();
    const ctx = recordingCtx(1, 3);
    await o.run({}, ctx);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(ctx.reports.length).toBeGreaterThanOrEqual(3);
    expect(ctx.reports.length).toBeLessThan(20);
  });

  test("WANDB_SWEEP_PARAM_PATH holds the run config as W&B's agent writes it ({name: {value: v}}), floats as floats", async () => {
    const dir = tempDir('wandb-param-path');
    const out = path.join(dir, 'seen.txt');
    writeFileSync(
      path.join(dir, 'p.py'),
      `import os, json\nopen(${JSON.stringify(out)}, "w").write(open(os.environ["WANDB_SWEEP_PARAM_PATH"]).read())\nprint(json.dumps({"loss": 1}))\n`,
    );
    const o = createCommandObjective(
      { program: 'p.py', command: PY, pyNumbers: { units: { kind: 'float' } }, paramPaths: { units: ['units'], 'opt.lr': ['opt', 'lr'] } },
      { configDir: dir, metricName: 'loss' },
    );
    await o.run({ units: 140, 'opt.lr': 0.1 }, recordingCtx(1));
    expect(readFileSync(out, 'utf8')).toBe('{"opt": {"value": {"lr": 0.1}}, "units": {"value": 140.0}}');
  });

  test('wandb: real leaves PYTHONPATH alone (import wandb then fails here, where the real client is not installed)', async () => {
    const o = createCommandObjective(
      { program: 'train_keras_style.py', command: PY, wandb: 'real' },
      { configDir, metricName: 'val_loss' },
    );
    await expect(o.run({}, recordingCtx(1))).rejects.toThrow(/No module named 'wandb'/);
  });

  test("W&B's ${interpreter} (python) runs where only python3 is on PATH", async () => {
    const saved = process.env.PATH;
    process.env.PATH = '/usr/bin:/bin'; // python3, but no python
    try {
      const o = createCommandObjective(
        { program: 'train_keras_style.py', command: ['${env}', '${interpreter}', '${program}', '${args}'] },
        { configDir, metricName: 'val_loss' },
      );
      const r = await o.run({ epochs: 2 }, recordingCtx(1));
      expect(r.metrics.epoch).toBe(2);
    } finally {
      process.env.PATH = saved;
    }
  });
});

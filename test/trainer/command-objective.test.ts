import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { TrialError } from '../../src/core/errors.js';
import { hashJson, sha256Hex } from '../../src/core/hash.js';
import { nestParams } from '../../src/core/command.js';
import { parseMetricsLine } from '../../src/trainer/program/output-lines.js';
import { createCommandObjective, expandCommand } from '../../src/trainer/program/program-objective.js';
import { cleanupTempDirs, recordingCtx, repoRoot, tempDir } from './helpers.js';

afterAll(cleanupTempDirs);

const configDir = path.join(repoRoot, 'test/trainer/fixtures');
const program = 'train-command.mjs';
const opts = { configDir, metricName: 'val_loss' };
const objective = (command: string[] = []) => createCommandObjective({ program, command }, opts);

describe('macro expansion (W&B agent semantics)', () => {
  const x = { program: 'train.py', params: { lr: 0.1, opt: 'adam', layers: [1, 2], flag: true }, argsJsonFile: '/tmp/p.json' };

  test('the default command is ${env} ${interpreter} ${program} ${args}: python, the program as written, str() values', () => {
    expect(expandCommand([], x)).toEqual([
      '/usr/bin/env',
      'python',
      'train.py',
      '--flag=True',
      '--layers=[1, 2]',
      '--lr=0.1',
      '--opt=adam',
    ]);
  });

  test('${interpreter} is python as in W&B; node for .js/.mjs/.cjs and bash for .sh are sweepgate additions', () => {
    const cmd = ['${interpreter}', '${program}'];
    expect(expandCommand(cmd, { ...x, program: '/w/t.js' })).toEqual([process.execPath, '/w/t.js']);
    expect(expandCommand(cmd, { ...x, program: '/w/t.mjs' })[0]).toBe(process.execPath);
    expect(expandCommand(cmd, { ...x, program: '/w/t.cjs' })[0]).toBe(process.execPath);
    expect(expandCommand(cmd, { ...x, program: '/w/t.sh' })).toEqual(['bash', '/w/t.sh']);
    expect(expandCommand(cmd, { ...x, program: 'pkg.train' })).toEqual(['python', 'pkg.train']);
  });

  test('args_no_hyphens, args_no_equals, hydra forms, args_json as json.dumps writes it', () => {
    expect(expandCommand(['${args_no_hyphens}'], x)).toEqual(['flag=True', 'layers=[1, 2]', 'lr=0.1', 'opt=adam']);
    expect(expandCommand(['${args_no_equals}'], x)).toEqual(['--flag', 'True', '--layers', '[1, 2]', '--lr', '0.1', '--opt', 'adam']);
    expect(expandCommand(['${args_append_hydra}'], { ...x, params: { lr: 0.1 } })).toEqual(['+lr=0.1']);
    expect(expandCommand(['${args_override_hydra}'], { ...x, params: { lr: 0.1 } })).toEqual(['++lr=0.1']);
    expect(expandCommand(['run', '${args_json}'], x)).toEqual(['run', '{"flag": true, "layers": [1, 2], "lr": 0.1, "opt": "adam"}']);
  });

  test('unknown whole-item macros are dropped; macros inside an item: known ones expanded, unknown ones kept', () => {
    expect(expandCommand(['--config=${args_json_file}', '${project}', 'x${project}'], x)).toEqual(['--config=/tmp/p.json', 'x${project}']);
  });

  test('${envvar:NAME} anywhere in an item, NAME itself when unset; a parameter as a whole item is its value', () => {
    const env = { DATA_DIR: '/data' };
    expect(expandCommand(['--data=${envvar:DATA_DIR}/x', '${envvar:NOPE_UNSET}', '-b', '${lr}'], { ...x, env })).toEqual([
      '--data=/data/x',
      'NOPE_UNSET',
      '-b',
      '0.1',
    ]);
  });

  test('integral floats print as floats where the config says so; ints stay ints', () => {
    const params = { units: 140, depth: 3, dims: [800, 600] };
    const pyNumbers = {
      units: { kind: 'float' as const },
      depth: { kind: 'int' as const },
      dims: { kind: 'choices' as const, choices: [{ value: [800, 600], floats: [[0]] }] },
    };
    expect(expandCommand(['${args}'], { ...x, params, pyNumbers })).toEqual(['--depth=3', '--dims=[800.0, 600]', '--units=140.0']);
    expect(expandCommand(['${args_json}'], { ...x, params, pyNumbers })).toEqual(['{"depth": 3, "dims": [800.0, 600], "units": 140.0}']);
  });
});

describe('W&B macros for booleans and nested parameters', () => {
  const x = { program: '/w/train.py', params: { lr: 0.1, fast: true, slow: false, opt: 'adam' }, argsJsonFile: '/tmp/p.json' };
  const nested = {
    program: '/w/train.py',
    params: { epochs: 3, 'optimizer.lr': 0.1, 'optimizer.name': 'adam' },
    argsJsonFile: '/tmp/p.json',
  };

  test('${args_no_boolean_flags}: --k for true, nothing for false, --k=v otherwise', () => {
    expect(expandCommand(['${args_no_boolean_flags}'], x)).toEqual(['--fast', '--lr=0.1', '--opt=adam']);
    expect(expandCommand(['run ${args_no_boolean_flags}'], x)).toEqual(['run --fast --lr=0.1 --opt=adam']);
    expect(expandCommand(['${args}'], x)).toEqual(['--fast=True', '--lr=0.1', '--opt=adam', '--slow=False']);
  });

  test('nested parameters: one argument per top-level key with the dict repr; a dotted top-level name stays flat', () => {
    expect(expandCommand(['${args_json}'], nested)).toEqual(['{"epochs": 3, "optimizer": {"lr": 0.1, "name": "adam"}}']);
    expect(expandCommand(['${args}'], nested)).toEqual(['--epochs=3', "--optimizer={'lr': 0.1, 'name': 'adam'}"]);
    const paramPaths = { epochs: ['epochs'], 'optimizer.lr': ['optimizer.lr'], 'optimizer.name': ['optimizer', 'name'] };
    expect(expandCommand(['${args}'], { ...nested, paramPaths })).toEqual([
      '--epochs=3',
      "--optimizer={'name': 'adam'}",
      '--optimizer.lr=0.1',
    ]);
  });

  test('nestParams: several levels; a name whose prefix is itself a parameter stays as written', () => {
    expect(nestParams({ 'a.b.c': 1, 'a.d': 2, e: 3 })).toEqual({ a: { b: { c: 1 }, d: 2 }, e: 3 });
    expect(nestParams({ a: 1, 'a.b': 2 })).toEqual({ a: 1, 'a.b': 2 });
    expect(nestParams({ 'a.b': [1], 'a.b.c': 2 })).toEqual({ a: { b: [1] }, 'a.b.c': 2 });
    const proto = nestParams({ '__proto__.x': 1 });
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(JSON.stringify(proto)).toBe('{"__proto__":{"x":1}}');
  });

  test('the program sees nested params in SWEEPGATE_PARAMS and ${args_json_file}, and bare boolean flags', async () => {
    const dir = tempDir('command');
    writeFileSync(
      path.join(dir, 'nested.mjs'),
      `import { readFileSync } from 'node:fs';
const env = JSON.parse(process.env.SWEEPGATE_PARAMS);
const file = JSON.parse(readFileSync(process.argv[2], 'utf8'));
console.log(JSON.stringify({ val_loss: env.optimizer.lr, file_lr: file.optimizer.lr, fast: process.argv.includes('--fast') ? 1 : 0, words: process.argv.length - 3 }));
`,
    );
    const o = createCommandObjective(
      { program: 'nested.mjs', command: ['${env}', 'node', '${program}', '${args_json_file}', '${args_no_boolean_flags}'] },
      { ...opts, configDir: dir },
    );
    expect((await o.run({ 'optimizer.lr': 0.25, fast: true }, recordingCtx(1))).metrics).toEqual({
      val_loss: 0.25,
      file_lr: 0.25,
      fast: 1,
      words: 2,
    });
    expect((await o.run({ 'optimizer.lr': 0.5, fast: false }, recordingCtx(1))).metrics).toEqual({
      val_loss: 0.5,
      file_lr: 0.5,
      fast: 0,
      words: 1,
    });
  });
});

describe('metrics lines', () => {
  test('a JSON object of numbers is a report; step or epoch is its step', () => {
    expect(parseMetricsLine('{"epoch": 2, "loss": 0.5}')).toEqual({ kind: 'report', step: 2, metrics: { loss: 0.5 } });
    expect(parseMetricsLine(' {"step": 7, "epoch": 1, "loss": 1} ')).toEqual({ kind: 'report', step: 7, metrics: { epoch: 1, loss: 1 } });
    expect(parseMetricsLine('{"loss": 1}')).toEqual({ kind: 'report', step: undefined, metrics: { loss: 1 } });
  });

  test('anything else is ignored; NaN/Infinity (as Python prints them) is a failure', () => {
    for (const line of ['epoch 1 loss 0.5', '{"msg": "hi"}', '{"epoch": 3}', '[1,2]', '{not json}', 'loss=0.5'])
      expect(parseMetricsLine(line)).toEqual({ kind: 'other' });
    expect(parseMetricsLine('{"epoch": 2, "val_loss": NaN}')).toEqual({ kind: 'nonfinite' });
    expect(parseMetricsLine('{"val_loss": -Infinity}')).toEqual({ kind: 'nonfinite' });
    expect(parseMetricsLine('{"msg": "NaN"}')).toEqual({ kind: 'other' });
  });
});

describe('command objective', () => {
  test('runs the program with ${args} in the config folder; each metrics line is reported; the last values are final', async () => {
    const o = objective();
    expect(o.backend).toBe('process');
    const ctx = recordingCtx(1234);
    const r = await o.run({ lr: 0.5, epochs: 3, expect_cwd: configDir }, ctx);
    expect(ctx.reports.map((s) => s.step)).toEqual([1, 2, 3]);
    expect(r.metrics).toEqual({ val_loss: 0.5 / 3 + 234 / 1e6, seed: 1234, cwd_is_config_dir: 1 });
    expect(ctx.reports[0]!.metrics.val_loss).toBeCloseTo(0.5 + 234 / 1e6, 12);
  });

  test("a final summary line adds to the last epoch's metrics", async () => {
    const r = await objective().run({ epochs: 2, summary: 1 }, recordingCtx(1));
    expect(r.metrics.test_accuracy).toBe(0.75);
    expect(r.metrics.val_loss).toBeCloseTo(0.1 / 2 + 1 / 1e6, 12);
  });

  test('${args_json_file}: params in a temporary JSON file, removed afterwards', async () => {
    const o = objective(['${env}', 'node', '${program}', '--json-file=${args_json_file}']);
    const r = await o.run({ lr: 0.2, epochs: 1, expect_cwd: configDir }, recordingCtx(0));
    expect(r.metrics).toEqual({ val_loss: 0.2, seed: 0, cwd_is_config_dir: 1 });
  });

  test('a non-zero exit fails the trial with the status and the tail of stderr', async () => {
    const err = await objective()
      .run({ fail: 'data.csv' }, recordingCtx(1))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TrialError);
    expect(String(err)).toMatch(
      /train-command\.mjs --fail=data\.csv exited with status 3; last lines of stderr:\nloading data\.\.\.\nError: could not open data\.csv/,
    );
  });

  test('pruning stops the program', async () => {
    const ctx = recordingCtx(1, 2);
    const started = Date.now();
    const r = await objective().run({ epochs: 100, sleep: 50 }, ctx);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(ctx.reports).toHaveLength(2);
    expect(r.metrics.val_loss).toBe(ctx.reports[1]!.metrics.val_loss);
  });

  test('cancellation kills the program and fails the trial', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort('time budget'), 200);
    await expect(objective().run({ epochs: 100, sleep: 50 }, { ...recordingCtx(1), signal: ac.signal })).rejects.toThrow(
      /cancelled: time budget/,
    );
  });

  test('no metrics, a missing sweep metric, a NaN metric', async () => {
    const dir = tempDir('command');
    writeFileSync(path.join(dir, 'quiet.js'), `console.log('done');\n`);
    await expect(
      createCommandObjective({ program: 'quiet.js', command: [] }, { ...opts, configDir: dir }).run({}, recordingCtx(1)),
    ).rejects.toThrow(/reported no metrics: call wandb.log\(\{"val_loss": 0\.5\}\) or print JSON lines such as \{"val_loss": 0\.5\}/);
    await expect(createCommandObjective({ program, command: [] }, { ...opts, metricName: 'auc' }).run({}, recordingCtx(1))).rejects.toThrow(
      /never reported the sweep metric "auc" \(reported: val_loss, seed, cwd_is_config_dir\)/,
    );
    await expect(objective().run({ nan: 1 }, recordingCtx(1))).rejects.toThrow(
      /reported a non-finite metric: \{"epoch": 2, "val_loss": NaN\}/,
    );
  });

  test('a program that cannot be started or read', async () => {
    expect(() => createCommandObjective({ program: 'missing.py', command: [] }, opts)).toThrow(TrialError);
    expect(() => createCommandObjective({ program: 'missing.py', command: [] }, opts)).toThrow(/program .*missing\.py cannot be read/);
    const o = createCommandObjective({ program, command: ['/no/such/interpreter', '${program}'] }, opts);
    await expect(o.run({}, recordingCtx(1))).rejects.toThrow(/cannot run \/no\/such\/interpreter .*ENOENT/);
  });

  test('the fingerprint covers the program bytes and the command', () => {
    const dir = tempDir('command');
    const bytes = readFileSync(path.join(configDir, program));
    writeFileSync(path.join(dir, 'copy.mjs'), bytes);
    const base = objective().fingerprint;
    expect(createCommandObjective({ program: path.join(dir, 'copy.mjs'), command: [] }, opts).fingerprint).toBe(base);
    expect(objective(['${env}', '${interpreter}', '${program}', '${args}']).fingerprint).toBe(base); // the default, spelled out
    // Unchanged since before module and console-script programs: existing trial keys stay valid.
    expect(base).toBe(
      hashJson({ kind: 'sweepgate-command', program: sha256Hex(bytes), command: ['${env}', '${interpreter}', '${program}', '${args}'] }),
    );
    expect(objective(['${env}', 'node', '${program}', '${args}']).fingerprint).not.toBe(base);
    writeFileSync(path.join(dir, 'copy.mjs'), Buffer.concat([bytes, Buffer.from('\n')]));
    expect(createCommandObjective({ program: path.join(dir, 'copy.mjs'), command: [] }, opts).fingerprint).not.toBe(base);
  });
});

describe('programs that are not files beside the config', () => {
  test('a module (python -m) is fingerprinted by its file under the config folder, else by name; a console script likewise', () => {
    const dir = tempDir('module');
    mkdirSync(path.join(dir, 'pkg'));
    writeFileSync(path.join(dir, 'pkg', 'train.py'), 'print(1)\n');
    const mod = (program: string) =>
      createCommandObjective(
        { program: path.join(dir, program), programAsWritten: program, programKind: 'module', command: ['python', '-m', '${program}'] },
        { ...opts, configDir: dir },
      );
    const a = mod('pkg.train').fingerprint;
    writeFileSync(path.join(dir, 'pkg', 'train.py'), 'print(2)\n');
    expect(mod('pkg.train').fingerprint).not.toBe(a); // its code is part of the key
    expect(() => mod('installed.elsewhere')).not.toThrow(); // not a file here: keyed by name
    const script = createCommandObjective(
      { program: path.join(dir, 'trainer-cli'), programAsWritten: 'trainer-cli', programKind: 'command', command: ['${program}'] },
      { ...opts, configDir: dir },
    );
    expect(script.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(() => createCommandObjective({ program: path.join(dir, 'missing.py'), command: [] }, { ...opts, configDir: dir })).toThrow(
      /cannot be read/,
    );
  });
});

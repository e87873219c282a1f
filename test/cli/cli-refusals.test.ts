import { readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { BAD, CORPUS, MALFORMED_DIR } from '../core/bad-configs.js';

// The CLI's refusals: exit 2 with one message naming what is wrong, before any trial runs (and its version, help).

const fixture = path.resolve(__dirname, '../../fixtures/sweeps/quadratic');

async function workdir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sg-cli-'));
  await cp(fixture, dir, { recursive: true });
  return dir;
}

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

describe('sweepgate CLI: what it refuses', () => {
  it('exits 2 with the path and the bad value for an invalid config, never a stack trace', async () => {
    const dir = await workdir();
    await writeFile(
      path.join(dir, 'bad.yml'),
      'method: bayesian\nmetric: {name: loss}\nobjective: ./objective.mjs\nparameters: {x: {min: 1, max: 0}}\n',
    );
    const r = await cli('run', path.join(dir, 'bad.yml'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('method');
    expect(r.err).toContain('bayesian');
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it.each(BAD)('exits 2 naming the path for a bad config: %s', async (_what, text, where, message) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sg-bad-'));
    await writeFile(path.join(dir, 'sweep.yml'), text);
    const r = await cli('run', path.join(dir, 'sweep.yml'));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(where ? `${where}: ` : 'invalid config');
    expect(r.err).toContain(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  describe('the malformed-config corpus (fixtures/configs/malformed)', () => {
    it('has at least 50 files, each listed with its expected message, none a copy of a table case', () => {
      const files = readdirSync(MALFORMED_DIR)
        .filter((f) => f !== 'expected.json')
        .sort();
      expect(files.length).toBeGreaterThanOrEqual(50);
      expect(CORPUS.map(([f]) => f).sort()).toEqual(files);
      const table = new Set(BAD.map(([, text]) => text));
      for (const f of files) expect(table.has(readFileSync(path.join(MALFORMED_DIR, f), 'latin1'))).toBe(false);
    });

    it.each(CORPUS)('%s: exit 2, one message naming %j, no stack trace', async (file, where, message) => {
      const configPath = path.join(MALFORMED_DIR, file);
      const r = await cli('run', configPath, '--cache-dir', path.join(tmpdir(), 'sg-never-used'));
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      const lines = r.err.trimEnd().split('\n');
      expect(lines[0]).toBe('sweepgate: invalid config');
      expect(lines).toHaveLength(2);
      expect(lines[1]!.trim()).toContain(`${where ? `${where}: ` : ''}${message.replace('<file>', configPath)}`);
      expect(r.err).not.toMatch(/\n\s+at /);
    });

    it('a 10 MB file is refused by its size, before it is read', async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'sg-big-'));
      const big = path.join(dir, 'sweep.yml');
      await writeFile(big, `${'# padding\n'.repeat(1_048_576)}method: random\n`);
      const r = await cli('validate', big);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`config ${big} is 10.0 MB; a sweep config is at most 1 MB`);
    });
  });

  it('exits 2 when the data does not fit the trainer spec (missing target column)', async () => {
    const dir = await workdir();
    await writeFile(path.join(dir, 'data.csv'), 'a,b\n1,x\n2,y\n3,x\n4,y\n');
    await writeFile(
      path.join(dir, 'bad-data.yml'),
      'method: random\nrun_cap: 1\ntrainer: {type: tabular, data: data.csv, target: label, task: classification}\nparameters: {epochs: {value: 1}}\n',
    );
    const r = await cli('run', path.join(dir, 'bad-data.yml'), '--backend', 'cpu');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/invalid data: .*data\.csv.*label/);
  });

  it('exits 2 on bad arguments', async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli('fly', 'x.yml')).code).toBe(2);
    expect((await cli('run')).code).toBe(2);
    expect((await cli('run', 'x.yml', '--seed', 'abc')).err).toContain('--seed must be an integer but got "abc"');
    expect((await cli('run', 'x.yml', '--backend', 'gpu')).code).toBe(2);
    expect((await cli('run', 'x.yml', '--parallel', '0')).err).toContain('--parallel must be between 1 and 64 but got 0');
    expect((await cli('run', 'x.yml', '--frobnicate')).code).toBe(2);
    expect((await cli('run', path.join(tmpdir(), 'does-not-exist.yml'))).code).toBe(2);
  });

  it('exits 2 naming the key when the objective module, program or data file is missing (validate too)', async () => {
    const dir = await workdir();
    const cases: [string, string][] = [
      [
        'method: random\nmetric: {name: loss}\nobjective: ./missing.mjs\nparameters: {x: {values: [1]}}\n',
        'objective: file not found, got "missing.mjs"',
      ],
      [
        'method: random\nmetric: {name: loss}\nprogram: train.py\nparameters: {x: {values: [1]}}\n',
        'program: file not found, got "train.py"',
      ],
      [
        'method: random\ntrainer: {type: tabular, data: none.csv, target: y, task: regression}\nparameters: {epochs: {value: 1}}\n',
        'trainer.data: file not found, got "none.csv"',
      ],
    ];
    for (const [text, message] of cases) {
      await writeFile(path.join(dir, 'm.yml'), text);
      for (const command of ['run', 'validate']) {
        const r = await cli(command, path.join(dir, 'm.yml'));
        expect(r.code).toBe(2);
        expect(r.err).toContain(message);
      }
    }
  });

  it('exits 2 when the baseline file is not a results document', async () => {
    const dir = await workdir();
    await writeFile(path.join(dir, 'b.json'), '{"hello": 1}');
    const r = await cli('run', path.join(dir, 'sweep.yml'), '--baseline', path.join(dir, 'b.json'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('not a sweepgate results JSON');
  });

  it('prints its version', async () => {
    const r = await cli('--version');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^sweepgate \S+\n$/);
  });

  it('validate rejects a fingerprint glob that matches nothing', async () => {
    const dir = await workdir();
    await writeFile(path.join(dir, 'sweep.yml'), `${await readFile(path.join(dir, 'sweep.yml'), 'utf8')}fingerprint: [data/*.csv]\n`);
    const r = await cli('validate', path.join(dir, 'sweep.yml'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('fingerprint[0]: matches no file');
  });

  it('validate checks a config without running it', async () => {
    const r = await cli('validate', path.join(fixture, 'sweep.yml'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('valid');
  });
});

import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { ResultsDoc } from '../../src/core/results.js';
import { readImageBaseModel } from '../../src/trainer/image/image-model-file.js';

// The conv-net fine-tuning regime end to end from the CLI (fixtures/sweeps/digits-finetune): a sweep pre-trains
// on the digits 0-4 and saves its best model; a second sweep fine-tunes it on the digits 5-9 with both conv
// layers frozen (a new head), and saves that.
const fixtures = path.resolve(__dirname, '../../fixtures');

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

describe('fine-tuning a conv net from the CLI (digits 0-4, then 5-9)', () => {
  it('pre-trains and saves, then fine-tunes a new head with the conv layers frozen bit for bit', { timeout: 600_000 }, async () => {
    // A copy of the fixture with its data, so the saved models land in a temporary folder.
    const dir = await mkdtemp(path.join(tmpdir(), 'sg-finetune-'));
    const sweeps = path.join(dir, 'sweeps/digits-finetune');
    mkdirSync(sweeps, { recursive: true });
    mkdirSync(path.join(dir, 'data'));
    for (const f of ['pretrain.yml', 'finetune.yml']) copyFileSync(path.join(fixtures, 'sweeps/digits-finetune', f), path.join(sweeps, f));
    for (const f of ['digits-0-4.csv', 'digits-5-9.csv']) copyFileSync(path.join(fixtures, 'data', f), path.join(dir, 'data', f));
    const run = async (config: string): Promise<ResultsDoc> => {
      const json = path.join(dir, `${config}.json`);
      const r = await cli(
        'run',
        path.join(sweeps, `${config}.yml`),
        '--cache-dir',
        path.join(dir, 'cache'),
        '--json',
        json,
        '--backend',
        'wasm',
        '--quiet',
      );
      expect(r.code, r.err).toBe(0);
      return JSON.parse(readFileSync(json, 'utf8')) as ResultsDoc;
    };

    const pre = await run('pretrain');
    expect(pre.savedModel).toBe(path.join(sweeps, 'pretrained/model.json'));
    expect(pre.best!.metrics.val_accuracy).toBeGreaterThan(0.9);
    const tuned = await run('finetune');
    expect(tuned.trials.map((t) => t.status)).toEqual(['complete', 'complete', 'complete']);
    expect(tuned.best!.metrics.val_accuracy).toBeGreaterThan(0.8);

    const base = await readImageBaseModel(path.join(sweeps, 'pretrained'));
    const out = await readImageBaseModel(path.join(sweeps, 'finetuned'));
    const bytes = (a: Float32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    base.conv.layers.forEach((l, i) => {
      expect(bytes(out.conv.layers[i]!.kernel).equals(bytes(l.kernel))).toBe(true);
      expect(bytes(out.conv.layers[i]!.bias).equals(bytes(l.bias))).toBe(true);
    });
    expect(base.classes).toEqual(['0', '1', '2', '3', '4']);
    expect(out.classes).toEqual(['5', '6', '7', '8', '9']);
    expect(bytes(out.hidden[0]!.kernel).equals(bytes(base.hidden[0]!.kernel))).toBe(false);
  });
});

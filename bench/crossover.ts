// Where native TensorFlow starts to beat WASM on the tabular MLP: ms per training step on wasm and tensorflow
// for widths from 32 to 1024 (two hidden layers, batch 32) on random data with 64 or 784 inputs. Used to set
// NATIVE_MIN_WEIGHTS (src/trainer/tf/native.ts). Needs a tfjs-node build (SWEEPGATE_TFJS_NODE_DIR, default
// ~/.cache/sweepgate-tfjs-node). Run: npm run bench:crossover
import { mkdirSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TabularTrainerSpec } from '../src/core/config/types.js';
import { createTabularObjective, loadTf } from '../src/trainer/index.js';

const dir = process.env.SWEEPGATE_TFJS_NODE_DIR ?? path.join(os.homedir(), '.cache', 'sweepgate-tfjs-node');
const ws = path.join(os.tmpdir(), `sg-crossover-${process.pid}`);
mkdirSync(ws, { recursive: true });
if (!existsSync(path.join(ws, 'node_modules'))) symlinkSync(path.join(dir, 'node_modules'), path.join(ws, 'node_modules'), 'dir');

function csv(features: number, rows: number): string {
  let s = `${Array.from({ length: features }, (_, i) => `f${i}`).join(',')},y\n`;
  let x = 1;
  for (let r = 0; r < rows; r++) {
    const v: string[] = [];
    for (let i = 0; i < features; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      v.push((x / 2147483648).toFixed(3));
    }
    s += `${v.join(',')},${r % 2}\n`;
  }
  return s;
}

const wasm = await loadTf('wasm', { cwd: ws, warn: () => {} });
const tf = await loadTf('tensorflow', { cwd: ws, warn: () => {} });
console.log('| inputs | units | weights | wasm ms/step | tensorflow ms/step | wasm / tensorflow |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
for (const features of [64, 784]) {
  const file = path.join(ws, `d${features}.csv`);
  writeFileSync(file, csv(features, 600));
  for (const units of [32, 64, 128, 256, 512, 1024]) {
    const spec = {
      type: 'tabular',
      data: file,
      target: 'y',
      task: 'classification',
      validationSplit: 0.2,
      defaults: { layers: 2, units, batch_size: 32, epochs: 1 },
    } as unknown as TabularTrainerSpec;
    const o = await createTabularObjective(spec, wasm);
    const size = o.trialSize({});
    const steps = units >= 512 ? 10 : 40;
    const t = async (h: typeof wasm): Promise<number> => {
      const xs: number[] = [];
      for (let i = 0; i < 3; i++) xs.push(await o.msPerStep(h, {}, steps));
      return xs.sort((a, b) => a - b)[1]!;
    };
    await t(wasm);
    await t(tf);
    const a = await t(wasm);
    const b = await t(tf);
    console.log(`| ${features} | ${units} | ${size.weights} | ${a.toFixed(3)} | ${b.toFixed(3)} | ${(a / b).toFixed(2)} |`);
    await o.dispose();
  }
}

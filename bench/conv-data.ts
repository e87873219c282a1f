// The 28×28 greyscale shape of issue 18 (MNIST's size) from the shipped 8×8 digits: the first 1,000 rows of
// fixtures/data/digits.csv, each upsampled bilinearly (pixel centres aligned) to 28×28 and scaled to 0..1, written as
// a pixel CSV (784 columns, then `label`) that both sweepgate and bench/torch_conv.py read.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const SIDE = 28;
export const IMAGES = 1000;

export function writeDigits28(dir: string): string {
  const lines = readFileSync(path.resolve('fixtures/data/digits.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1, IMAGES + 1);
  const header = [...Array.from({ length: SIDE * SIDE }, (_, i) => `px${i}`), 'label'].join(',');
  const rows = lines.map((line) => {
    const cells = line.split(',').map(Number);
    const label = cells.pop()!;
    return [...upsample(cells, 8, SIDE).map((v) => (v / 16).toFixed(4)), String(label)].join(',');
  });
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `digits${SIDE}.csv`);
  writeFileSync(file, `${header}\n${rows.join('\n')}\n`);
  return file;
}

function upsample(px: readonly number[], from: number, to: number): number[] {
  const at = (y: number, x: number): number => px[y * from + x]!;
  const out: number[] = [];
  const s = from / to;
  for (let y = 0; y < to; y++) {
    const fy = Math.min(Math.max((y + 0.5) * s - 0.5, 0), from - 1);
    const y0 = Math.floor(fy);
    const y1 = Math.min(y0 + 1, from - 1);
    for (let x = 0; x < to; x++) {
      const fx = Math.min(Math.max((x + 0.5) * s - 0.5, 0), from - 1);
      const x0 = Math.floor(fx);
      const x1 = Math.min(x0 + 1, from - 1);
      const top = at(y0, x0) + (at(y0, x1) - at(y0, x0)) * (fx - x0);
      const bottom = at(y1, x0) + (at(y1, x1) - at(y1, x0)) * (fx - x0);
      out.push(top + (bottom - top) * (fy - y0));
    }
  }
  return out;
}

import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { ImageTrainerSpec } from '../../core/config/types.js';
import { show, errorText } from '../../core/errors.js';
import { type CsvGrid, checkGridInfinities, scanCsv } from './csv-grid.js';
import { splitRows } from './split.js';
import { DatasetError, EmptyDataError, MissingColumnError, NonNumericError } from './errors.js';

/** One split of the images: n × height × width × channels values, row-major (NHWC, as tf.conv2d takes). */
export interface ImageSplit {
  readonly n: number;
  readonly x: Float32Array;
  /** Index into `classes`. */
  readonly labels: Int32Array;
}

export interface ImageData {
  readonly shape: readonly [number, number, number];
  /** Sorted: numerically when every label is a number. */
  readonly classes: readonly string[];
  /** What every value was standardised by, (v − mean) / std: the training split's pixels (for a saved model's card). */
  readonly pixels: { readonly mean: number; readonly std: number };
  readonly train: ImageSplit;
  readonly validation: ImageSplit;
}

/**
 * The images as read, before the split: each one's label and pixels (already at input_shape, in the source's
 * units: CSV values as written, image files 0..255), in the order the split's positions count (CSV rows; the
 * folder's classes and files, sorted).
 */
export interface ImageSource {
  readonly kind: 'csv' | 'folder';
  readonly labels: readonly string[];
  readonly pixels: readonly Float32Array[];
  /** Hash of everything read (the CSV's bytes; each file's path under the folder and its bytes): the fingerprint's data part. */
  readonly contentHash: string;
}

const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg']);

/** Reads `spec.data`: a CSV of pixel rows, or a folder of class folders of PNG / JPEG files. */
export async function readImageSource(spec: Pick<ImageTrainerSpec, 'data' | 'target' | 'inputShape'>): Promise<ImageSource> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(spec.data)).isDirectory();
  } catch (err) {
    throw new DatasetError({ file: spec.data }, `cannot be read: ${errorText(err)}`);
  }
  if (isFolder) {
    if (spec.target !== undefined)
      throw new DatasetError(
        { file: spec.data },
        `is a folder of images, whose labels are its sub-folders: leave out trainer.target, got ${show(spec.target)}`,
      );
    return readImageFolder(spec.data, spec.inputShape);
  }
  if (spec.target === undefined)
    throw new DatasetError(
      { file: spec.data },
      'is a CSV of pixels: trainer.target must name its label column (or give a folder with one sub-folder of images per class)',
    );
  return pixelCsv(spec.data, await readFile(spec.data), spec.target, spec.inputShape);
}

/**
 * A CSV whose every column but `target` is a pixel, height × width × channels of them in row-major order. Read by
 * scanCsv (each column's numbers parsed straight from the bytes, no string per cell: 784,000 pixels of issue 18's
 * 28×28 CSV took 1–3 s through csv-parse's strings), with parseCsv's rules and errors; a cell that is not a plain
 * number is read as Number() reads its text, as before.
 */
export function pixelCsv(file: string, bytes: Uint8Array, target: string, shape: readonly [number, number, number]): ImageSource {
  const grid = scanCsv(file, bytes);
  checkGridInfinities(grid);
  const ti = grid.header.indexOf(target);
  if (ti < 0) throw new MissingColumnError(file, 'target', target, grid.header);
  const columns = grid.header.map((_, i) => i).filter((i) => i !== ti && grid.header[i] !== '');
  const size = shape[0] * shape[1] * shape[2];
  if (columns.length !== size)
    throw new DatasetError(
      { file },
      `has ${columns.length} pixel columns (every column but ${show(target)}), but trainer.input_shape ${show(shape)} needs ${shape.join(' × ')} = ${size}`,
    );
  const numbers = columns.map((c) => grid.numbers(c));
  const pixels = Array.from({ length: grid.rowCount }, (_, r) => {
    const out = new Float32Array(size);
    for (let j = 0; j < size; j++) {
      const v = numbers[j]?.[r];
      // A column with a cell that is not a plain number (or is missing): that cell as Number() reads its text.
      out[j] = v !== undefined && Number.isFinite(v) ? v : pixelCell(grid, file, r, columns[j]!);
    }
    return out;
  });
  const labels = Array.from({ length: grid.rowCount }, (_, r) => {
    const label = grid.text(r, ti);
    if (label === '')
      throw new DatasetError({ file, line: grid.lines[r], column: target }, `row has no value in target column ${show(target)}`);
    return label;
  });
  return { kind: 'csv', labels, pixels, contentHash: createHash('sha256').update(bytes).digest('hex') };
}

function pixelCell(grid: CsvGrid, file: string, row: number, column: number): number {
  const cell = grid.text(row, column);
  const v = Number(cell);
  if (cell === '' || !Number.isFinite(v)) throw new NonNumericError(file, grid.lines[row]!, grid.header[column]!, cell, 'pixel');
  return v;
}

async function readImageFolder(root: string, shape: readonly [number, number, number]): Promise<ImageSource> {
  const entries = await readdir(root, { withFileTypes: true });
  const classes = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort(byName);
  if (classes.length < 2)
    throw new DatasetError(
      { file: root },
      `needs one sub-folder of images per class, at least two; found ${classes.length === 0 ? 'none' : show(classes)}`,
    );
  const labels: string[] = [];
  const pixels: Float32Array[] = [];
  const content = createHash('sha256');
  for (const label of classes) {
    const folder = path.join(root, label);
    const files = (await readdir(folder, { withFileTypes: true }))
      .filter((e) => e.isFile() && IMAGE_EXTENSIONS.has(path.extname(e.name).toLowerCase()))
      .map((e) => e.name)
      .sort(byName);
    if (files.length === 0) throw new EmptyDataError({ file: folder }, `class folder ${show(label)} holds no .png, .jpg or .jpeg files`);
    // Read a batch of files at once (the reads overlap; one after another they were half the time), used in order.
    const read = batches(files, READ_AT_ONCE, (name) => readFile(path.join(folder, name)));
    for (const [i, name] of files.entries()) {
      const file = path.join(folder, name);
      const bytes = await read(i);
      const hash = createHash('sha256').update(bytes).digest('hex');
      content.update(`${label}/${name}\u0000${hash}\u0000`);
      labels.push(label);
      pixels.push(toInputShape(decodeImage(file, bytes), shape));
    }
  }
  return { kind: 'folder', labels, pixels, contentHash: content.digest('hex') };
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Image files read at once: enough to overlap the reads' latency, few enough to hold little memory. */
const READ_AT_ONCE = 32;

/**
 * `load(items[i])` by index, started a batch of `size` at a time: asking for item i starts its batch (and lets the
 * previous one go), so at most two batches are held.
 */
function batches<T, R>(items: readonly T[], size: number, load: (item: T) => Promise<R>): (i: number) => Promise<R> {
  let start = -1;
  let batch: Promise<R>[] = [];
  return (i) => {
    const want = Math.floor(i / size) * size;
    if (want !== start) {
      start = want;
      batch = items.slice(want, want + size).map(load);
      // A read that fails is awaited (and thrown) by its turn; the others must not be unhandled rejections meanwhile.
      for (const p of batch) p.catch(() => {});
    }
    return batch[i - start]!;
  };
}

/** A decoded image: RGBA, 8 bits per channel, row-major. */
interface Rgba {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** PNG (pngjs) or JPEG (jpeg-js) by the file's first bytes, not its name; anything else is a data error naming the file. */
export function decodeImage(file: string, bytes: Uint8Array): Rgba {
  const isPng = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  try {
    if (isPng) {
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return { width: png.width, height: png.height, data: png.data };
    }
    if (isJpeg) {
      // maxMemoryUsageInMB: jpeg-js' guard against a header that claims a huge image
      const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 256 });
      return { width: img.width, height: img.height, data: img.data };
    }
  } catch (err) {
    throw new DatasetError({ file }, `is not a readable ${isPng ? 'PNG' : 'JPEG'} image: ${errorText(err)}`);
  }
  throw new DatasetError(
    { file },
    `is neither a PNG nor a JPEG image (its first bytes are ${show(Buffer.from(bytes.subarray(0, 4)).toString('hex'))})`,
  );
}

/**
 * Resizes to height × width (bilinear, pixel centres aligned as tf.image.resizeBilinear with halfPixelCenters
 * and PIL do) and converts to the channels wanted: 1 = luma 0.299·R + 0.587·G + 0.114·B (ITU-R 601, PIL's
 * "L"), 3 = RGB. Alpha is dropped. Values stay 0..255.
 */
export function toInputShape(img: Rgba, [height, width, channels]: readonly [number, number, number]): Float32Array {
  const out = new Float32Array(height * width * channels);
  const sy = img.height / height;
  const sx = img.width / width;
  const at = (x: number, y: number, ch: number): number => img.data[(y * img.width + x) * 4 + ch]!;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), img.height - 1);
    const y0 = Math.floor(fy);
    const y1 = Math.min(y0 + 1, img.height - 1);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), img.width - 1);
      const x0 = Math.floor(fx);
      const x1 = Math.min(x0 + 1, img.width - 1);
      const wx = fx - x0;
      const mix = (ch: number): number =>
        (1 - wy) * ((1 - wx) * at(x0, y0, ch) + wx * at(x1, y0, ch)) + wy * ((1 - wx) * at(x0, y1, ch) + wx * at(x1, y1, ch));
      const o = (y * width + x) * channels;
      // No array per pixel (it was a quarter of reading 300 PNGs); the same arithmetic in the same order.
      if (channels === 1) out[o] = 0.299 * mix(0) + 0.587 * mix(1) + 0.114 * mix(2);
      else for (let ch = 0; ch < 3; ch++) out[o + ch] = mix(ch);
    }
  }
  return out;
}

/**
 * Splits the images with the tabular trainer's seeded split (dataset.ts `splitRows`, per class) and
 * standardises every value by the training split's mean and standard deviation of all its pixels: one scalar
 * pair, so the image's structure is kept (per-pixel statistics would flatten a constant border to 0 and blow up
 * noise in it).
 */
export function splitImages(
  source: ImageSource,
  file: string,
  fraction: number,
  seed: number,
  shape: readonly [number, number, number],
): ImageData {
  const numeric = source.labels.every((l) => l.trim() !== '' && Number.isFinite(Number(l)));
  const canon = (l: string): string => (numeric ? String(Number(l)) : l);
  const classes = [...new Set(source.labels.map(canon))].sort(numeric ? (a, b) => Number(a) - Number(b) : byName);
  if (classes.length < 2)
    throw new DatasetError({ file }, `classification needs at least two classes; the images have only ${show(classes)}`);
  // Split by position (splitRows' default key): image n of the CSV's rows or of the folder's sorted files.
  const { train, validation } = splitRows(source.labels.length, (row) => canon(source.labels[row]!), fraction, seed);
  if (train.length === 0 || validation.length === 0)
    throw new EmptyDataError(
      { file },
      `validation_split ${fraction} of ${source.labels.length} images leaves ${train.length} training and ${validation.length} validation images`,
    );
  const size = shape[0] * shape[1] * shape[2];
  let sum = 0;
  for (const i of train) for (const v of source.pixels[i]!) sum += v;
  const mean = sum / (train.length * size);
  let ss = 0;
  for (const i of train) for (const v of source.pixels[i]!) ss += (v - mean) ** 2;
  const std = Math.sqrt(ss / (train.length * size)) || 1;
  const index = new Map(classes.map((c, i) => [c, i]));
  const encode = (rows: readonly number[]): ImageSplit => {
    const x = new Float32Array(rows.length * size);
    rows.forEach((r, i) => {
      const px = source.pixels[r]!;
      for (let j = 0; j < size; j++) x[i * size + j] = (px[j]! - mean) / std;
    });
    return { n: rows.length, x, labels: Int32Array.from(rows, (r) => index.get(canon(source.labels[r]!))!) };
  };
  return { shape, classes, pixels: { mean, std }, train: encode(train), validation: encode(validation) };
}

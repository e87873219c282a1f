import { csvOutline } from './csv-grid.js';
import type { DatasetSpec } from './tabular-data.js';

/** The data's size as estimateShape guesses it, for estimates made before (or without) preparing it. */
export interface ShapeEstimate {
  readonly trainRows: number;
  readonly featureColumns: number;
  /** Classification: 2 (the classes are not read). Regression: 1. */
  readonly outputs: number;
}

/**
 * The data's size from its header and its line ends alone (csvOutline): the training rows (the lines, less
 * `validation_split` of them), the feature columns, two classes. A guess for the default `parallel`, made without
 * parsing a cell, so a run whose trials all come from the cache prepares nothing for it.
 */
export function estimateShape(spec: DatasetSpec, data: Uint8Array | string): ShapeEstimate {
  const { header, rows } = csvOutline(data);
  const ids = new Set(spec.splitBy ?? []);
  const features = spec.features?.length ?? header.filter((h) => h !== '' && h !== spec.target && !ids.has(h)).length;
  const trainRows = spec.validation === undefined ? Math.round(rows * (1 - spec.validationSplit)) : rows;
  return { trainRows: Math.max(1, trainRows), featureColumns: Math.max(1, features), outputs: spec.task === 'classification' ? 2 : 1 };
}

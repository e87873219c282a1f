import { basename, dirname, extname } from 'node:path';
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import type { Space } from '../distribution.js';
import { ConfigErrors, ConfigError, show } from '../errors.js';
import { hashJson } from '../hash.js';
import type { JsonValue } from '../json.js';
import { formatPath, isRecord, Issues, type Path } from './issues.js';
import {
  checkGridParameter,
  checkTrainerParameter,
  exponentBoundsWarning,
  flattenParameters,
  largestValues,
  parseParameter,
  type ParsedParameter,
} from './parameters.js';
import { checkSchema } from './schema.js';
import {
  checkStrides,
  finishTrainer,
  parseBudget,
  parseEarlyTerminate,
  parseFingerprint,
  parseGate,
  parseMetric,
  parseRunner,
  parseStages,
} from './sections.js';
import { checkHyperparameter, TRAINER_HYPERPARAMETERS } from './trainer-params.js';
import type { Method, SweepConfig, TrialRunner } from './types.js';

/**
 * Parses a sweep config (YAML or JSON) once into a typed, validated SweepConfig. `file` is the config's absolute
 * path: relative paths inside resolve from its folder and the sweep name defaults to its base name.
 * Throws ConfigErrors listing every problem as `path: message, got <value>`; a config that is valid but
 * probably not what was meant comes back with `warnings` (`path: message`).
 */
export function parseSweepConfig(text: string, file: string): SweepConfig {
  const configDir = dirname(file);
  const { doc, raw } = readDocument(text);
  const issues = new Issues(Object.keys(raw));
  const warnings: string[] = [];
  const warn = (path: Path, message: string): void => {
    warnings.push(`${formatPath(path)}: ${message}`);
  };
  checkFinite(raw, [], issues);
  checkSchema(raw, issues);

  const parsedRunner = parseRunner(raw, configDir, issues);
  const metric = parseMetric(raw, parsedRunner, issues);
  const { names, parsed: parameters } = parseParameters(raw, doc, parsedRunner?.kind === 'trainer', issues);
  const runner = finishTrainer(parsedRunner, names, metric, issues, warn);
  if (raw.parameters === undefined) issues.add(['parameters'], 'is required: the search space (name: {values: [...]} or {min, max}, ...)');
  const method = raw.method as Method;
  for (const p of parameters) {
    if (method === 'grid') checkGridParameter(p, issues);
    if (runner?.kind === 'trainer') checkTrainerParameter(p, issues);
    if (runner?.kind === 'trainer' && runner.trainer.type === 'image' && p.name === 'strides')
      for (const { value, path } of largestValues(p)) checkStrides(runner.trainer, path, value, issues);
    const w = exponentBoundsWarning(p);
    if (w) warn(p.path, w);
  }
  const gate = parseGate(raw.gate, metric, runner, issues);
  const config = {
    name: parseName(raw.name, file, issues),
    ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
    method,
    metric,
    space: parameters.map(({ name, dist }) => ({ name, dist })) satisfies Space,
    ...optional('earlyTerminate', parseEarlyTerminate(raw.early_terminate, issues, warn)),
    budget: parseBudget(raw, issues),
    seed: Number.isSafeInteger(raw.seed) ? (raw.seed as number) : 0,
    fingerprint: parseFingerprint(raw.fingerprint),
    gate,
    repeats: Number.isSafeInteger(raw.repeats) ? (raw.repeats as number) : 1,
    parallel: parseParallel(raw.parallel, runner, issues),
    stages: parseStages(raw.stages, names, issues),
    configDir,
  };
  issues.throwIfAny();
  if (!runner) throw new ConfigErrors([new ConfigError('', 'nothing to run')]); // unreachable: an issue was added
  return { ...config, runner, configHash: hashJson(raw), raw: raw as Record<string, JsonValue>, warnings };
}

/** Why `parallel: n` cannot be used with this runner (also checked for the CLI's `--parallel`), or undefined. */
export function parallelProblem(n: number, runner: TrialRunner): string | undefined {
  return n > 1 && runner.kind === 'trainer'
    ? `the built-in trainer runs one trial at a time (trials share one JS thread); use 1 or a program, got ${n}`
    : undefined;
}

/** `parallel`: trials at once. The built-in trainer's trials share one JS thread, so more would only interleave them. */
function parseParallel(value: unknown, runner: TrialRunner | undefined, issues: Issues): number {
  if (!Number.isSafeInteger(value)) return 1;
  const n = value as number;
  const problem = runner ? parallelProblem(n, runner) : undefined;
  if (problem) issues.add(['parallel'], problem);
  return n;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function readDocument(text: string): { doc: Document; raw: Record<string, unknown> } {
  // merge: YAML 1.1 merge keys (`<<: *defaults`), which PyYAML (and so W&B) applies.
  const doc = parseDocument(text, { merge: true, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length)
    throw new ConfigErrors(doc.errors.map((e) => new ConfigError('', `invalid YAML: ${(e.message.split('\n')[0] ?? '').replace(/:$/, '')}`)));
  let raw: unknown;
  try {
    raw = doc.toJS();
  } catch (e) {
    throw new ConfigErrors([new ConfigError('', `invalid YAML: ${e instanceof Error ? e.message : String(e)}`)]);
  }
  if (!isRecord(raw)) throw new ConfigErrors([new ConfigError('', `must be a mapping of sweep keys (method, parameters, ...), got ${show(raw)}`)]);
  return { doc, raw };
}

/** YAML has .inf and .nan; JSON and our hashes do not. */
function checkFinite(node: unknown, path: Path, issues: Issues): void {
  if (typeof node === 'number' && !Number.isFinite(node)) issues.schema(path, `must be a finite number, got ${String(node)}`);
  else if (Array.isArray(node)) node.forEach((v, i) => checkFinite(v, [...path, i], issues));
  else if (isRecord(node)) for (const [k, v] of Object.entries(node)) checkFinite(v, [...path, k], issues);
}

/** The node a path reaches, through aliases and merge keys (own keys first, then each merged map in order). */
function nodeAt(doc: Document, path: Path): unknown {
  let node: unknown = doc.contents;
  for (const seg of path) {
    const here = deref(doc, node);
    if (isMap(here)) node = mapGet(doc, here, seg, 0);
    else if (isSeq(here) && typeof seg === 'number') node = here.items[seg];
    else return undefined;
  }
  return deref(doc, node);
}

function deref(doc: Document, node: unknown): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

function mapGet(doc: Document, map: { items: readonly { key: unknown; value: unknown }[] }, key: string | number, depth: number): unknown {
  if (depth > 32) return undefined; // a merge cycle; toJS has already refused it
  const isMergeKey = (k: unknown): boolean => isScalar(k) && typeof k.value === 'symbol' && k.value.description === '<<';
  for (const pair of map.items) if (isScalar(pair.key) && !isMergeKey(pair.key) && String(pair.key.value) === String(key)) return pair.value;
  for (const pair of map.items) {
    if (!isMergeKey(pair.key)) continue;
    const value = deref(doc, pair.value);
    for (const source of isSeq(value) ? value.items : [value]) {
      const m = deref(doc, source);
      const found = isMap(m) ? mapGet(doc, m, key, depth + 1) : undefined;
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function parseParameters(
  raw: Record<string, unknown>,
  doc: Document,
  trainer: boolean,
  issues: Issues,
): { names: string[]; parsed: ParsedParameter[] } {
  // W&B tells int_uniform from uniform by how min/max are written (1 vs 1.0), which JSON numbers forget.
  const isFloat = (path: Path): boolean => {
    const node = nodeAt(doc, path);
    return isScalar(node) && typeof node.source === 'string' && /[.eE]|inf|nan/i.test(node.source);
  };
  const out: ParsedParameter[] = [];
  const blocks = flattenParameters(raw.parameters, issues);
  for (const block of blocks) {
    if (trainer && !TRAINER_HYPERPARAMETERS[block.name])
      issues.add(block.path, `${checkHyperparameter(block.name, null)}, got ${show(block.name)}`);
    const p = parseParameter(block, isFloat, issues);
    if (p) out.push(p);
  }
  return { names: blocks.map((b) => b.name), parsed: out };
}

function parseName(value: unknown, file: string, issues: Issues): string {
  const name = typeof value === 'string' ? value : basename(file, extname(file));
  // The name goes into cache keys and the PR comment marker: no commas (cache keys) and no line breaks.
  if (/[,\r\n]|-->/.test(name)) issues.add(['name'], `must not contain commas, line breaks or "-->", got ${show(name)}`);
  return name;
}

import { basename, dirname, extname } from 'node:path';
import { isAlias, isMap, isNode, isScalar, isSeq, parseDocument, type Document, type YAMLError } from 'yaml';
import { DEFAULT_CHAMPION_SEEDS } from '../gate/champion-plan.js';
import type { Space } from '../distributions/distribution.js';
import { parseDuration } from '../duration.js';
import { ConfigError, show, errorText } from '../errors.js';
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
import { floatPathsIn, readYaml11, writtenAsFloat, type YamlNote } from './yaml11.js';
import { commandNotes } from '../command.js';
import { pyRepr, type PyNumbers } from '../pystr.js';
import type { ParamSource, ProgramWorkload } from './types.js';
import { parseBudget, parseEarlyTerminate, parseFingerprint, parseGate, parseMetric, parseStages } from './sections.js';
import { checkStrides, finishTrainer, parseWorkload } from './workload-section.js';
import { checkHyperparameter, TRAINER_HYPERPARAMETERS } from './trainer-params.js';
import { checkManualKey, parseManualConfigs } from './manual.js';
import type { Method, PrSpec, Stage, SweepConfig } from './types.js';

/**
 * Parses a sweep config (YAML or JSON) once into a typed, validated SweepConfig. `file` is the config's absolute
 * path: relative paths inside resolve from its folder and the sweep name defaults to its base name.
 * Throws a ConfigError listing every problem as `path: message, got <value>`; a config that is valid but
 * probably not what was meant comes back with `warnings` (`path: message`).
 */
export function parseSweepConfig(text: string, file: string): SweepConfig {
  const configDir = dirname(file);
  const { doc, raw, notes } = readDocument(text);
  const issues = new Issues(Object.keys(raw));
  const warnings: string[] = [];
  const warn = (path: Path, message: string): void => {
    warnings.push(`${formatPath(path)}: ${message}`);
  };
  for (const n of notes) warn(n.path, n.message);
  checkFinite(raw, [], issues);
  checkSchema(raw, issues);

  const parsedWorkload = parseWorkload(raw, configDir, issues, (path) => writtenAsFloat(nodeAt(doc, path)));
  const metric = parseMetric(raw, parsedWorkload, issues);
  const { names, parsed: parameters } = parseParameters(raw, doc, parsedWorkload?.kind === 'trainer', issues);
  const workload =
    parsedWorkload?.kind === 'program'
      ? withPython(parsedWorkload, parameters, doc, warn)
      : finishTrainer(parsedWorkload, names, metric, issues, warn);
  if (raw.parameters === undefined) issues.add(['parameters'], 'is required: the search space (name: {values: [...]} or {min, max}, ...)');
  const method = raw.method as Method;
  checkManualKey(method, raw.configs, [], issues);
  for (const p of parameters) {
    if (p.inferredFrom && !WANDB_INFERS.has(p.inferredFrom))
      warn(
        p.path,
        `W&B infers only constant, categorical, int_uniform and uniform and would reject this block; sweepgate reads it as ${p.dist.name} (from ${p.inferredFrom}). Write distribution: ${p.dist.name} for both`,
      );
    if (method === 'grid' && !searchedOffGrid(raw.stages, p.name)) checkGridParameter(p, issues);
    if (workload?.kind === 'trainer') checkTrainerParameter(p, issues);
    if (workload?.kind === 'trainer' && workload.trainer.type === 'image' && p.name === 'strides')
      for (const { value, path } of largestValues(p)) checkStrides(workload.trainer, path, value, issues);
    const w = exponentBoundsWarning(p);
    if (w) warn(p.path, w);
  }
  const gate = parseGate(raw.gate, metric, workload, issues);
  const budget = parseBudget(raw, issues);
  const config = {
    name: parseName(raw.name, file, issues),
    ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
    method,
    ...optional('configs', method === 'manual' ? parseManualConfigs(raw.configs, ['configs'], parameters, issues) : undefined),
    metric,
    space: parameters.map(({ name, dist }) => ({ name, dist })) satisfies Space,
    ...optional('earlyTerminate', parseEarlyTerminate(raw.early_terminate, issues, warn)),
    budget,
    ...optional('trialTimeoutMs', parseTrialTimeout(raw.trial_timeout, issues)),
    seed: Number.isSafeInteger(raw.seed) ? (raw.seed as number) : 0,
    fingerprint: parseFingerprint(raw.fingerprint),
    gate,
    repeats: Number.isSafeInteger(raw.repeats) ? (raw.repeats as number) : 1,
    champion: {
      seeds: isRecord(raw.champion) && Number.isSafeInteger(raw.champion.seeds) ? (raw.champion.seeds as number) : DEFAULT_CHAMPION_SEEDS,
    },
    pr: parsePr(raw.pr),
    ...optional('parallel', parseParallel(raw.parallel)),
    ...stagesOf(raw.stages, parameters, budget.trials, issues, warn),
    configDir,
  };
  issues.throwIfAny();
  if (!workload) throw new ConfigError('', 'nothing to run'); // unreachable: an issue was added
  const paramSources = Object.fromEntries(parameters.map((p) => [p.name, paramSource(p, doc)]));
  // `pr:` says how a PR runs, not what a trial computes: toggling it must not make main and the PR differ.
  const { pr: _pr, ...hashed } = raw;
  return { ...config, workload, configHash: hashJson(hashed), raw: raw as Record<string, JsonValue>, warnings, paramSources };
}

/** Default of `pr.warm_start`: main's best few configs, a small part of a typical budget. */
export const DEFAULT_WARM_START = 3;

/** `pr:`; its types and ranges are checked by the schema. */
function parsePr(value: unknown): PrSpec {
  const pr = isRecord(value) ? value : {};
  return {
    search: pr.search !== false,
    warmStart: Number.isSafeInteger(pr.warm_start) ? (pr.warm_start as number) : DEFAULT_WARM_START,
  };
}

/**
 * `parallel`: trials at once; its range is checked by the schema. Absent: the engine's default (the built-in
 * trainer: one worker thread per core, capped for memory; programs and modules: 1).
 */
function parseParallel(value: unknown): number | undefined {
  return Number.isSafeInteger(value) ? (value as number) : undefined;
}

/** `trial_timeout`: seconds or a duration string; its type is checked by the schema. */
function parseTrialTimeout(value: unknown, issues: Issues): number | undefined {
  if (value === undefined || (typeof value !== 'number' && typeof value !== 'string')) return undefined;
  try {
    return parseDuration(value, 'trial_timeout');
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    issues.add(['trial_timeout'], e.message.slice('trial_timeout: '.length));
    return undefined;
  }
}

/**
 * True when every stage that names `name` searches it without a list of values (another method, or decades):
 * then a grid sweep does not need one (the stage checks its own). `stages: auto` picks the method from the values.
 */
function searchedOffGrid(stages: unknown, name: string): boolean {
  if (stages === 'auto') return true;
  if (!Array.isArray(stages)) return false;
  const naming = stages.filter((s) => isRecord(s) && Array.isArray(s.parameters) && s.parameters.includes(name)) as Record<
    string,
    unknown
  >[];
  return naming.length > 0 && naming.every((s) => (s.method !== undefined && s.method !== 'grid') || s.values === 'decades');
}

/** `stages` as written, or as `stages: auto` planned them for this space and budget. */
function stagesOf(
  value: unknown,
  parameters: readonly ParsedParameter[],
  trials: number | undefined,
  issues: Issues,
  warn: (path: Path, message: string) => void,
): { stages: Stage[]; stagesAuto?: boolean } {
  const space: Space = parameters.map(({ name, dist }) => ({ name, dist }));
  const { stages, auto } = parseStages(value, space, trials, issues, warn);
  return { stages, ...(auto ? { stagesAuto: true } : {}) };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** No sweep key nests past a handful of levels; this bounds every recursive walk of the document. */
const MAX_DEPTH = 64;

function readDocument(text: string): { doc: Document; raw: Record<string, unknown>; notes: YamlNote[] } {
  // merge: YAML 1.1 merge keys (`<<: *defaults`), which PyYAML (and so W&B) applies. uniqueKeys off: PyYAML keeps
  // the last of repeated keys, and so does toJS; readYaml11 warns about each. The parser reports deep nesting as a
  // stack overflow, and toJS's maxAliasCount refuses a "billion laughs" alias bomb.
  const doc = parseDocument(text, { merge: true, uniqueKeys: false, prettyErrors: true });
  // The first syntax error only: the ones after it are usually its echoes.
  const first = doc.errors[0];
  if (first) throw new ConfigError('', `invalid YAML: ${yamlError(first, text)}`);
  let notes: YamlNote[];
  try {
    notes = readYaml11(doc);
  } catch (e) {
    throw new ConfigError('', `invalid YAML: ${yamlProblem(errorText(e))}`);
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new ConfigError('', `invalid YAML: ${yamlProblem(errorText(e))}`);
  }
  if (raw === null || raw === undefined)
    throw new ConfigError('', 'the config is empty: write a mapping of sweep keys (method, parameters, ...)');
  if (!isRecord(raw))
    throw new ConfigError(
      '',
      `must be a mapping of sweep keys (method, parameters, ...), got ${Array.isArray(raw) ? 'a list' : 'a scalar'} ${show(raw)}`,
    );
  const deep = tooDeep(raw);
  if (deep) throw new ConfigError(formatPath(deep), `nests deeper than ${MAX_DEPTH} levels; no sweep key needs that`);
  return { doc, raw, notes };
}

function yamlError(e: YAMLError, text: string): string {
  const where = e.linePos ? ` (line ${e.linePos[0].line}, column ${e.linePos[0].col})` : '';
  if (e.code === 'DUPLICATE_KEY') {
    const key = /^\s*("[^"]*"|'[^']*'|[^:\n]*?)\s*:/.exec(text.slice(e.pos[0]))?.[1];
    if (key) return `the key ${show(key.replace(/^["']|["']$/g, ''))} appears twice in one mapping${where}`;
  }
  return yamlProblem(e.message.split('\n')[0] ?? '');
}

function yamlProblem(message: string): string {
  if (/multiple documents/.test(message))
    return 'the file holds more than one YAML document (a line "---" or "..." starts another); a sweep config is one';
  if (/Excessive alias count/.test(message))
    return 'too many alias expansions (an alias bomb, or a merge key that includes itself); write the values out instead';
  const text = message.replace(/:$/, '');
  return /Maximum call stack size exceeded/.test(text)
    ? text.replace(
        /(?:RangeError: )?Maximum call stack size exceeded/,
        `nested too deeply (no sweep key needs more than ${MAX_DEPTH} levels)`,
      )
    : text;
}

/** The path (first levels) of a node nested past MAX_DEPTH, found without recursion. */
function tooDeep(root: unknown): Path | undefined {
  const stack: [unknown, Path][] = [[root, []]];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (path.length > MAX_DEPTH) return path.slice(0, 4);
    if (Array.isArray(node)) node.forEach((v, i) => stack.push([v, [...path, i]]));
    else if (isRecord(node)) for (const [k, v] of Object.entries(node)) stack.push([v, [...path, k]]);
  }
  return undefined;
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
  // The last of repeated keys, as PyYAML and toJS keep it.
  for (const pair of [...map.items].reverse())
    if (isScalar(pair.key) && !isMergeKey(pair.key) && String(pair.key.value) === String(key)) return pair.value;
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
  const isFloat = (path: Path): boolean => writtenAsFloat(nodeAt(doc, path));
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

const FLOAT_DISTRIBUTIONS = new Set([
  'uniform',
  'log_uniform',
  'log_uniform_values',
  'inv_log_uniform',
  'inv_log_uniform_values',
  'normal',
  'log_normal',
  'beta',
]);

/**
 * A program workload with what `${args}` needs to write values as W&B does: each parameter's Python number types
 * (a q_* distribution gives floats unless q is written as an integer, since W&B's q defaults to 1.0 and
 * round(x / q) * q keeps q's type; choices keep how each was written) and its key path; plus the command's notes.
 */
function withPython(
  workload: ProgramWorkload,
  parameters: readonly ParsedParameter[],
  doc: Document,
  warn: (path: Path, message: string) => void,
): ProgramWorkload {
  const pyNumbers: Record<string, PyNumbers> = {};
  const paramPaths: Record<string, readonly string[]> = {};
  for (const p of parameters) {
    paramPaths[p.name] = p.path.filter((_, i) => i % 2 === 1).map(String);
    const name = p.dist.name;
    if (name === 'constant' || name === 'categorical' || name === 'categorical_w_probabilities') {
      // The choices as written, each with where it holds floats (the distribution's own order may differ).
      const nodes = name === 'constant' ? [nodeAt(doc, [...p.path, 'value'])] : seqItems(doc, nodeAt(doc, [...p.path, 'values']));
      const choices = nodes.map((node) => ({
        value: (isNode(node) ? node.toJS(doc) : null) as JsonValue,
        floats: floatPathsIn(doc, node),
      }));
      pyNumbers[p.name] = { kind: 'choices', choices };
    } else if (name.startsWith('q_')) {
      const q = nodeAt(doc, [...p.path, 'q']);
      const intQ = isScalar(q) && typeof q.value === 'number' && Number.isInteger(q.value) && !writtenAsFloat(q);
      pyNumbers[p.name] = { kind: intQ ? 'int' : 'float' };
    } else pyNumbers[p.name] = { kind: FLOAT_DISTRIBUTIONS.has(name) ? 'float' : 'int' };
  }
  for (const n of commandNotes(
    workload.command,
    Object.keys(paramPaths),
    Object.values(paramPaths).map((p) => p[0]!),
  ))
    warn(['command', n.index], n.message);
  return { ...workload, pyNumbers, paramPaths };
}

function seqItems(doc: Document, node: unknown): unknown[] {
  return isSeq(node) ? node.items.map((item) => deref(doc, item)) : [];
}

/** The inference results W&B's own schema reaches without `distribution` (value, values, min/max). */
const WANDB_INFERS = new Set(['value', 'values', 'values and probabilities', 'integer min/max', 'min/max']);

/** Where a parameter is written, how its distribution was chosen, and each key as Python would print it. */
function paramSource(p: ParsedParameter, doc: Document): ParamSource {
  const written: Record<string, string> = {};
  const node = nodeAt(doc, p.path);
  if (isMap(node))
    for (const pair of node.items) {
      if (!isScalar(pair.key) || typeof pair.key.value === 'symbol') continue;
      const key = String(pair.key.value);
      const value = deref(doc, pair.value);
      const floats = floatPathsIn(doc, value).map((x) => JSON.stringify(x));
      written[key] = pyRepr((isNode(value) ? value.toJS(doc) : null) as JsonValue, (path) => floats.includes(JSON.stringify(path)));
    }
  return { path: formatPath(p.path), ...(p.inferredFrom ? { inferredFrom: p.inferredFrom } : {}), written };
}

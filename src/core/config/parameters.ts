import type { Distribution, DistributionName, Parameter } from '../distributions/distribution.js';
import {
  ContinuousDistribution,
  DISTRIBUTION_ARGS,
  DISTRIBUTION_NAMES,
  IntUniformDistribution,
  isDistributionArgIssue,
  LogUniformDistribution,
  makeDistribution,
  MAX_SUPPORT,
  QuantisedDistribution,
  type DistributionArgs,
} from '../distributions/index.js';
import { show, errorText } from '../errors.js';
import type { JsonValue } from '../json.js';
import { checkHyperparameter, TRAINER_HYPERPARAMETERS } from './trainer-params.js';
import { has, isRecord, type Issues, type Path } from './issues.js';

/** One flattened parameter block: its dotted name, where it sits in the document, and what it says. */
export interface ParamBlock {
  readonly name: string;
  readonly path: Path;
  readonly block: Record<string, unknown>;
}

/** One parsed parameter, with how its distribution was chosen (for messages that explain W&B's inference). */
export interface ParsedParameter extends Parameter {
  readonly path: Path;
  /** The key that made W&B's inference pick the distribution, when `distribution` was not written. */
  readonly inferredFrom?: string;
}

/** Tells whether a number was written as a float (`1.0`, `1e-3`): W&B infers int_uniform only from integers. */
export type FloatSource = (path: Path) => boolean;

/** Walks `parameters`, flattening nested `parameters:` blocks into dotted names (`optimizer.lr`). */
export function flattenParameters(parameters: unknown, issues: Issues): ParamBlock[] {
  const out: ParamBlock[] = [];
  const where = new Map<string, Path>();
  const walk = (node: unknown, path: Path, prefix: string): void => {
    if (!isRecord(node)) return;
    for (const [key, block] of Object.entries(node)) {
      const here = [...path, key];
      if (!isRecord(block)) continue;
      if (has(block, 'parameters')) {
        const others = Object.keys(block).filter((k) => k !== 'parameters');
        if (others.length)
          issues.add(
            [...here, others[0]!],
            `a block with nested parameters holds nothing else, got ${others.join(', ')} beside parameters`,
          );
        walk(block.parameters, [...here, 'parameters'], `${prefix}${key}.`);
        continue;
      }
      const name = `${prefix}${key}`;
      const first = where.get(name);
      if (first) {
        issues.add(here, `duplicates the parameter ${show(name)} already defined at ${first.join('.')}`);
        continue;
      }
      where.set(name, here);
      out.push({ name, path: here, block });
    }
  };
  walk(parameters, ['parameters'], '');
  return out;
}

/** W&B's inference when `distribution` is absent; returns the distribution and the key that decided it. */
export function inferDistribution(
  block: Record<string, unknown>,
  isFloat: (key: string) => boolean,
): { name: DistributionName; from: string } | { error: string } {
  const q = has(block, 'q');
  if (has(block, 'value')) return { name: 'constant', from: 'value' };
  if (has(block, 'values'))
    return has(block, 'probabilities')
      ? { name: 'categorical_w_probabilities', from: 'values and probabilities' }
      : { name: 'categorical', from: 'values' };
  if (has(block, 'probabilities')) return { name: 'categorical_w_probabilities', from: 'probabilities' };
  if (has(block, 'min') || has(block, 'max')) {
    if (q) return { name: 'q_uniform', from: 'min/max with q' };
    const ints = ['min', 'max'].every((k) => !has(block, k) || (Number.isInteger(block[k]) && !isFloat(k)));
    return ints ? { name: 'int_uniform', from: 'integer min/max' } : { name: 'uniform', from: 'min/max' };
  }
  if (has(block, 'mu') || has(block, 'sigma'))
    return q ? { name: 'q_normal', from: 'mu/sigma with q' } : { name: 'normal', from: 'mu/sigma' };
  if (has(block, 'a') || has(block, 'b')) return q ? { name: 'q_beta', from: 'a/b with q' } : { name: 'beta', from: 'a/b' };
  if (q) return { error: 'q needs a range to quantise: give min/max, mu/sigma or a/b (or distribution)' };
  return { error: 'must give value, values, min/max, mu/sigma, a/b or a distribution' };
}

const REQUIRED_ARGS: Partial<Record<DistributionName, readonly (keyof DistributionArgs)[]>> = {
  constant: ['value'],
  categorical: ['values'],
  categorical_w_probabilities: ['values', 'probabilities'],
};
const RANGE_REQUIRED = new Set<DistributionName>([
  'int_uniform',
  'uniform',
  'q_uniform',
  'log_uniform',
  'log_uniform_values',
  'q_log_uniform',
  'q_log_uniform_values',
  'inv_log_uniform',
  'inv_log_uniform_values',
]);

function requiredArgs(name: DistributionName): readonly string[] {
  return RANGE_REQUIRED.has(name) ? ['min', 'max'] : (REQUIRED_ARGS[name] ?? []);
}

/** Builds one parameter's distribution, reporting missing, unused and invalid arguments at their own paths. */
export function parseParameter(p: ParamBlock, isFloat: FloatSource, issues: Issues): ParsedParameter | undefined {
  const { block, path } = p;
  let name: DistributionName;
  let inferredFrom: string | undefined;
  if (has(block, 'distribution')) {
    if (!DISTRIBUTION_NAMES.includes(block.distribution as DistributionName)) return undefined; // schema said so
    name = block.distribution as DistributionName;
  } else {
    const inferred = inferDistribution(block, (k) => isFloat([...path, k]));
    if ('error' in inferred) {
      issues.add(path, `${inferred.error}, got ${show(block)}`);
      return undefined;
    }
    name = inferred.name;
    inferredFrom = inferred.from;
  }
  const takes = DISTRIBUTION_ARGS[name];
  let ok = true;
  for (const key of Object.keys(block)) {
    if (key === 'distribution' || (takes as readonly string[]).includes(key)) continue;
    const why = inferredFrom ? ` (inferred from ${inferredFrom})` : '';
    issues.add([...path, key], `is not used by ${name}${why}, which takes ${takes.join(', ')}`);
    ok = false;
  }
  for (const key of requiredArgs(name)) {
    if (has(block, key)) continue;
    issues.add([...path, key], `is required for ${name}`);
    ok = false;
  }
  if (!ok) return undefined;
  // W&B would never pick a value of probability 0, but grid search and the model-based samplers' unit mapping
  // would: such a value is a mistake either way, and leaving it out says the same thing.
  const zeroAt = Array.isArray(block.probabilities) ? block.probabilities.findIndex((x) => x === 0) : -1;
  if (zeroAt >= 0) issues.add([...path, 'probabilities'], `must all be > 0; leave the value out instead, got 0 at position ${zeroAt}`);
  try {
    const dist = makeDistribution(name, block as DistributionArgs);
    if (zeroAt >= 0) return undefined;
    return { name: p.name, dist, path, ...(inferredFrom ? { inferredFrom } : {}) };
  } catch (e) {
    // A config problem must never surface as a stack trace: anything unforeseen is reported at the parameter.
    if (isDistributionArgIssue(e)) issues.add([...path, e.arg], e.detail);
    else issues.add(path, errorText(e));
    return undefined;
  }
}

/** Grid search enumerates every parameter's support, so each needs a finite one. */
export function checkGridParameter(p: ParsedParameter, issues: Issues): void {
  if (p.dist.values()) return;
  const { dist } = p;
  const why =
    dist.kind === 'continuous'
      ? `${dist.name} is continuous`
      : dist instanceof QuantisedDistribution && !Number.isFinite(dist.base.lo + dist.base.hi)
        ? `${dist.name} is unbounded`
        : `${dist.name} has more than ${MAX_SUPPORT} values`;
  issues.add(p.path, `method grid needs a finite set of values but ${why}; give values, or q with a bounded min/max`);
}

const EXPONENT_FORMS = new Set<DistributionName>(['log_uniform', 'q_log_uniform', 'inv_log_uniform']);

/** The closed value range of a numeric distribution, and which argument sets each end. */
function valueRange(dist: Distribution): { lo: number; hi: number; loArg?: string; hiArg?: string } | undefined {
  const base = dist instanceof QuantisedDistribution ? dist.base : dist;
  if (dist instanceof IntUniformDistribution) return { lo: dist.min, hi: dist.max, loArg: 'min', hiArg: 'max' };
  if (!(base instanceof ContinuousDistribution)) return undefined;
  const support = dist.values() as readonly number[] | undefined;
  let lo = support ? support[0]! : base.lo;
  const hi = support ? support[support.length - 1]! : base.hi;
  // log_normal never yields 0 itself: its range is open there.
  if (base.name === 'log_normal' && lo === 0 && !(dist instanceof QuantisedDistribution)) lo = Number.MIN_VALUE;
  if (dist.name === 'inv_log_uniform') return { lo, hi, loArg: 'max', hiArg: 'min' };
  if (['normal', 'log_normal', 'q_normal', 'q_log_normal', 'beta', 'q_beta'].includes(dist.name)) return { lo, hi };
  return { lo, hi, loArg: 'min', hiArg: 'max' };
}

/**
 * With the built-in trainer every parameter must be a trainer hyperparameter and every value its distribution
 * can produce must be acceptable: choices one by one, numeric ranges by their ends.
 */
export function checkTrainerParameter(p: ParsedParameter, issues: Issues): void {
  const { dist, path, name } = p;
  const spec = TRAINER_HYPERPARAMETERS[name];
  if (!spec) return; // reported with the parameter's name, even when its distribution is broken
  const hint =
    p.inferredFrom === 'integer min/max'
      ? ' (int_uniform inferred from integer min/max; write 0.0 or set distribution: uniform for floats)'
      : '';
  if (dist.kind === 'categorical') {
    const values = dist.values() ?? [];
    const at = (i: number): Path => (dist.name === 'constant' ? [...path, 'value'] : [...path, 'values', i]);
    values.forEach((v, i) => {
      const msg = checkHyperparameter(name, v);
      if (msg) issues.add(at(i), msg);
    });
    return;
  }
  if (spec.type === 'enum' || spec.type === 'bool') {
    const takes = spec.type === 'bool' ? 'true or false' : `one of ${spec.values.join(', ')}`;
    const example = spec.type === 'bool' ? '[true, false]' : `[${spec.values.slice(0, 2).join(', ')}]`;
    issues.add(path, `${name} takes ${takes}; ${dist.name} gives numbers, use values: ${example}`);
    return;
  }
  if (spec.type === 'int' && !givesIntegers(dist)) {
    issues.add(path, `${name} takes integers but ${dist.name} gives fractions; use int_uniform, an integer q, or values`);
    return;
  }
  const range = valueRange(dist);
  if (!range) return;
  checkEnd(p, range, 'below', issues, hint);
  checkEnd(p, range, 'above', issues, hint);
}

function givesIntegers(dist: Distribution): boolean {
  if (dist instanceof IntUniformDistribution) return true;
  return dist instanceof QuantisedDistribution && Number.isInteger(dist.q);
}

type ValueRange = NonNullable<ReturnType<typeof valueRange>>;

function checkEnd(p: ParsedParameter, range: ValueRange, side: 'below' | 'above', issues: Issues, hint: string): void {
  const spec = TRAINER_HYPERPARAMETERS[p.name];
  if (!spec || (spec.type !== 'int' && spec.type !== 'float')) return;
  const [value, arg] = side === 'below' ? [range.lo, range.loArg] : [range.hi, range.hiArg];
  const where = arg ? [...p.path, arg] : p.path;
  if (!Number.isFinite(value)) {
    const exclusive = spec.type === 'float' && (side === 'below' ? spec.minExclusive : spec.maxExclusive);
    const limit = side === 'below' ? spec.min : spec.max;
    if (limit !== undefined)
      issues.add(
        where,
        `${p.dist.name} is unbounded ${side}, but ${p.name} must be ${side === 'below' ? '>' : '<'}${exclusive ? '' : '='} ${limit}`,
      );
    return;
  }
  const msg = checkHyperparameter(p.name, value as JsonValue);
  if (!msg) return;
  if (!arg) {
    // No argument sets this end (beta's [0, 1]): "got 1" would not say why, the support does.
    const minExclusive = spec.type === 'float' && spec.minExclusive === true;
    const maxExclusive = spec.type === 'float' && spec.maxExclusive === true;
    const tooLow = minExclusive ? value <= spec.min : value < spec.min;
    const broken = tooLow ? `>${minExclusive ? '' : '='} ${spec.min}` : `<${maxExclusive ? '' : '='} ${spec.max ?? '∞'}`;
    const hi = Number.isFinite(range.hi) ? `${range.hi}]` : '∞)';
    issues.add(where, `${p.dist.name}'s support [${range.lo}, ${hi} includes ${value}, but ${p.name} must be ${broken}`);
    return;
  }
  const exp =
    EXPONENT_FORMS.has(p.dist.name) && arg
      ? ` (${p.dist.name} takes exponents: the value is e^${arg}; use ${p.dist.name}_values to give values)`
      : '';
  issues.add(where, `${msg}${exp}${hint}`);
}

const VALUES_FORM: Partial<Record<DistributionName, DistributionName>> = {
  log_uniform: 'log_uniform_values',
  q_log_uniform: 'q_log_uniform_values',
  inv_log_uniform: 'inv_log_uniform_values',
};

/**
 * W&B's exponent forms read min/max as natural-log exponents. Bounds with 0 < min < max <= 1 (`min: 0.0001,
 * max: 0.1`) are almost always values meant for the `_values` form: as exponents they give values near 1.
 * Valid, so a warning rather than an error. Returns the message, or undefined when the bounds look like exponents.
 */
export function exponentBoundsWarning(p: ParsedParameter): string | undefined {
  const valuesForm = VALUES_FORM[p.dist.name];
  const base = p.dist instanceof QuantisedDistribution ? p.dist.base : p.dist;
  if (!valuesForm || !(base instanceof LogUniformDistribution)) return undefined;
  const [min, max] = base.name === 'inv_log_uniform' ? [-base.lnHi, -base.lnLo] : [base.lnLo, base.lnHi];
  if (!(min > 0 && max <= 1)) return undefined;
  const [lo, hi] = nearOne(base.lo, base.hi);
  return `${p.dist.name} takes exponents, so values will be in [${lo}, ${hi}]; for bounds given as values use ${valuesForm}`;
}

/** Two numbers near 1, each with the fewest significant digits (at least 4) that keep it off 1 and apart from the other. */
function nearOne(a: number, b: number): [string, string] {
  const round = (x: number, digits: number): number => Number(x.toPrecision(Math.min(digits, 17)));
  const digitsFor = (x: number): number => {
    let d = 4;
    while (d < 17 && x !== 1 && round(x, d) === 1) d++;
    return d;
  };
  let [da, db] = [digitsFor(a), digitsFor(b)];
  while (da < 17 && round(a, da) === round(b, db)) [da, db] = [da + 1, db + 1];
  return [String(round(a, da)), String(round(b, db))];
}

/**
 * The largest value a searched parameter can take, with the path that sets it (each choice of a categorical,
 * the upper end of a range), for checks against something outside the parameter (image trainer strides
 * against `trainer.input_shape`).
 */
export function largestValues(p: ParsedParameter): { value: number; path: Path }[] {
  const { dist, path } = p;
  if (dist.kind === 'categorical') {
    const values = dist.values() ?? [];
    return values.flatMap((v, i) =>
      typeof v === 'number' ? [{ value: v, path: dist.name === 'constant' ? [...path, 'value'] : [...path, 'values', i] }] : [],
    );
  }
  const range = valueRange(dist);
  return range && Number.isFinite(range.hi) ? [{ value: range.hi, path: range.hiArg ? [...path, range.hiArg] : path }] : [];
}

import type { Distribution, Space } from '../distributions/distribution.js';
import { show } from '../errors.js';
import type { JsonValue, Params } from '../json.js';
import { isRecord, type Issues, type Path } from './issues.js';

/**
 * `configs` of `method: manual` (the sweep's, or a stage's at `path`): the configurations to try, in order, each
 * checked against the space. A name that is not a parameter, a value the parameter cannot take and a searched
 * parameter left out are each reported at their path (`configs[2].unitz`), the value echoed; a constant
 * parameter (`value:`) left out takes its value. Nested parameters are written either nested
 * (`optimizer: {lr: 0.01}`) or dotted (`optimizer.lr: 0.01`). The list's shape is the schema's to check.
 */
export function parseManualConfigs(value: unknown, path: Path, space: Space, issues: Issues): Params[] {
  if (!Array.isArray(value)) return [];
  const names = space.map((p) => p.name);
  const out: Params[] = [];
  value.forEach((item: unknown, i) => {
    if (!isRecord(item)) return; // the schema reported it
    const at: Path = [...path, i];
    const written = flattenConfig(item, at, '', names);
    const params: Record<string, JsonValue> = {};
    for (const [name, { value: v, path: where }] of written) {
      const dist = space.find((p) => p.name === name)?.dist;
      if (!dist) issues.add(where, `is not a parameter of this sweep (parameters: ${names.join(', ')}), got ${show(name)}`);
      else if (!dist.contains(v)) issues.add(where, `is not a value ${name} can take (${support(dist)}), got ${show(v)}`);
      else params[name] = v;
    }
    for (const { name, dist } of space) {
      if (written.has(name)) continue;
      const values = dist.values();
      if (values?.length === 1) params[name] = values[0]!;
      else issues.add([...at, name], `is required: a manual configuration gives every searched parameter a value`);
    }
    out.push(params);
  });
  return out;
}

/** Parameter name -> value and where it is written; a mapping nests only where parameters are nested under its key. */
function flattenConfig(
  item: Record<string, unknown>,
  path: Path,
  prefix: string,
  names: readonly string[],
): Map<string, { value: JsonValue; path: Path }> {
  const out = new Map<string, { value: JsonValue; path: Path }>();
  for (const [key, v] of Object.entries(item)) {
    const name = `${prefix}${key}`;
    const nests = isRecord(v) && !names.includes(name) && names.some((n) => n.startsWith(`${name}.`));
    if (nests) for (const [n, w] of flattenConfig(v, [...path, key], `${name}.`, names)) out.set(n, w);
    else out.set(name, { value: v as JsonValue, path: [...path, key] });
  }
  return out;
}

/** What a parameter can take, for the error message: its values when few, else its range. */
function support(dist: Distribution): string {
  const values = dist.values();
  if (values && values.length <= 12) return `one of ${values.map((v) => show(v)).join(', ')}`;
  const lo = dist.fromUnit(0);
  const hi = dist.fromUnit(1);
  return typeof lo === 'number' && typeof hi === 'number' && Number.isFinite(lo) && Number.isFinite(hi)
    ? `${dist.name} in [${lo}, ${hi}]`
    : dist.name;
}

/** `configs` belongs to `method: manual`, which needs it. */
export function checkManualKey(method: unknown, configs: unknown, path: Path, issues: Issues): void {
  if (method === 'manual' && configs === undefined)
    issues.add([...path, 'configs'], 'is required with method manual: the list of configurations to try, e.g. [{learning_rate: 0.01}]');
  if (method !== 'manual' && configs !== undefined)
    issues.add([...path, 'configs'], `is only read with method manual (the configurations to try), got method ${show(method)}`);
}

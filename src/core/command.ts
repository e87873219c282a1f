import type { JsonValue, Params } from './json.js';
import { floatsOf, pyJson, pyStr, type FloatAt, type PyNumbers, type ValuePath } from './pystr.js';

/**
 * W&B `command` expansion, as W&B's agent does it (wandb_agent.py `_command_run`, sdk/launch/sweeps/utils.py
 * `create_sweep_command` and `create_sweep_command_args`), in our own code:
 * 1. `${envvar:NAME}` ([A-Z0-9_]* names) is replaced anywhere in an item by the variable, or by NAME when unset;
 * 2. an item that is a whole macro becomes its words: `${args}` → `--k=v` …, `${args_no_equals}` → `--k v` …,
 *    `${args_no_hyphens}` → `k=v`, `${args_no_boolean_flags}` → `--k` for true, nothing for false,
 *    `${args_append_hydra}` → `+k=v`, `${args_override_hydra}` → `++k=v`, `${args_json}` → Python's
 *    json.dumps of the params, `${args_json_file}` → a file holding that JSON, `${env}` → /usr/bin/env,
 *    `${interpreter}` → python, `${program}` → the program as written; an unknown whole macro is dropped;
 * 3. values are written with Python's str() (`True`, `1e-06`, `[800, 600]`, `{'lr': 0.001}`), one argument per
 *    top-level key: nested parameters reach the program as one dict, a dotted top-level name stays flat.
 * sweepgate adds: a whole item naming a parameter (`${batch_size}`) is its value; `${interpreter}` is node for
 * .js/.mjs/.cjs and bash for .sh programs; macros inside a longer item are expanded in place (W&B leaves them).
 */

export const DEFAULT_COMMAND: readonly string[] = ['${env}', '${interpreter}', '${program}', '${args}'];

const ENVVAR = /\$\{envvar:([A-Z0-9_]*)\}/g;

/** The list macros, by name, and how each writes one top-level key. */
const LIST_MACROS: Readonly<Record<string, (k: string, v: string, raw: JsonValue) => string[]>> = {
  args: (k, v) => [`--${k}=${v}`],
  args_no_equals: (k, v) => [`--${k}`, v],
  args_no_hyphens: (k, v) => [`${k}=${v}`],
  args_no_boolean_flags: (k, v, raw) => (raw === true ? [`--${k}`] : raw === false ? [] : [`--${k}=${v}`]),
  args_append_hydra: (k, v) => [`+${k}=${v}`],
  args_override_hydra: (k, v) => [`++${k}=${v}`],
};
const WORD_MACROS = ['env', 'interpreter', 'program', 'args_json', 'args_json_file'] as const;

export interface CommandInput {
  /** `program` as written in the config. */
  readonly program: string;
  /** The trial's params, flat (`optimizer.lr`). */
  readonly params: Params;
  /** Path of the file `${args_json_file}` names (holding `argsJson`). */
  readonly argsJsonFile: string;
  /** For `${envvar:NAME}`. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Per param, where its values are Python floats (see ProgramWorkload.pyNumbers); default: ints stay ints. */
  readonly pyNumbers?: Readonly<Record<string, PyNumbers>>;
  /** Per param, its key path under `parameters`; default: dotted names are nested (see nestParams). */
  readonly paramPaths?: Readonly<Record<string, readonly string[]>>;
}

/** One top-level argument: its key, its (possibly nested) value, and where that value holds floats. */
export interface TopArg {
  readonly key: string;
  readonly value: JsonValue;
  readonly isFloat: FloatAt;
}

function pathsOf(params: Params, given: Readonly<Record<string, readonly string[]>> | undefined): Record<string, readonly string[]> {
  if (given) return Object.fromEntries(Object.keys(params).map((n) => [n, given[n] ?? [n]]));
  // Without the config's structure: nest dotted names unless a prefix is itself a parameter (`a` beside `a.b`).
  const names = new Set(Object.keys(params));
  const out: Record<string, readonly string[]> = {};
  for (const n of names) {
    const parts = n.split('.');
    const prefixIsParam = parts.slice(1).some((_, i) => names.has(parts.slice(0, i + 1).join('.')));
    out[n] = parts.length === 1 || parts.includes('') || prefixIsParam ? [n] : parts;
  }
  return out;
}

/** Plain assignment would treat a key named `__proto__` as the prototype. */
function setOwn(obj: Record<string, JsonValue>, key: string, value: JsonValue): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * The params as W&B hands them to a run: one entry per top-level key in sorted order, nested parameters as
 * dicts with sorted keys (W&B's controller renests sorted names), dotted top-level names flat.
 */
export function topLevelArgs(params: Params, pyNumbers?: CommandInput['pyNumbers'], paramPaths?: CommandInput['paramPaths']): TopArg[] {
  const paths = pathsOf(params, paramPaths);
  const groups = new Map<string, { rest: readonly string[]; name: string }[]>();
  for (const name of Object.keys(params).sort()) {
    const [top, ...rest] = paths[name]!;
    const g = groups.get(top!) ?? [];
    g.push({ rest, name });
    groups.set(top!, g);
  }
  return [...groups.keys()].sort().map((key) => {
    const leaves = groups.get(key)!;
    const floats = leaves.map((l) => ({ rest: l.rest, at: floatsOf(pyNumbers?.[l.name], params[l.name]!) }));
    const isFloat: FloatAt = (p: ValuePath) => floats.some((f) => f.rest.every((seg, i) => p[i] === seg) && f.at(p.slice(f.rest.length)));
    if (leaves.length === 1 && leaves[0]!.rest.length === 0) return { key, value: params[leaves[0]!.name]!, isFloat };
    const root: Record<string, JsonValue> = {};
    for (const { rest, name } of [...leaves].sort((a, b) => cmp(a.rest.join('\0'), b.rest.join('\0')))) {
      let node = root;
      for (const seg of rest.slice(0, -1)) {
        if (!Object.prototype.hasOwnProperty.call(node, seg)) setOwn(node, seg, {});
        node = node[seg] as Record<string, JsonValue>;
      }
      setOwn(node, rest[rest.length - 1]!, params[name]!);
    }
    return { key, value: root, isFloat };
  });
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The params nested as the program sees them in JSON (`{"optimizer": {"lr": 0.1}}`). */
export function nestParams(params: Params, paramPaths?: CommandInput['paramPaths']): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const a of topLevelArgs(params, undefined, paramPaths)) setOwn(out, a.key, a.value);
  return out;
}

/** `${args_json}`: Python's json.dumps of the top-level args (`{"lr": 1e-06, "fast": true}`), floats as floats. */
export function argsJson(args: readonly TopArg[]): string {
  return `{${args.map((a) => `${pyJson(a.key)}: ${pyJson(a.value, a.isFloat)}`).join(', ')}}`;
}

/** W&B's `${interpreter}` is always `python`; sweepgate runs .js programs with node and .sh ones with bash. */
export function interpreterFor(program: string, nodePath = 'node'): string {
  const ext = /\.[^./\\]+$/.exec(program)?.[0]?.toLowerCase();
  if (ext === '.js' || ext === '.mjs' || ext === '.cjs') return nodePath;
  if (ext === '.sh') return 'bash';
  return 'python';
}

/** Expands a W&B command for one trial (see the module comment). `nodePath` is what `${interpreter}` is for .js. */
export function expandCommand(command: readonly string[], x: CommandInput, nodePath = 'node'): string[] {
  const args = topLevelArgs(x.params, x.pyNumbers, x.paramPaths);
  const lists: Record<string, string[]> = {};
  for (const [macro, write] of Object.entries(LIST_MACROS))
    lists[macro] = args.flatMap((a) => write(a.key, pyStr(a.value, a.isFloat), a.value));
  const words: Record<(typeof WORD_MACROS)[number], string> = {
    env: '/usr/bin/env',
    interpreter: interpreterFor(x.program, nodePath),
    program: x.program,
    args_json: argsJson(args),
    args_json_file: x.argsJsonFile,
  };
  const paramValue = (name: string): string | undefined => {
    const top = args.find((a) => a.key === name);
    if (top) return pyStr(top.value, top.isFloat);
    const v = x.params[name];
    return v === undefined ? undefined : pyStr(v, floatsOf(x.pyNumbers?.[name], v));
  };
  const out: string[] = [];
  for (const item of command.length > 0 ? command : DEFAULT_COMMAND) {
    const token = item.replace(ENVVAR, (_, name: string) => x.env[name] ?? name);
    if (token.startsWith('${') && token.endsWith('}')) {
      const name = token.slice(2, -1);
      if (name in lists) out.push(...lists[name]!);
      else if ((WORD_MACROS as readonly string[]).includes(name)) out.push(words[name as (typeof WORD_MACROS)[number]]);
      else {
        const v = paramValue(name);
        if (v !== undefined) out.push(v);
      }
      continue;
    }
    out.push(
      token.replace(/\$\{(\w+)\}/g, (m, name: string) =>
        name in lists
          ? lists[name]!.join(' ')
          : (WORD_MACROS as readonly string[]).includes(name)
            ? words[name as (typeof WORD_MACROS)[number]]
            : m,
      ),
    );
  }
  return out;
}

/** A note about one command item, for the config's warnings. */
export interface CommandNote {
  readonly index: number;
  readonly message: string;
}

/** Where the command does what W&B's agent would not, or drops an item: one note per such item. */
export function commandNotes(command: readonly string[], paramNames: readonly string[], topKeys: readonly string[]): CommandNote[] {
  const known = new Set([...Object.keys(LIST_MACROS), ...WORD_MACROS]);
  const params = new Set([...paramNames, ...topKeys]);
  const notes: CommandNote[] = [];
  command.forEach((item, index) => {
    const token = item.replace(ENVVAR, 'x');
    if (token.startsWith('${') && token.endsWith('}') && !/^\$\{envvar:[A-Z0-9_]*\}$/.test(item)) {
      const name = token.slice(2, -1);
      if (known.has(name)) return;
      if (params.has(name))
        notes.push({
          index,
          message: `${token} is the value of parameter ${name}; W&B's agent expands only its own macros and would drop this item`,
        });
      else
        notes.push({
          index,
          message: `${token} is not a macro (known: ${[...known].map((k) => `\${${k}}`).join(' ')} \${envvar:NAME}) nor a parameter; the item is dropped, as W&B's agent drops it`,
        });
      return;
    }
    for (const m of token.match(/\$\{[^}]*\}/g) ?? []) {
      const name = m.slice(2, -1);
      notes.push({
        index,
        message: known.has(name)
          ? `${m} inside a longer item is expanded by sweepgate; W&B's agent expands only whole items and would pass it as written`
          : `${m} is not a macro; it is passed as written, as W&B's agent passes it`,
      });
    }
  });
  return notes;
}

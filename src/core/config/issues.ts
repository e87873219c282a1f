import { ConfigError, configIssue, type ConfigIssue } from '../errors.js';

/** A path into the config document: object keys and array indices. */
export type Path = readonly (string | number)[];

/** `parameters.lr.min`, `stages[1].parameters[0]`; '' for the whole document. */
export function formatPath(path: Path): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  return out;
}

function isUnder(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((seg, i) => seg === path[i]);
}

/**
 * Collects every problem found in one pass so the user fixes them all at once. Structural (schema) problems
 * shadow the semantic checks at and below the same path: a `min` that is a string needs no second message.
 */
export class Issues {
  private readonly structural: { path: Path; message: string }[] = [];
  private readonly semantic: { path: Path; message: string }[] = [];

  /** `keyOrder`: the document's top-level keys, so problems are listed in the order the file reads. */
  constructor(private readonly keyOrder: readonly string[] = []) {}

  schema(path: Path, message: string): void {
    this.structural.push({ path, message });
  }

  add(path: Path, message: string): void {
    this.semantic.push({ path, message });
  }

  get count(): number {
    return this.structural.length + this.semantic.length;
  }

  toError(): ConfigError {
    // A semantic check echoing a structural problem adds nothing: skip it at or below that path, and at the list
    // whose item the schema already rejected (`probabilities[0]` vs `probabilities`).
    const shadowed = (p: Path): boolean =>
      this.structural.some(
        (s) =>
          s.path.length > 0 &&
          (isUnder(p, s.path) || (s.path.length === p.length + 1 && isUnder(s.path, p) && typeof s.path[p.length] === 'number')),
      );
    const firstAt = new Set<string>();
    const structural = this.structural.filter((s) => {
      const key = JSON.stringify(s.path);
      if (firstAt.has(key)) return false;
      firstAt.add(key);
      return true;
    });
    const rank = (p: Path): number => (p.length === 0 ? -1 : this.keyOrder.indexOf(String(p[0])));
    const all = [...structural, ...this.semantic.filter((s) => !shadowed(s.path))]
      .map((issue, i) => ({ issue, i }))
      .sort((a, b) => rank(a.issue.path) - rank(b.issue.path) || a.i - b.i)
      .map(({ issue }) => issue);
    const seen = new Set<string>();
    const issues: ConfigIssue[] = [];
    for (const { path, message } of all) {
      const issue = configIssue(formatPath(path), message);
      if (seen.has(issue.message)) continue;
      seen.add(issue.message);
      issues.push(issue);
    }
    return new ConfigError(issues);
  }

  throwIfAny(): void {
    if (this.count > 0) throw this.toError();
  }
}

export { isRecord } from '../json.js';

export function has(obj: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

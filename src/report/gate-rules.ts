import type { Loosening } from '../core/gate/index.js';

/** Who accepted a failed gate on purpose: a maintainer's PR label (the Action) or a reason given on the command line (the CLI). */
export type Acceptance = { readonly by?: string; readonly label: string } | { readonly reason: string };

/**
 * What the PR loosened, in plain words, and that main's rule decides until it is merged: `this PR raises the
 * val_accuracy threshold from 0.02 to 0.9 and drops the val_loss rule: main's rules apply until it is merged`.
 * Plain text (no markdown); empty when nothing was loosened.
 */
export function loosenedSentence(loosened: readonly Loosening[] | undefined): string {
  if (!loosened || loosened.length === 0) return '';
  const phrases = loosened.map(phrase);
  const rules = new Set(loosened.map((l) => l.metric)).size;
  return `this PR ${joined(phrases)}: main’s ${rules === 1 ? 'rule applies' : 'rules apply'} until it is merged`;
}

function phrase(l: Loosening): string {
  switch (l.what) {
    case 'dropped':
      return `drops the ${l.metric} rule`;
    case 'threshold':
      return `raises the ${l.metric} threshold from ${l.main} to ${l.pr}`;
    case 'alpha':
      return `raises the ${l.metric} alpha from ${l.main} to ${l.pr}`;
    case 'on':
      return `judges ${l.metric} on ${l.pr} instead of ${l.main}`;
    case 'goal':
      return `turns the ${l.metric} goal from ${l.main} to ${l.pr}`;
  }
}

function joined(items: readonly string[]): string {
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

/** `accepted by @alice with the label "sweepgate: accept regression"`, `accepted: <reason>`. Plain text; callers escape it. */
export function acceptanceText(a: Acceptance): string {
  if ('reason' in a) return `accepted: ${a.reason}`;
  return `accepted${a.by !== undefined ? ` by @${a.by}` : ''} with the label "${a.label}"`;
}

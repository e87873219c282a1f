import { errorText } from '../core/errors.js';
import type { Acceptance } from '../report/gate-rules.js';
import { httpStatus } from './comments.js';
import { redact, type Octokit } from './octokit.js';

/** The two reads the override needs: a PR's current labels and its issue events (who added which label). */
export interface LabelClient {
  /** The issue's labels now, page by page (not the event payload's, which a re-run does not refresh). */
  labels(issue: number): AsyncIterable<readonly string[]>;
  /** The issue's events, page by page, oldest first: only `labeled` ones matter here. */
  events(issue: number): AsyncIterable<readonly IssueEvent[]>;
}

export interface IssueEvent {
  readonly event: string;
  readonly label?: string;
  readonly actor?: string;
}

/** Bounded like the comment search: a broken `Link` header cannot loop forever. */
const MAX_PAGES = 300;

/**
 * The override of a failed gate: reads the PR's labels now and, when `label` is there, who added it. Any trouble
 * reading them is a warning and no acceptance (the gate stays failed).
 */
export async function readAcceptance(opts: {
  readonly label: string;
  readonly token: string;
  readonly issue: number;
  readonly client: (token: string) => LabelClient;
  readonly info: (message: string) => void;
  readonly warn: (message: string) => void;
}): Promise<Acceptance | undefined> {
  const { label, token, issue } = opts;
  if (label === '') return undefined;
  if (!token) {
    opts.warn(`no 'github-token': the PR's labels cannot be read, so the '${label}' label cannot accept this regression`);
    return undefined;
  }
  try {
    const found = await findAcceptance(opts.client(token), issue, label);
    if (!found) {
      opts.info(`the PR does not carry the '${label}' label ('accept-label'), so the failed gate stands`);
      return undefined;
    }
    opts.info(`the PR carries the '${label}' label${found.by ? `, added by ${found.by}` : ''}: the regression is accepted`);
    return { label, ...found };
  } catch (err) {
    const status = httpStatus(err);
    opts.warn(
      redact(
        `could not read the PR's labels to look for '${label}' (${status !== undefined ? `HTTP ${status}: ` : ''}${errorText(err)}); the gate stays failed`,
        token,
      ),
    );
    return undefined;
  }
}

/**
 * Who accepted the regression: when the PR carries `label`, the login of whoever added it last (the newest
 * `labeled` event for it; no login when the events do not say). `undefined` when the label is absent.
 */
export async function findAcceptance(client: LabelClient, issue: number, label: string): Promise<{ readonly by?: string } | undefined> {
  let present = false;
  let pages = 0;
  for await (const page of client.labels(issue)) {
    if (page.includes(label)) present = true;
    if (present || ++pages >= MAX_PAGES) break;
  }
  if (!present) return undefined;
  let by: string | undefined;
  pages = 0;
  for await (const page of client.events(issue)) {
    for (const e of page) if (e.event === 'labeled' && e.label === label && e.actor) by = e.actor;
    if (++pages >= MAX_PAGES) break;
  }
  return by !== undefined ? { by } : {};
}

interface RawEvent {
  readonly event?: string;
  readonly label?: { readonly name?: string } | null;
  readonly actor?: { readonly login?: string } | null;
}

export function octokitLabelClient(octokit: Octokit, repo: { readonly owner: string; readonly repo: string }): LabelClient {
  return {
    async *labels(issue) {
      const it = octokit.paginate.iterator(octokit.rest.issues.listLabelsOnIssue, { ...repo, issue_number: issue, per_page: 100 });
      for await (const page of it) yield page.data.map((l) => l.name);
    },
    async *events(issue) {
      const it = octokit.paginate.iterator(octokit.rest.issues.listEvents, { ...repo, issue_number: issue, per_page: 100 });
      for await (const page of it)
        yield (page.data as readonly RawEvent[]).map((e) => ({
          event: e.event ?? '',
          ...(e.label?.name ? { label: e.label.name } : {}),
          ...(e.actor?.login ? { actor: e.actor.login } : {}),
        }));
    },
  };
}

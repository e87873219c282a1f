import type { Octokit } from './octokit.js';

/**
 * The `workflow_run` event (issue 17, point 4): the `pull_request` run whose artifact this run reports on. A fork
 * PR's run has an empty `pull_requests` list in the payload, so the PR is found through the API from the run's head
 * SHA (see findPullRequest), never from a number the artifact names.
 */
export interface TriggeringRun {
  readonly id: number;
  /** The head commit the run tested: the PR's head, not its merge commit. */
  readonly headSha: string;
  /** `owner/name` of the repository the head is in (the fork), when the payload says. */
  readonly headRepo?: string;
  readonly headBranch?: string;
  /** The triggering run's event: only `pull_request` runs are reported. */
  readonly event: string;
  /** `success`, `failure`, ...: a sweep that failed its gate fails its run too, so this is shown, not decided on. */
  readonly conclusion?: string;
}

function rec(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The `workflow_run` block of an event payload, when it has one with a head SHA. */
export function triggeringRunOf(payload: Record<string, unknown>): TriggeringRun | undefined {
  const run = rec(payload.workflow_run);
  const headSha = str(run?.head_sha);
  if (!run || !headSha) return undefined;
  return {
    id: typeof run.id === 'number' ? run.id : 0,
    headSha,
    ...(str(rec(run.head_repository)?.full_name) ? { headRepo: str(rec(run.head_repository)?.full_name)! } : {}),
    ...(str(run.head_branch) ? { headBranch: str(run.head_branch)! } : {}),
    event: str(run.event) ?? '',
    ...(str(run.conclusion) ? { conclusion: str(run.conclusion)! } : {}),
  };
}

/** An open PR as the pulls API lists it: what the lookup matches on and what the report needs. */
export interface OpenPullRequest {
  readonly number: number;
  readonly headSha: string;
  /** `owner/name` of the head repository (absent when the fork was deleted). */
  readonly headRepo?: string;
  readonly baseRef: string;
  readonly baseSha: string;
}

export interface PullRequestClient {
  /** The base repository's open PRs, page by page, most recently updated first. */
  open(): AsyncIterable<readonly OpenPullRequest[]>;
}

export type PullRequestLookup = { readonly kind: 'found'; readonly pr: OpenPullRequest } | { readonly kind: 'none'; readonly why: string };

/** Bounded: 30 pages of 100 open PRs is far past any real repository, and a broken `Link` header cannot loop forever. */
const MAX_PAGES = 30;

/**
 * The one open PR whose head is the run's head commit (and, when the payload names it, in the run's head
 * repository). Two open PRs with that head (the same branch proposed into two bases) are not guessed between.
 */
export async function findPullRequest(client: PullRequestClient, run: TriggeringRun): Promise<PullRequestLookup> {
  const matches: OpenPullRequest[] = [];
  let pages = 0;
  for await (const page of client.open()) {
    for (const pr of page) if (pr.headSha === run.headSha && sameRepo(pr.headRepo, run.headRepo)) matches.push(pr);
    if (++pages >= MAX_PAGES) break;
  }
  const head = `${run.headSha.slice(0, 12)}${run.headRepo ? ` (${run.headRepo}${run.headBranch ? `:${run.headBranch}` : ''})` : ''}`;
  if (matches.length === 1) return { kind: 'found', pr: matches[0]! };
  if (matches.length === 0) return { kind: 'none', why: `no open pull request has the head commit ${head} (closed, or pushed to since)` };
  return {
    kind: 'none',
    why: `${matches.length} open pull requests have the head commit ${head} (${matches.map((p) => `#${p.number}`).join(', ')}): sweepgate does not guess which one the run was for`,
  };
}

/** Repository names are case-insensitive on GitHub; an unknown side matches (the SHA alone decides). */
function sameRepo(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a.toLowerCase() === b.toLowerCase();
}

interface RawPull {
  readonly number: number;
  readonly head: { readonly sha: string; readonly repo?: { readonly full_name?: string } | null };
  readonly base: { readonly sha: string; readonly ref: string };
}

export function octokitPullRequestClient(octokit: Octokit, repo: { readonly owner: string; readonly repo: string }): PullRequestClient {
  return {
    async *open() {
      const it = octokit.paginate.iterator(octokit.rest.pulls.list, {
        ...repo,
        state: 'open',
        sort: 'updated',
        direction: 'desc',
        per_page: 100,
      });
      for await (const page of it)
        yield (page.data as readonly RawPull[]).map((p) => ({
          number: p.number,
          headSha: p.head.sha,
          ...(p.head.repo?.full_name ? { headRepo: p.head.repo.full_name } : {}),
          baseRef: p.base.ref,
          baseSha: p.base.sha,
        }));
    },
  };
}

import type { getOctokit } from '@actions/github';
import { sha256Hex } from '../core/hash.js';

export interface IssueComment {
  readonly id: number;
  readonly body: string;
  readonly user: { readonly login: string; readonly type: string } | null;
  readonly url?: string;
}

/** The few issue-comment calls the action makes; the Octokit one is below, tests use fakes. */
export interface CommentClient {
  /**
   * Login of the token's own user (GET /user), or undefined when the API will not say: installation tokens
   * (the default GITHUB_TOKEN) get 403 there.
   */
  viewer(): Promise<string | undefined>;
  /** Every comment of the issue, page by page, oldest first. */
  pages(issue: number): AsyncIterable<readonly IssueComment[]>;
  create(issue: number, body: string): Promise<IssueComment>;
  update(id: number, body: string): Promise<IssueComment>;
}

/** The login the default GITHUB_TOKEN comments as. */
export const ACTIONS_BOT = 'github-actions[bot]';

/** Names up to this long are the marker as they are; a longer one is cut and told apart by a hash of the whole. */
const MARKER_NAME_CHARS = 100;

/** Hidden first line of the comment; finds it again on the next run. */
export function commentMarker(sweep: string): string {
  // A name must not be able to close the HTML comment early.
  const safe = sweep.replace(/-{2,}/g, '-').replace(/[<>\r\n]/g, '_');
  const chars = Array.from(safe);
  const name = chars.length <= MARKER_NAME_CHARS ? safe : `${chars.slice(0, 64).join('')}…${sha256Hex(sweep).slice(0, 16)}`;
  return `<!-- sweepgate:${name} -->`;
}

/**
 * Whether `body` is the comment `marker` heads: the marker is its whole first line. Anywhere else (a human quoting
 * it, a value in the report that spells another sweep's marker) it is not ours.
 */
export function headedBy(body: string, marker: string): boolean {
  return body.startsWith(marker) && /^(?:\r?\n|$)/.test(body.slice(marker.length));
}

/** An HTTP status carried by an error (Octokit's RequestError has `status`). */
export function httpStatus(err: unknown): number | undefined {
  return typeof err === 'object' && err !== null && 'status' in err && typeof err.status === 'number' ? err.status : undefined;
}

/**
 * Whose comments may be ours. With a known login: exactly that user's. Without one (installation token, GET
 * /user refused): bot-authored comments only, preferring `github-actions[bot]`; a human's comment that
 * quotes the marker is never taken over.
 */
function ownership(login: string | undefined): (c: IssueComment) => number {
  if (login !== undefined) return (c) => (c.user?.login === login ? 2 : 0);
  return (c) => (c.user?.type !== 'Bot' ? 0 : c.user.login === ACTIONS_BOT ? 2 : 1);
}

/** Bounded: 300 pages of 100 is far past any real PR, and a broken `Link` header cannot loop forever. */
const MAX_PAGES = 300;

export async function findComment(client: CommentClient, issue: number, marker: string): Promise<IssueComment | undefined> {
  const score = ownership(await client.viewer());
  let fallback: IssueComment | undefined;
  let pages = 0;
  for await (const page of client.pages(issue)) {
    for (const c of page) {
      if (!headedBy(c.body, marker)) continue;
      const s = score(c);
      if (s === 2) return c;
      if (s === 1) fallback ??= c;
    }
    if (++pages >= MAX_PAGES) break;
  }
  return fallback;
}

export type UpsertResult = { readonly action: 'created' | 'updated'; readonly comment: IssueComment } | { readonly action: 'skipped' };

/**
 * Updates the sticky comment in place, or creates it when `create` allows (an `on-regression` run that
 * passes still updates an earlier comment, so it never shows a stale failure, but does not start one).
 */
export async function upsertComment(
  client: CommentClient,
  issue: number,
  marker: string,
  body: string,
  opts: { readonly create: boolean },
): Promise<UpsertResult> {
  const existing = await findComment(client, issue, marker);
  if (existing) return { action: 'updated', comment: await client.update(existing.id, body) };
  if (!opts.create) return { action: 'skipped' };
  return { action: 'created', comment: await client.create(issue, body) };
}

type Octokit = ReturnType<typeof getOctokit>;

interface RawComment {
  readonly id: number;
  readonly body?: string | null;
  readonly html_url?: string;
  readonly user?: { readonly login: string; readonly type: string } | null;
}

function toComment(c: RawComment): IssueComment {
  return {
    id: c.id,
    body: c.body ?? '',
    user: c.user ? { login: c.user.login, type: c.user.type } : null,
    ...(c.html_url ? { url: c.html_url } : {}),
  };
}

export function octokitCommentClient(octokit: Octokit, repo: { readonly owner: string; readonly repo: string }): CommentClient {
  return {
    async viewer() {
      try {
        return (await octokit.rest.users.getAuthenticated()).data.login;
      } catch (err) {
        const status = httpStatus(err);
        if (status === 401 || status === 403 || status === 404) return undefined;
        throw err;
      }
    },
    async *pages(issue) {
      const it = octokit.paginate.iterator(octokit.rest.issues.listComments, { ...repo, issue_number: issue, per_page: 100 });
      for await (const page of it) yield page.data.map(toComment);
    },
    async create(issue, body) {
      return toComment((await octokit.rest.issues.createComment({ ...repo, issue_number: issue, body })).data);
    },
    async update(id, body) {
      return toComment((await octokit.rest.issues.updateComment({ ...repo, comment_id: id, body })).data);
    },
  };
}

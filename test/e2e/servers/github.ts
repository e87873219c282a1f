import { json, listen, type Loopback, type Seen } from './http.js';
import type { ServerResponse } from 'node:http';

/**
 * The slice of the GitHub REST API the action calls, on loopback: GET /user, issue comments (list with
 * `Link` pagination, create, update), an issue's labels and its events (listed with the same pagination), a
 * repository's open pull requests (the same pagination) and creating a check run. Identities come from the token, as on GitHub; an installation token
 * (the default GITHUB_TOKEN) gets 403 on GET /user.
 */
export interface FakeUser {
  readonly login: string;
  readonly id: number;
  readonly type: 'User' | 'Bot';
}

export interface TokenInfo {
  readonly user: FakeUser;
  /** GET /user answers 403 "Resource not accessible by integration", like an installation token. */
  readonly installation?: boolean;
}

export interface StoredComment {
  id: number;
  body: string;
  user: FakeUser;
  issue: string;
  created_at: string;
  updated_at: string;
}

export interface FakeGitHub extends Loopback {
  /** Comments of one issue, oldest first. */
  comments(owner: string, repo: string, issue: number): StoredComment[];
  addComment(owner: string, repo: string, issue: number, user: FakeUser, body: string): StoredComment;
  /** Adds a label to an issue as `user` (recorded as a `labeled` issue event); `removeLabel` takes it off (`unlabeled`). */
  addLabel(owner: string, repo: string, issue: number, user: FakeUser, name: string): void;
  removeLabel(owner: string, repo: string, issue: number, user: FakeUser, name: string): void;
  /** Opens a pull request into `owner/repo` (listed by GET /repos/{owner}/{repo}/pulls, most recent first). */
  addPullRequest(owner: string, repo: string, pr: FakePullRequest): void;
  /** Check runs created in `owner/repo`, oldest first. */
  checkRuns(owner: string, repo: string): StoredCheckRun[];
  /** When set, creating and updating comments (and check runs) answers 403 (a fork PR's read-only token). */
  forbidWrites: boolean;
  /** The next requests (matching `method`, if given) answer these instead, one each, in order. */
  fail(...faults: Fault[]): void;
}

/** An open pull request as GET /repos/{owner}/{repo}/pulls lists it (the fields sweepgate reads). */
export interface FakePullRequest {
  readonly number: number;
  readonly headSha: string;
  /** `owner/name` of the head repository: a fork's for a fork PR. */
  readonly headRepo: string;
  readonly headRef: string;
  readonly baseRef: string;
  readonly baseSha: string;
}

/** A check run as POST /repos/{owner}/{repo}/check-runs received it. */
export interface StoredCheckRun {
  readonly id: number;
  readonly repo: string;
  readonly user: string;
  readonly body: Record<string, unknown>;
}

/** A canned error answer: a 502 from a proxy, a secondary rate limit, a 401. */
export interface Fault {
  readonly status: number;
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly message?: string;
}

/** What GitHub answers when a secondary rate limit is hit (403 with Retry-After). */
export const SECONDARY_RATE_LIMIT: Fault = {
  status: 403,
  headers: { 'retry-after': '1' },
  message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
};

export const ACTIONS_BOT: FakeUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

function forbidden(res: ServerResponse): void {
  json(res, 403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' });
}

function pullJson(repo: string, pr: FakePullRequest): Record<string, unknown> {
  const [headOwner] = pr.headRepo.split('/');
  return {
    number: pr.number,
    state: 'open',
    head: {
      sha: pr.headSha,
      ref: pr.headRef,
      label: `${headOwner}:${pr.headRef}`,
      repo: { full_name: pr.headRepo, fork: pr.headRepo !== repo },
    },
    base: { sha: pr.baseSha, ref: pr.baseRef, label: `${repo.split('/')[0]}:${pr.baseRef}`, repo: { full_name: repo } },
  };
}

export async function fakeGitHub(opts: { tokens: Record<string, TokenInfo>; maxPerPage?: number }): Promise<FakeGitHub> {
  const maxPerPage = opts.maxPerPage ?? 100;
  const all: StoredComment[] = [];
  let nextId = 1000;
  let base = '';
  const state = { forbidWrites: false };
  const faults: Fault[] = [];
  const labels = new Map<string, string[]>();
  const pulls: { repo: string; pr: FakePullRequest }[] = [];
  const checks: StoredCheckRun[] = [];
  const events: { issue: string; event: 'labeled' | 'unlabeled'; actor: FakeUser; label: string; created_at: string }[] = [];
  const labelEvent = (issue: string, user: FakeUser, name: string, event: 'labeled' | 'unlabeled'): void => {
    events.push({
      issue,
      event,
      actor: user,
      label: name,
      created_at: new Date(Date.UTC(2024, 0, 2) + events.length * 1000).toISOString(),
    });
  };
  /** One page of `list` with GitHub's `Link` header, as the comments endpoint pages. */
  const paged = (res: ServerResponse, url: URL, list: readonly unknown[]): void => {
    const perPage = Math.min(maxPerPage, Number(url.searchParams.get('per_page') ?? 30) || 30);
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
    const last = Math.max(1, Math.ceil(list.length / perPage));
    const link = (p: number, rel: string): string => `<${base}${url.pathname}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
    const links = [
      ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
      ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : []),
    ];
    json(res, 200, list.slice((page - 1) * perPage, page * perPage), links.length > 0 ? { link: links.join(', ') } : {});
  };

  const commentJson = (c: StoredComment): Record<string, unknown> => {
    const [owner, repo, n] = c.issue.split('/');
    return {
      id: c.id,
      node_id: `IC_${c.id}`,
      url: `${base}/repos/${owner}/${repo}/issues/comments/${c.id}`,
      html_url: `https://github.com/${owner}/${repo}/pull/${n}#issuecomment-${c.id}`,
      issue_url: `${base}/repos/${owner}/${repo}/issues/${n}`,
      body: c.body,
      user: { login: c.user.login, id: c.user.id, type: c.user.type },
      created_at: c.created_at,
      updated_at: c.updated_at,
      author_association: c.user.type === 'Bot' ? 'NONE' : 'OWNER',
    };
  };

  const add = (issue: string, user: FakeUser, body: string): StoredComment => {
    const now = new Date(Date.UTC(2024, 0, 1) + nextId * 1000).toISOString();
    const c = { id: nextId++, body, user, issue, created_at: now, updated_at: now };
    all.push(c);
    return c;
  };

  const who = (req: Seen): TokenInfo | undefined => {
    const m = /^(?:token|bearer)\s+(.+)$/i.exec(String(req.headers.authorization ?? ''));
    return m?.[1] ? opts.tokens[m[1]] : undefined;
  };

  const server = await listen((req, res) => {
    const url = new URL(req.path, base);
    const i = faults.findIndex((f) => f.method === undefined || f.method === req.method);
    if (i >= 0) {
      const [f] = faults.splice(i, 1);
      return json(res, f!.status, { message: f!.message ?? `fault ${f!.status}`, status: String(f!.status) }, f!.headers ?? {});
    }
    const token = who(req);
    if (!token) return json(res, 401, { message: 'Bad credentials', status: '401' });
    if (req.method === 'GET' && url.pathname === '/user') {
      if (token.installation) return forbidden(res);
      return json(res, 200, { login: token.user.login, id: token.user.id, type: token.user.type });
    }
    const lm = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/(labels|events)$/.exec(url.pathname);
    if (lm && req.method === 'GET') {
      const issue = `${lm[1]}/${lm[2]}/${lm[3]}`;
      if (lm[4] === 'labels')
        return paged(
          res,
          url,
          (labels.get(issue) ?? []).map((name, i) => ({ id: 100 + i, node_id: `LA_${i}`, name, color: 'ededed', default: false })),
        );
      return paged(
        res,
        url,
        events
          .filter((e) => e.issue === issue)
          .map((e, i) => ({
            id: 5000 + i,
            event: e.event,
            actor: { login: e.actor.login, id: e.actor.id, type: e.actor.type },
            label: { name: e.label, color: 'ededed' },
            created_at: e.created_at,
          })),
      );
    }
    let m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname);
    if (m) {
      const issue = `${m[1]}/${m[2]}/${m[3]}`;
      if (req.method === 'GET') {
        const perPage = Math.min(maxPerPage, Number(url.searchParams.get('per_page') ?? 30) || 30);
        const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
        const list = all.filter((c) => c.issue === issue);
        const last = Math.max(1, Math.ceil(list.length / perPage));
        const link = (p: number, rel: string): string => `<${base}${url.pathname}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
        const links = [
          ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
          ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : []),
        ];
        return json(
          res,
          200,
          list.slice((page - 1) * perPage, page * perPage).map(commentJson),
          links.length > 0 ? { link: links.join(', ') } : {},
        );
      }
      if (req.method === 'POST') {
        if (state.forbidWrites) return forbidden(res);
        const body = (JSON.parse(req.body.toString('utf8')) as { body?: unknown }).body;
        if (typeof body !== 'string') return json(res, 422, { message: 'Validation Failed' });
        if (body.length > 65_536)
          return json(res, 422, {
            message: 'Validation Failed',
            errors: [{ field: 'body', code: 'custom', message: 'body is too long (maximum is 65536 characters)' }],
          });
        return json(res, 201, commentJson(add(issue, token.user, body)));
      }
    }
    m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (m && req.method === 'PATCH') {
      const c = all.find((x) => x.id === Number(m![3]) && x.issue.startsWith(`${m![1]}/${m![2]}/`));
      if (!c) return json(res, 404, { message: 'Not Found' });
      if (state.forbidWrites || c.user.login !== token.user.login) return forbidden(res);
      const body = (JSON.parse(req.body.toString('utf8')) as { body?: unknown }).body;
      if (typeof body !== 'string') return json(res, 422, { message: 'Validation Failed' });
      if (body.length > 65_536) return json(res, 422, { message: 'Validation Failed' });
      c.body = body;
      c.updated_at = new Date(Date.parse(c.updated_at) + 1000).toISOString();
      return json(res, 200, commentJson(c));
    }
    m = /^\/repos\/([^/]+)\/([^/]+)\/pulls$/.exec(url.pathname);
    if (m && req.method === 'GET') {
      const wanted = url.searchParams.get('state') ?? 'open';
      const list = wanted === 'closed' ? [] : pulls.filter((p) => p.repo === `${m![1]}/${m![2]}`).reverse();
      return paged(
        res,
        url,
        list.map((p) => pullJson(p.repo, p.pr)),
      );
    }
    m = /^\/repos\/([^/]+)\/([^/]+)\/check-runs$/.exec(url.pathname);
    if (m && req.method === 'POST') {
      if (state.forbidWrites) return forbidden(res);
      const body = JSON.parse(req.body.toString('utf8')) as Record<string, unknown>;
      const output = (body.output ?? {}) as Record<string, unknown>;
      if (typeof body.name !== 'string' || typeof body.head_sha !== 'string' || !/^[0-9a-f]{40}$/.test(body.head_sha))
        return json(res, 422, { message: 'Validation Failed', errors: [{ field: 'head_sha', code: 'invalid' }] });
      if (typeof output.summary === 'string' && output.summary.length > 65_535)
        return json(res, 422, { message: 'Validation Failed', errors: [{ field: 'output.summary', code: 'too_long' }] });
      const id = 7000 + checks.length;
      checks.push({ id, repo: `${m[1]}/${m[2]}`, user: token.user.login, body });
      return json(res, 201, { id, name: body.name, head_sha: body.head_sha, html_url: `https://github.com/${m[1]}/${m[2]}/runs/${id}` });
    }
    return json(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
  });
  base = server.url;

  return {
    ...server,
    addPullRequest: (owner, repo, pr) => {
      pulls.push({ repo: `${owner}/${repo}`, pr });
    },
    checkRuns: (owner, repo) => checks.filter((c) => c.repo === `${owner}/${repo}`),
    comments: (owner, repo, issue) => all.filter((c) => c.issue === `${owner}/${repo}/${issue}`),
    addComment: (owner, repo, issue, user, body) => add(`${owner}/${repo}/${issue}`, user, body),
    addLabel: (owner, repo, issue, user, name) => {
      const key = `${owner}/${repo}/${issue}`;
      labels.set(key, [...(labels.get(key) ?? []).filter((l) => l !== name), name]);
      labelEvent(key, user, name, 'labeled');
    },
    removeLabel: (owner, repo, issue, user, name) => {
      const key = `${owner}/${repo}/${issue}`;
      labels.set(
        key,
        (labels.get(key) ?? []).filter((l) => l !== name),
      );
      labelEvent(key, user, name, 'unlabeled');
    },
    fail: (...f) => {
      faults.push(...f);
    },
    get forbidWrites() {
      return state.forbidWrites;
    },
    set forbidWrites(v: boolean) {
      state.forbidWrites = v;
    },
  };
}

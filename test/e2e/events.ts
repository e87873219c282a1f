import { createRequire } from 'node:module';

/**
 * Real webhook payloads (from @octokit/webhooks-examples), adjusted the way a scenario needs: the
 * repository's default branch, the PR's number and base commit, the pushed ref and commit.
 */
type Json = Record<string, unknown>;
interface Example {
  readonly name: string;
  readonly examples: readonly Json[];
}

const require = createRequire(import.meta.url);
const EXAMPLES = require('@octokit/webhooks-examples/api.github.com/index.json') as readonly Example[];

function example(event: string, pick: (p: Json) => boolean): Json {
  const list = EXAMPLES.find((e) => e.name === event)?.examples ?? [];
  const found = list.find(pick);
  if (!found) throw new Error(`no ${event} example in @octokit/webhooks-examples matches`);
  return structuredClone(found);
}

export const REPO = { owner: 'Codertocat', repo: 'Hello-World', fullName: 'Codertocat/Hello-World' } as const;

function withDefaultBranch(p: Json, branch: string): Json {
  const repository = p.repository as Json;
  repository.default_branch = branch;
  if ('master_branch' in repository) repository.master_branch = branch;
  return p;
}

export function pullRequestEvent(opts: {
  number: number;
  baseSha: string;
  headSha: string;
  defaultBranch?: string;
  action?: string;
}): Json {
  const p = example('pull_request', (x) => x.action === (opts.action ?? 'synchronize'));
  const branch = opts.defaultBranch ?? 'main';
  p.number = opts.number;
  const pr = p.pull_request as Json;
  pr.number = opts.number;
  (pr.base as Json).sha = opts.baseSha;
  (pr.base as Json).ref = branch;
  ((pr.base as Json).repo as Json).default_branch = branch;
  (pr.head as Json).sha = opts.headSha;
  return withDefaultBranch(p, branch);
}

export function pushEvent(opts: { ref: string; sha: string; defaultBranch?: string }): Json {
  const p = example('push', (x) => typeof x.ref === 'string' && x.ref.startsWith('refs/heads/'));
  p.ref = opts.ref;
  p.after = opts.sha;
  return withDefaultBranch(p, opts.defaultBranch ?? 'main');
}

export function workflowDispatchEvent(opts: { ref: string; defaultBranch?: string }): Json {
  const p = example('workflow_dispatch', () => true);
  p.ref = opts.ref;
  return withDefaultBranch(p, opts.defaultBranch ?? 'main');
}

export function issueCommentEvent(): Json {
  return withDefaultBranch(
    example('issue_comment', (x) => x.action === 'created'),
    'main',
  );
}

/**
 * A completed `workflow_run` event for a fork PR's `pull_request` run: the head commit and repository are the fork's,
 * and `pull_requests` is empty, as GitHub sends it for a fork.
 */
export function workflowRunEvent(opts: {
  runId: number;
  headSha: string;
  headRepo: string;
  headBranch?: string;
  event?: string;
  action?: string;
  conclusion?: string;
  defaultBranch?: string;
}): Json {
  const p = example('workflow_run', (x) => x.action === 'completed');
  p.action = opts.action ?? 'completed';
  const run = p.workflow_run as Json;
  run.id = opts.runId;
  run.event = opts.event ?? 'pull_request';
  run.status = 'completed';
  run.conclusion = opts.conclusion ?? 'success';
  run.head_sha = opts.headSha;
  run.head_branch = opts.headBranch ?? 'patch-1';
  run.head_repository = { ...((run.head_repository as Json | undefined) ?? {}), full_name: opts.headRepo };
  run.pull_requests = [];
  return withDefaultBranch(p, opts.defaultBranch ?? 'main');
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { triggeringRunOf, type TriggeringRun } from './workflow-run.js';

/** What the runner tells the action about this run, read once from the environment and the event payload. */
export interface RunContext {
  readonly eventName: string;
  readonly owner: string;
  readonly repo: string;
  readonly sha: string;
  readonly ref: string;
  readonly runId: string;
  readonly runAttempt: string;
  readonly serverUrl: string;
  readonly workspace: string;
  readonly runnerTemp: string;
  /** `repository.default_branch` from the payload, when it has one. */
  readonly defaultBranch?: string;
  /** The PR, for `pull_request` events. */
  readonly pullRequest?: { readonly number: number; readonly baseSha?: string; readonly headSha?: string; readonly baseRef?: string };
  /** `workflow_run` events: the run that triggered this one (`action` is `completed` or `requested`). */
  readonly workflowRun?: TriggeringRun & { readonly action: string };
}

/** Missing or malformed runner environment: fatal (the action is not running where it thinks it is). */
export class RunContextError extends Error {
  override readonly name = 'RunContextError';
}

type Env = Readonly<Record<string, string | undefined>>;

function rec(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function readPayload(env: Env): Record<string, unknown> {
  const file = env.GITHUB_EVENT_PATH;
  if (!file) return {};
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new RunContextError(`GITHUB_EVENT_PATH points at '${file}', which cannot be read`);
  }
  try {
    return rec(JSON.parse(text)) ?? {};
  } catch {
    throw new RunContextError(`GITHUB_EVENT_PATH '${file}' is not JSON`);
  }
}

export function readRunContext(env: Env = process.env): RunContext {
  const payload = readPayload(env);
  const repository = rec(payload.repository);
  const full = str(env.GITHUB_REPOSITORY) ?? str(repository?.full_name);
  const [owner, repo] = full?.split('/') ?? [];
  if (!owner || !repo) {
    throw new RunContextError(`GITHUB_REPOSITORY must look like 'owner/repo' but got '${env.GITHUB_REPOSITORY ?? ''}'`);
  }
  const eventName = str(env.GITHUB_EVENT_NAME) ?? '';
  const pr = rec(payload.pull_request);
  const number = typeof pr?.number === 'number' ? pr.number : typeof payload.number === 'number' ? payload.number : undefined;
  const workspace = path.resolve(str(env.GITHUB_WORKSPACE) ?? process.cwd());
  const triggering = triggeringRunOf(payload);
  return {
    eventName,
    owner,
    repo,
    sha: str(env.GITHUB_SHA) ?? '',
    ref: str(env.GITHUB_REF) ?? '',
    runId: str(env.GITHUB_RUN_ID) ?? '0',
    runAttempt: str(env.GITHUB_RUN_ATTEMPT) ?? '1',
    serverUrl: (str(env.GITHUB_SERVER_URL) ?? 'https://github.com').replace(/\/+$/, ''),
    workspace,
    runnerTemp: path.resolve(str(env.RUNNER_TEMP) ?? os.tmpdir()),
    defaultBranch: str(repository?.default_branch),
    pullRequest:
      pr && number !== undefined
        ? {
            number,
            baseSha: str(rec(pr.base)?.sha),
            headSha: str(rec(pr.head)?.sha),
            baseRef: str(rec(pr.base)?.ref),
          }
        : undefined,
    ...(triggering ? { workflowRun: { ...triggering, action: str(payload.action) ?? '' } } : {}),
  };
}

/** Link to this workflow run, for the report. */
export function runUrl(ctx: RunContext): string {
  const base = `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${ctx.runId}`;
  return ctx.runAttempt !== '1' ? `${base}/attempts/${ctx.runAttempt}` : base;
}

/**
 * What this event asks for (issue 3, item 2). `pull_request_target` runs with a write token on the base
 * branch's workflow; sweeping there would either compare main with itself or, if the workflow checked out
 * the PR head, run untrusted code with that token. It is refused, never run.
 */
export type Plan =
  | { readonly kind: 'pull-request'; readonly number: number; readonly baseSha?: string }
  | { readonly kind: 'baseline'; readonly branch: string }
  | { readonly kind: 'sweep-only'; readonly why: string }
  /** A completed `pull_request` run's artifact to report on (`mode: report` with `results-file`); never a sweep. */
  | { readonly kind: 'workflow-run'; readonly run: TriggeringRun }
  | { readonly kind: 'refused'; readonly why: string }
  | { readonly kind: 'unsupported'; readonly why: string };

export function planFor(ctx: RunContext, baselineBranch: string | undefined): Plan {
  const branch = baselineBranch ?? ctx.defaultBranch;
  switch (ctx.eventName) {
    case 'pull_request':
      if (!ctx.pullRequest) {
        throw new RunContextError('a pull_request event without pull_request.number in its payload (GITHUB_EVENT_PATH)');
      }
      return { kind: 'pull-request', number: ctx.pullRequest.number, baseSha: ctx.pullRequest.baseSha };
    case 'push':
      if (branch && ctx.ref === `refs/heads/${branch}`) return { kind: 'baseline', branch };
      return {
        kind: 'sweep-only',
        why: branch
          ? `push to ${ctx.ref || 'an unknown ref'}, not to the baseline branch '${branch}': no baseline is recorded`
          : `push to ${ctx.ref || 'an unknown ref'}, and the baseline branch is unknown (set the 'baseline-branch' input): no baseline is recorded`,
      };
    case 'workflow_dispatch':
      return { kind: 'sweep-only', why: 'manual run (workflow_dispatch): the sweep runs and is reported; no baseline is recorded' };
    case 'workflow_run':
      return workflowRunPlan(ctx);
    case 'pull_request_target':
      return {
        kind: 'refused',
        why:
          "sweepgate does not run on 'pull_request_target': that event runs with a write token and secrets, so it " +
          'must never train or import code from the pull request. Use the pull_request event (see docs: fork PRs).',
      };
    default:
      return {
        kind: 'unsupported',
        why: `sweepgate has nothing to do on '${ctx.eventName || '(no event)'}' events: run it on pull_request (compare and gate), push (record the baseline on the default branch), workflow_dispatch, or workflow_run (mode: report, for fork PRs)`,
      };
  }
}

/** Only a finished `pull_request` run has a PR and an artifact to report on. */
function workflowRunPlan(ctx: RunContext): Plan {
  const run = ctx.workflowRun;
  if (!run) throw new RunContextError('a workflow_run event without workflow_run.head_sha in its payload (GITHUB_EVENT_PATH)');
  if (run.action !== 'completed')
    return { kind: 'unsupported', why: `workflow_run '${run.action}': sweepgate reports once the run has completed (types: [completed])` };
  if (run.event !== 'pull_request')
    return {
      kind: 'unsupported',
      why: `the triggering run was a '${run.event || '(unknown)'}' run, not a pull_request one: there is no pull request to report to`,
    };
  return { kind: 'workflow-run', run };
}

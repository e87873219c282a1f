import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { errorText } from '../core/errors.js';
import type { Decision } from '../engine/index.js';
import { keySafe } from '../storage/actions-cache/cache-client.js';
import { commentMarker, httpStatus, upsertComment, type CommentClient } from './comments.js';
import type { RunContext } from './context.js';
import type { ActionInputs } from './inputs.js';
import { redact } from './octokit.js';

/**
 * Where a finished run's report goes, the same for every job that reports (a PR's sweep, a report job, a
 * workflow_run job): the report file, the job summary, the one sticky PR comment, and the step's status. Trouble
 * with any of the first three is a warning: the gate still decides.
 */

/** The runner's side of publishing: logs and the job summary. */
export interface PublishIO {
  info(message: string): void;
  warning(message: string): void;
  writeSummary(markdown: string): Promise<void>;
}

/** The report as a file for the `report` output (RUNNER_TEMP is the runner's per-job scratch folder). */
export async function writeReport(ctx: RunContext, sweep: string, body: string): Promise<string> {
  const file = path.join(ctx.runnerTemp, 'sweepgate', `${keySafe(sweep)}-report.md`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, body, 'utf8');
  return file;
}

/** The job summary; `state` remembers it was written, so a later failure does not write a second one. */
export async function summary(io: PublishIO, state: { summaryWritten: boolean }, markdown: string): Promise<void> {
  try {
    await io.writeSummary(markdown);
    state.summaryWritten = true;
  } catch (err) {
    io.warning(`could not write the job summary: ${errorText(err)}`);
  }
}

/** The gate's decision as the step's status: a failure message, or undefined when the step passes. */
export function stepFailure(io: PublishIO, inputs: Pick<ActionInputs, 'failOnRegression'>, decision: Decision): string | undefined {
  if (decision.kind === 'passed') return undefined;
  if (decision.kind === 'accepted') {
    io.warning(decision.message);
    return undefined;
  }
  if ((decision.kind === 'gate-failed' || decision.kind === 'no-baseline') && !inputs.failOnRegression) {
    io.warning(`${decision.message} ('fail-on-regression' is false, so the step passes)`);
    return undefined;
  }
  return decision.message;
}

/** The sticky comment's target and body. */
export interface CommentPost {
  readonly issue: number;
  readonly sweep: string;
  readonly body: string;
  /** A regressed run comments even under `comment: on-regression`. */
  readonly regressed: boolean;
  /** What a 403 most likely means for this job, for the warning. */
  readonly forbiddenHint: string;
}

/** The one sticky comment on the PR, created or updated; trouble is a warning (the summary has the report, the check still decides). */
export async function postComment(
  io: PublishIO,
  inputs: Pick<ActionInputs, 'comment' | 'githubToken'>,
  client: (token: string) => CommentClient,
  post: CommentPost,
): Promise<void> {
  if (inputs.comment === 'never') return;
  if (!inputs.githubToken) {
    io.warning("no 'github-token': the PR comment is skipped; the report is in the job summary");
    return;
  }
  try {
    const create = inputs.comment === 'always' || post.regressed;
    const r = await upsertComment(client(inputs.githubToken), post.issue, commentMarker(post.sweep), post.body, { create });
    if (r.action === 'skipped') io.info("no regression and 'comment: on-regression': no PR comment");
    else io.info(`PR #${post.issue} comment ${r.action}${r.comment.url ? `: ${r.comment.url}` : ` (id ${r.comment.id})`}`);
  } catch (err) {
    const why = httpStatus(err) === 403 ? `HTTP 403: ${post.forbiddenHint}` : apiError(err);
    io.warning(
      redact(`could not post the PR comment (${why}); the report is in the job summary and the gate still decides`, inputs.githubToken),
    );
  }
}

/** An API error as the warning quotes it: the HTTP status first when there is one. */
export function apiError(err: unknown): string {
  const status = httpStatus(err);
  return `${status !== undefined ? `HTTP ${status}: ` : ''}${errorText(err)}`;
}

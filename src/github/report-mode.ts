import path from 'node:path';
import type { SweepConfig } from '../core/config/types.js';
import { withMaxRegression } from '../core/gate/index.js';
import type { ResultsDoc } from '../core/results.js';
import type { Conclusion, Decision } from '../engine/index.js';
import { COMMENT_MAX_CHARS } from '../report/markdown.js';
import { refusedReport } from '../report/refused.js';
import { keySafe } from '../storage/actions-cache/cache-client.js';
import { ActionCaches, type BaselineLookup } from '../storage/actions-cache/trials-and-baseline.js';
import { checkRunName, octokitCheckRunClient, type CheckRunClient } from './check-runs.js';
import { commentMarker, httpStatus } from './comments.js';
import { runUrl, type Plan, type RunContext } from './context.js';
import { InputError, type ActionInputs } from './inputs.js';
import { readAcceptance } from './labels.js';
import { MAX_SUMMARY_CHARS, type Deps } from './main.js';
import { apiError, postComment, stepFailure, writeReport } from './publish.js';
import { missingBaselineText } from './missing-baseline.js';
import { githubClient, redact } from './octokit.js';
import { claimMismatch, readUntrustedResults, ResultsFileError } from './report-from-file.js';
import { findPullRequest, octokitPullRequestClient, type PullRequestClient } from './workflow-run.js';

/**
 * `mode: report` with `results-file` (issue 17, point 4): the report, comment and check for a PR from a results
 * document its own run uploaded, with no sweep here. On `workflow_run` this job runs the default branch's workflow
 * with a write token; nothing of the PR runs in it. The gate's rules and the baseline come from here (the default
 * branch's config in the checkout, the Actions cache), the results from the artifact, checked on the way in.
 */
export interface ReportClients {
  pulls(token: string, ctx: RunContext): PullRequestClient;
  checks(token: string, ctx: RunContext): CheckRunClient;
}

export function octokitReportClients(info: (m: string) => void): ReportClients {
  return {
    pulls: (token, ctx) => octokitPullRequestClient(githubClient(token, { info }), { owner: ctx.owner, repo: ctx.repo }),
    checks: (token, ctx) => octokitCheckRunClient(githubClient(token, { info }), { owner: ctx.owner, repo: ctx.repo }),
  };
}

export interface ReportOutputs {
  'best-params': string;
  'best-metrics': string;
  regressed: string;
  report: string;
}

/** The PR to report to: its number and the head commit whose check it gets, and its base for the baseline. */
interface Target {
  readonly number: number;
  readonly headSha: string;
  readonly baseSha?: string;
}

interface ReportJob {
  readonly deps: Deps;
  readonly inputs: ActionInputs;
  readonly ctx: RunContext;
  readonly config: SweepConfig;
  readonly warnings: string[];
  readonly summary: (markdown: string) => Promise<void>;
}

/** Whether this run reports from a file instead of sweeping (so does every `workflow_run` run: main.ts dispatches both). */
export function reportsFromFile(inputs: ActionInputs): boolean {
  return inputs.mode === 'report' && inputs.resultsFile !== undefined;
}

/** Resolves to the step's failure message, if the step fails. */
export async function reportFromFile(
  deps: Deps,
  inputs: ActionInputs,
  ctx: RunContext,
  plan: Plan,
  outputs: ReportOutputs,
  summary: (markdown: string) => Promise<void>,
): Promise<string | undefined> {
  const file = checkedInputs(inputs, ctx, plan);
  const config = await deps.engine.loadConfig(path.resolve(ctx.workspace, inputs.config), ctx.workspace);
  const job: ReportJob = { deps, inputs, ctx, config, warnings: [], summary };
  const target = await findTarget(job, plan);
  let doc;
  try {
    doc = await readUntrustedResults(path.resolve(ctx.workspace, file));
  } catch (err) {
    if (err instanceof ResultsFileError) return refuse(job, target, err.message);
    throw err;
  }
  if (target) {
    const mismatch = claimMismatch(doc, { sweep: config.name, ...target });
    if (mismatch) return refuse(job, target, mismatch);
  } else if (doc.results.sweep !== config.name) {
    return refuse(job, target, `the document is for the sweep ${JSON.stringify(doc.results.sweep)}, not ${JSON.stringify(config.name)}`);
  }
  const conclusion = await concludeFromFile(job, plan, doc.results, target);
  outputs['best-params'] = JSON.stringify(doc.results.best?.params ?? {});
  outputs['best-metrics'] = JSON.stringify(doc.results.best?.metrics ?? {});
  outputs.regressed = String(conclusion.failures.length > 0);
  outputs.report = await writeReport(ctx, config.name, conclusion.report.full);
  await summary(conclusion.report.full);
  const failure = stepFailure(job.deps.io, job.inputs, conclusion.decision);
  if (target) {
    await comment(job, target, conclusion.report.comment, conclusion.failures.length > 0);
    await check(job, target, failure === undefined, verdictTitle(conclusion.decision), conclusion.report.comment);
  }
  return failure;
}

/** The results file's path; a combination that cannot be reported from is an InputError naming the input. */
function checkedInputs(inputs: ActionInputs, ctx: RunContext, plan: Plan): string {
  if (plan.kind === 'workflow-run' && inputs.mode !== 'report')
    throw new InputError(
      'mode',
      `on workflow_run sweepgate only reports a pull_request run's uploaded results ('mode: report' with 'results-file'); it never sweeps there, since this run has a write token and the PR's code must not run with it, but 'mode' is '${inputs.mode}'`,
    );
  if (inputs.resultsFile === undefined)
    throw new InputError(
      'results-file',
      `'mode: report' on workflow_run needs 'results-file' (the downloaded artifact's results document) but got ''`,
    );
  if (plan.kind !== 'workflow-run' && plan.kind !== 'pull-request')
    throw new InputError(
      'mode',
      `'mode: report' with 'results-file' reports to a pull request: run it on workflow_run (fork PRs) or pull_request, not on '${ctx.eventName}'`,
    );
  return inputs.resultsFile;
}

/** The PR: from the event on pull_request; on workflow_run, the one open PR whose head is the run's head commit. */
async function findTarget(job: ReportJob, plan: Plan): Promise<Target | undefined> {
  const { deps, inputs, ctx } = job;
  if (plan.kind === 'pull-request') return { number: plan.number, headSha: ctx.pullRequest?.headSha ?? ctx.sha, baseSha: plan.baseSha };
  if (plan.kind !== 'workflow-run') return undefined;
  const { run } = plan;
  deps.io.info(
    `reporting on run ${run.id} (pull_request, ${run.conclusion ?? 'no conclusion'}) of ${run.headRepo ?? 'an unknown repository'} at ${run.headSha}`,
  );
  const noComment = 'the report is in the job summary only (no comment, no check)';
  if (!inputs.githubToken) {
    job.warnings.push(`no 'github-token': the pull request cannot be looked up, so ${noComment}`);
    deps.io.warning(job.warnings.at(-1)!);
    return undefined;
  }
  try {
    const found = await findPullRequest(clients(deps).pulls(inputs.githubToken, ctx), run);
    if (found.kind === 'found') {
      deps.io.info(`pull request #${found.pr.number} has the head commit ${run.headSha}`);
      return { number: found.pr.number, headSha: found.pr.headSha, baseSha: found.pr.baseSha };
    }
    warn(job, `${found.why}: ${noComment}`);
  } catch (err) {
    warn(job, redact(`could not list the open pull requests (${apiError(err)}): ${noComment}`, inputs.githubToken));
  }
  return undefined;
}

function clients(deps: Deps): ReportClients {
  return deps.reportClients ?? octokitReportClients((m) => deps.io.info(m));
}

function warn(job: ReportJob, message: string): void {
  job.warnings.push(message);
  job.deps.io.warning(message);
}

/**
 * An artifact that cannot be used fails the step, and says why where the PR's author looks: the sticky comment and
 * a failed check (so a stale passing comment or check does not stand). The reason can quote the artifact, so it is
 * shown verbatim in a code block, never as markdown.
 */
async function refuse(job: ReportJob, target: Target | undefined, reason: string): Promise<string> {
  const { config } = job;
  const message = `sweepgate: the results artifact was refused: ${reason}`;
  const body = refusedReport({ marker: commentMarker(config.name), sweep: config.name, reason, runUrl: runUrl(job.ctx) });
  await job.summary(body.slice(body.indexOf('\n') + 1));
  if (target) {
    await comment(job, target, body, true);
    await check(job, target, false, 'The results artifact was refused', body);
  }
  return message;
}

/** The comparison with main's baseline under the default branch's gate, as the sweep mode concludes one. */
async function concludeFromFile(job: ReportJob, plan: Plan, results: ResultsDoc, target: Target | undefined): Promise<Conclusion> {
  const { deps, inputs, ctx, config } = job;
  const gate = withMaxRegression(config.gate, config.metric, inputs.maxRegression, (m) => deps.io.warning(m));
  const lookup = await lookUpBaseline(job, target?.baseSha);
  const branch = inputs.baselineBranch ?? ctx.defaultBranch ?? 'the default branch';
  const compareWith = {
    baseline: lookup?.kind === 'found' ? lookup.doc : undefined,
    required: lookup !== undefined && inputs.missingBaseline === 'fail',
  };
  const link = plan.kind === 'workflow-run' ? `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${plan.run.id}` : runUrl(ctx);
  const conclude = (accepted?: Parameters<Deps['engine']['conclude']>[0]['accepted']): Promise<Conclusion> =>
    deps.engine.conclude({
      results,
      gate,
      space: config.space,
      compareWith,
      ...(accepted ? { accepted } : {}),
      layout: {
        ...(plan.kind === 'workflow-run' ? { title: `sweepgate: ${config.name} (from the pull request's run ${plan.run.id})` } : {}),
        runUrl: link,
        marker: commentMarker(config.name),
        baselineHowTo:
          lookup?.kind === 'missing'
            ? missingBaselineText(lookup, { sweep: config.name, branch, policy: inputs.missingBaseline })
            : inputs.cache
              ? `The baseline is recorded by the sweep workflow on a push to '${branch}'; once '${branch}' has run it, PRs are compared with it.`
              : "Caching is off ('cache: false'), so no baseline is restored.",
        warnings: job.warnings,
        maxChars: MAX_SUMMARY_CHARS,
        commentMaxChars: COMMENT_MAX_CHARS,
      },
    });
  let conclusion = await conclude();
  for (const note of conclusion.notes) deps.io.warning(note);
  if (target && conclusion.decision.kind === 'gate-failed') {
    const accepted = await readAcceptance({
      label: inputs.acceptLabel,
      token: inputs.githubToken,
      issue: target.number,
      client: (token) => deps.labels(token, ctx),
      info: (m) => deps.io.info(m),
      warn: (m) => deps.io.warning(m),
    });
    if (accepted) conclusion = await conclude(accepted);
  }
  return conclusion;
}

/** Main's baseline from the Actions cache, restored exactly as the sweep mode restores it (same paths, same keys). */
async function lookUpBaseline(job: ReportJob, baseSha: string | undefined): Promise<BaselineLookup | undefined> {
  const { deps, inputs, ctx, config } = job;
  if (!inputs.cache) return undefined;
  if (!deps.cache.available())
    return { kind: 'missing', why: 'no GitHub Actions cache service here (ACTIONS_CACHE_URL and ACTIONS_RESULTS_URL are unset)' };
  const storeDir = path.join(ctx.runnerTemp, 'sweepgate', 'store');
  const caches = new ActionCaches(
    deps.cache,
    {
      sweep: config.name,
      workspace: ctx.workspace,
      trialsDir: path.join(storeDir, 'trials', keySafe(config.name)),
      baselineFile: path.join(storeDir, 'baseline', 'results.json'),
    },
    { info: (m) => deps.io.info(m), warn: (m) => warn(job, m) },
    deps.cacheTimeoutMs,
  );
  return caches.restoreBaseline(baseSha);
}

function verdictTitle(decision: Decision): string {
  return decision.kind === 'passed' ? 'No regression' : decision.message.replace(/^sweepgate: /, '');
}

/** The one sticky comment on the PR (publish.ts), with this job's reading of a 403. */
async function comment(job: ReportJob, target: Target, body: string, regressed: boolean): Promise<void> {
  const { deps, inputs, ctx, config } = job;
  await postComment(deps.io, inputs, (token) => deps.comments(token, ctx), {
    issue: target.number,
    sweep: config.name,
    body,
    regressed,
    forbiddenHint: 'give the workflow_run job `pull-requests: write`',
  });
}

/** A completed check run on the PR's head commit, the one a branch protection rule can require. */
async function check(job: ReportJob, target: Target, success: boolean, title: string, summary: string): Promise<void> {
  const { deps, inputs, ctx, config } = job;
  if (!inputs.githubToken) return;
  try {
    const r = await clients(deps)
      .checks(inputs.githubToken, ctx)
      .create({
        name: checkRunName(config.name),
        headSha: target.headSha,
        conclusion: success ? 'success' : 'failure',
        title,
        summary,
        detailsUrl: runUrl(ctx),
      });
    deps.io.info(
      `check run '${checkRunName(config.name)}' (${success ? 'success' : 'failure'}) on ${target.headSha}${r.url ? `: ${r.url}` : ''}`,
    );
  } catch (err) {
    const why = httpStatus(err) === 403 ? 'HTTP 403: give the workflow_run job `checks: write`' : apiError(err);
    deps.io.warning(redact(`could not create the check run (${why}); the step's status still carries the verdict`, inputs.githubToken));
  }
}

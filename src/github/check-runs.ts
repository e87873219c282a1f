import type { Octokit } from './octokit.js';

/**
 * A check run on a PR's head commit, so branch protection can require sweepgate's verdict on fork PRs too: the
 * `workflow_run` job's own status belongs to the default branch's workflow, not to the PR's commit.
 */
export interface CheckRun {
  /** `sweepgate / <sweep>`: a stable name is what a required check is set on. */
  readonly name: string;
  readonly headSha: string;
  readonly conclusion: 'success' | 'failure';
  /** One line: the verdict. */
  readonly title: string;
  /** The report (markdown), at most CHECK_SUMMARY_MAX_CHARS. */
  readonly summary: string;
  readonly detailsUrl?: string;
}

export interface CheckRunClient {
  /** POST /repos/{owner}/{repo}/check-runs, completed at once; resolves to its page. */
  create(run: CheckRun): Promise<{ readonly id: number; readonly url?: string }>;
}

/** GitHub's cap on a check run's `output.summary` (and on `output.title`, far below it, we stay). */
export const CHECK_SUMMARY_MAX_CHARS = 65_535;
const CHECK_TITLE_MAX_CHARS = 250;

export function checkRunName(sweep: string): string {
  return `sweepgate / ${sweep}`;
}

export function octokitCheckRunClient(octokit: Octokit, repo: { readonly owner: string; readonly repo: string }): CheckRunClient {
  return {
    async create(run) {
      const { data } = await octokit.rest.checks.create({
        ...repo,
        name: run.name,
        head_sha: run.headSha,
        status: 'completed',
        conclusion: run.conclusion,
        completed_at: new Date().toISOString(),
        ...(run.detailsUrl ? { details_url: run.detailsUrl } : {}),
        output: {
          title: Array.from(run.title).slice(0, CHECK_TITLE_MAX_CHARS).join(''),
          summary: run.summary.length <= CHECK_SUMMARY_MAX_CHARS ? run.summary : `${run.summary.slice(0, CHECK_SUMMARY_MAX_CHARS - 1)}…`,
        },
      });
      return { id: data.id, ...(data.html_url ? { url: data.html_url } : {}) };
    },
  };
}

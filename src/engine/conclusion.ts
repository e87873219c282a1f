// What a finished sweep means, the same for both entries: the comparison with the baseline, the gate's decision and
// the report. The CLI and the Action only present it (stdout, files and exit status; comment, summary and outputs).
import type { GateRule } from '../core/config/types.js';
import { compareResults, isGateFailure, type Comparison, type MetricComparison } from '../core/gate/index.js';
import type { ResultsDoc } from '../core/results.js';
import { buildReport, COMMENT_MAX_CHARS, type ReportInput } from '../report/markdown.js';
import { acceptanceText, loosenedSentence, type Acceptance } from '../report/gate-rules.js';
import { finishedWithoutMetric, metricVerdict, noTrialVerdict } from '../report/verdict.js';

/** How the report reads and how long it may be: everything of it the run's results do not say. */
export interface ReportLayout extends Pick<ReportInput, 'title' | 'runUrl' | 'marker' | 'baselineHowTo' | 'baselineNote' | 'warnings'> {
  /** The full report's cap (the CLI: none; the Action: the job summary's). */
  readonly maxChars: number;
  /** The cap of the report as a PR comment (default COMMENT_MAX_CHARS). */
  readonly commentMaxChars?: number;
}

export interface ConclusionInput {
  readonly results: ResultsDoc;
  /** The rules this run is judged by: the config's gate with the entry's `max-regression`. */
  readonly gate: readonly GateRule[];
  /**
   * What the run is compared with. Absent: nothing (a push; the CLI without --baseline). A PR compares with main's
   * baseline, `undefined` when none has been recorded yet: it passes, and the report says how one gets made, unless
   * `required` (a PR with the cache on): then a gated run fails, and the layout's `baselineHowTo` says why.
   */
  readonly compareWith?: { readonly baseline: ResultsDoc | undefined; readonly required?: boolean };
  /** A failed gate accepted on purpose: the report still shows the verdict, and the decision is `accepted`. */
  readonly accepted?: Acceptance;
  readonly layout: ReportLayout;
  /** The sweep's search space, for the report's landscape (absent: no landscape). */
  readonly space?: ReportInput['space'];
}

/** What the run decides: it passed, the gate failed, or nothing finished; a failure comes with its one-line message. */
export type Decision =
  | { readonly kind: 'passed' }
  | { readonly kind: 'gate-failed'; readonly message: string }
  | { readonly kind: 'no-baseline'; readonly message: string }
  /** The gate failed and a maintainer accepted it on purpose: the step passes, the message says who and what. */
  | { readonly kind: 'accepted'; readonly message: string }
  | { readonly kind: 'nothing-finished'; readonly message: string };

export interface Conclusion {
  readonly comparison: Comparison | undefined;
  /** Gated metrics that fail the check: regressed past the threshold, or gone from this run while main has them. */
  readonly failures: readonly MetricComparison[];
  readonly decision: Decision;
  /** Worth a warning in the log without failing anything: the config or the gate changed since the baseline, a change within noise. */
  readonly notes: readonly string[];
  /** The whole report (summary, stdout, files) and the one that fits a PR comment (the same text when it fits). */
  readonly report: { readonly full: string; readonly comment: string };
}

/** The one path after the sweep: compare, decide and write the report, for the CLI and the Action alike. */
export function concludeSweep(input: ConclusionInput): Conclusion {
  const { results, compareWith } = input;
  const { maxChars, commentMaxChars = COMMENT_MAX_CHARS, ...presentation } = input.layout;
  const comparison = compareWith ? compareResults(compareWith.baseline, results, input.gate) : undefined;
  const failures = comparison ? comparison.metrics.filter(isGateFailure) : [];
  // Only a run that has something to gate needs a baseline: no best or no rule leaves nothing to compare.
  const noBaselineFails =
    compareWith?.required === true && comparison?.hasBaseline === false && results.best !== null && input.gate.length > 0;
  const decision: Decision = noBaselineFails
    ? { kind: 'no-baseline', message: `sweepgate: no baseline: ${presentation.baselineHowTo ?? 'none was recorded'}` }
    : decide(results, failures, comparison);
  const accepted = decision.kind === 'gate-failed' ? input.accepted : undefined;
  const report = (cap: number): string =>
    buildReport({
      ...presentation,
      results,
      ...(comparison ? { comparison } : {}),
      ...(noBaselineFails ? { noBaselineFails } : {}),
      ...(accepted ? { accepted } : {}),
      ...(input.space ? { space: input.space } : {}),
      maxChars: cap,
    });
  const full = report(maxChars);
  return {
    comparison,
    failures,
    decision:
      accepted && decision.kind === 'gate-failed'
        ? { kind: 'accepted', message: `${decision.message} (${acceptanceText(accepted)}, so it passes)` }
        : decision,
    notes: comparison ? comparisonNotes(comparison, compareWith?.baseline) : [],
    report: { full, comment: full.length <= commentMaxChars ? full : report(commentMaxChars) },
  };
}

/** Nothing finished comes first: with no result there is nothing the gate could have weighed. */
function decide(results: ResultsDoc, failures: readonly MetricComparison[], comparison: Comparison | undefined): Decision {
  // A replay-only PR has no best by design: its replay is the result the gate weighs.
  if (results.best === null && !results.replayOnly && !finishedWithoutMetric(results))
    return { kind: 'nothing-finished', message: `sweepgate: ${noTrialVerdict(results)}` };
  if (failures.length > 0) return { kind: 'gate-failed', message: gateMessage(failures, comparison) };
  return { kind: 'passed' };
}

/** One sentence per failing metric, the same as the report's verdict line. */
function gateMessage(failures: readonly MetricComparison[], comparison: Comparison | undefined): string {
  const loosened = loosenedSentence(comparison?.loosened);
  return `sweepgate: gate failed: ${[...new Set(failures.map(metricVerdict))].join('; ')}${loosened ? ` (${loosened})` : ''}`;
}

function comparisonNotes(comparison: Comparison, baseline: ResultsDoc | undefined): string[] {
  return [
    ...(comparison.configChanged
      ? [`the sweep config differs from the baseline's (${baseline?.sha ?? 'main'}): the comparison may not be like for like`]
      : []),
    ...(comparison.gateChanged ? ["the gate rules differ from the baseline's"] : []),
    // Worse but within noise: worth a warning, not a failure.
    ...comparison.metrics.filter((m) => m.status === 'not-significant').map((m) => `${metricVerdict(m)}: the gate passes`),
  ];
}

import { causeFromErrorText, STDERR_MARK } from '../core/failure-cause.js';
import type { ResultTrial } from '../core/results.js';
import { cap, codeBlock, codeSpan, htmlText } from './format.js';

/** Failed trials that share a cause: the cause and the trials' positions in the list given (0-based, in order). */
export interface FailureGroup {
  readonly cause: string;
  readonly trials: readonly number[];
}

/** A trial's cause: recorded, or read back from the error of a record written before causes were. */
export function trialCause(t: Pick<ResultTrial, 'cause' | 'error'>): string {
  return t.cause ?? causeFromErrorText(t.error);
}

/**
 * Failed trials grouped by cause, not by message: a program's message holds its command line, which differs
 * with every trial's params, while its cause is the same. The most common cause first, then the earliest.
 */
export function failureGroups(trials: readonly ResultTrial[]): FailureGroup[] {
  const byCause = new Map<string, number[]>();
  trials.forEach((t, i) => {
    if (t.status !== 'failed') return;
    const cause = trialCause(t);
    byCause.set(cause, [...(byCause.get(cause) ?? []), i]);
  });
  return [...byCause.entries()]
    .map(([cause, list]) => ({ cause, trials: list }))
    .sort((a, b) => b.trials.length - a.trials.length || a.trials[0]! - b.trials[0]!);
}

/** How much of each cause the report shows: its output folded under it, only the list of causes, or nothing. */
export type FailureDetail = 'full' | 'list' | 'none';

/** Causes shown one by one; the rest are counted. */
const MAX_CAUSES = 5;

/**
 * The failures section: per distinct cause, its trials and, folded, one trial's command line and the last lines
 * of its stderr (or its whole error, for a failure that was not a program's exit). Empty when nothing failed.
 */
export function failuresSection(trials: readonly ResultTrial[], detail: FailureDetail): string {
  const groups = failureGroups(trials);
  if (groups.length === 0 || detail === 'none') return '';
  const failed = groups.reduce((n, g) => n + g.trials.length, 0);
  const head = `**Failures**: ${failed} of ${trials.length} trial${trials.length === 1 ? '' : 's'} failed, ${groups.length === 1 ? 'all for one cause' : `for ${groups.length} causes`}`;
  const shown = groups.slice(0, MAX_CAUSES);
  const more = groups.length > shown.length ? `\n\n… and ${groups.length - shown.length} other causes.` : '';
  if (detail === 'list') {
    const list = shown.map((g) => `- ${whichTrials(g)}: ${codeSpan(g.cause)}`);
    return `${head}\n\n${list.join('\n')}${more}`;
  }
  const blocks = shown.map((g) => causeDetails(g, trials));
  // Plain lines stay one list; a folded cause stands apart.
  const body = blocks
    .map((b, i) => (i === 0 ? b : `${b.startsWith('- ') && blocks[i - 1]!.startsWith('- ') ? '\n' : '\n\n'}${b}`))
    .join('');
  return `${head}\n\n${body}${more}`;
}

function whichTrials(g: FailureGroup): string {
  const first = g.trials[0]! + 1;
  return g.trials.length === 1 ? `trial ${first}` : `${g.trials.length} trials (first: trial ${first})`;
}

/** Past this, a failure's error text is cut in the report (a program's stderr is already its last lines). */
const ERROR_MAX_CHARS = 4000;

/**
 * One cause: folded, what the first trial with it ran and what it said last; a plain line when its error says
 * nothing more than the cause.
 */
function causeDetails(g: FailureGroup, trials: readonly ResultTrial[]): string {
  const t = trials[g.trials[0]!]!;
  const error = (t.error ?? '').replace(/^TrialError: /, '');
  const mark = error.indexOf(STDERR_MARK);
  if (mark < 0 && error.trim() === g.cause) return `- ${whichTrials(g)}: ${codeSpan(g.cause)}`;
  const which = `Trial ${g.trials[0]! + 1}`;
  // A program's failure: `<command line> exited with status 1` over the last lines of its stderr.
  const body =
    mark >= 0
      ? `${which}: ${codeSpan(error.slice(0, mark), 1000)}, the last lines of its stderr:\n\n${codeBlock(error.slice(mark + STDERR_MARK.length))}`
      : `${which}:\n\n${codeBlock(cap(error, ERROR_MAX_CHARS))}`;
  return `<details><summary>${htmlText(`${whichTrials(g)}: ${g.cause}`)}</summary>\n\n${body}\n\n</details>`;
}

import { cap, codeBlock, inline, NAME_MAX_CHARS } from './format.js';

/**
 * The report when a results document was refused before anything was compared (a fork PR's artifact that breaks the
 * schema, names another PR, ...): the marker, the title, what happened, the reason verbatim in a code block (it can
 * quote the document, which the PR wrote) and the link to the run.
 */
export function refusedReport(input: {
  readonly marker: string;
  readonly sweep: string;
  readonly reason: string;
  readonly runUrl: string;
}): string {
  return [
    input.marker,
    `### ${inline(cap(`sweepgate: ${input.sweep}`, NAME_MAX_CHARS + 60))}`,
    '',
    '❌ **Refused**: the results this pull request’s run uploaded cannot be used, so nothing was compared:',
    '',
    codeBlock(input.reason),
    '',
    `[Workflow run](${input.runUrl.replace(/[()\s]/g, encodeURIComponent)})`,
    '',
  ].join('\n');
}

import { markdownTable } from 'markdown-table';
import type { Params } from '../core/json.js';
import type { ResultStage } from '../core/results.js';
import { cell, columnFormat, signedWith } from './format.js';

/**
 * The path an iterative sweep took, one row per stage: its method, trials (of its budget), what it searched and
 * the value it kept, what earlier stages had fixed, the sweep's best metric after it and what the stage gained
 * (positive = better, for either goal). Every name and value comes from the PR's config, so each goes through `cell`.
 */
export function stagesSection(stages: readonly ResultStage[], metric: string): string {
  const fmt = columnFormat(stages.flatMap((s) => [s.best, s.gain]));
  const rows = stages.map((s, i) => [
    String(i + 1),
    cell(s.method),
    s.budget !== undefined ? `${s.trials} of ${s.budget}` : String(s.trials),
    Object.entries(s.searched)
      .map(
        ([name, what]) =>
          `${cell(name)}: ${cell(what)} → ${name in s.bestParams ? `**${cell(s.bestParams[name])}**` : '–'}${i > 0 && s.gain === 0 ? ' (as before)' : ''}`,
      )
      .join('; '),
    fixedText(s.fixed),
    s.best !== undefined ? fmt(s.best) : '–',
    i === 0 || s.gain === undefined ? '–' : s.gain === 0 ? '0' : signedWith(fmt, s.gain),
  ]);
  const header = ['Stage', 'Method', 'Trials', 'Searched → kept', 'Fixed', `Best ${cell(metric)} after`, 'Gain'];
  const why = stages.some((s) => s.why)
    ? `\n\n<sub>Planned by <code>stages: auto</code>: ${stages.map((s, i) => `${i + 1}. ${cell(s.why ?? 'the parameters no stage named')}`).join('; ')}.</sub>`
    : '';
  return `**Stages** (each searches its parameters with the best values so far fixed)\n\n${markdownTable([header, ...rows], {
    align: ['r', 'l', 'r', 'l', 'l', 'r', 'r'],
  })}${why}`;
}

function fixedText(fixed: Params): string {
  const entries = Object.keys(fixed);
  return entries.length === 0 ? 'nothing yet' : paramsText(fixed);
}

function paramsText(p: Params): string {
  return Object.entries(p)
    .map(([k, v]) => `${cell(k)}=${cell(v)}`)
    .join(', ');
}

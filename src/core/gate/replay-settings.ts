import type { SweepConfig, TrainerSpec } from '../config/types.js';
import { canonicalJson } from '../hash.js';
import type { JsonValue } from '../json.js';

/**
 * What main's champion was trained with besides its params, for the built-in trainer: the validation split
 * (`validation_split`, `split_seed`, `split_by`) and `trainer.defaults`. Recorded with the champion so a PR replays
 * it on main's validation rows with main's defaults, whatever the PR's config says.
 */
export interface ReplaySettings {
  readonly validationSplit: number;
  readonly splitSeed: number;
  readonly splitBy?: readonly string[];
  readonly defaults: Readonly<Record<string, JsonValue>>;
}

/** The settings a run of `config` trains with (undefined for programs and modules, which have none). */
export function replaySettingsOf(config: Pick<SweepConfig, 'workload'>): ReplaySettings | undefined {
  if (config.workload.kind !== 'trainer') return undefined;
  const t = config.workload.trainer;
  const splitBy = t.type === 'tabular' ? t.splitBy : undefined;
  return {
    validationSplit: t.validationSplit,
    splitSeed: t.splitSeed ?? 0,
    ...(splitBy && splitBy.length > 0 ? { splitBy } : {}),
    defaults: t.defaults,
  };
}

export type ReplayTrainer =
  /** `changed`: the PR's trainer differs from main's settings, so the replay needs a trainer of its own. */
  { readonly ok: true; readonly trainer: TrainerSpec; readonly changed: boolean } | { readonly ok: false; readonly reason: string };

/**
 * The trainer main's champion is replayed with on this PR: the PR's data and code with main's recorded settings.
 * A baseline recorded before settings were recorded (`recorded` undefined) is replayed as it is only when the PR
 * did not change the sweep config (`sameConfig`); otherwise the PR may have changed them and the replay cannot be
 * like for like.
 */
export function replayTrainer(pr: TrainerSpec, recorded: ReplaySettings | undefined, sameConfig: boolean): ReplayTrainer {
  if (!recorded) {
    if (sameConfig) return { ok: true, trainer: pr, changed: false };
    return {
      ok: false,
      reason:
        'the baseline was recorded by an older sweepgate that did not record its validation split and trainer.defaults, and this PR changes the sweep config, so main’s best config cannot be replayed with main’s settings. Record a new baseline (re-run the workflow on the baseline branch), then re-run this check',
    };
  }
  const trainer: TrainerSpec =
    pr.type === 'tabular'
      ? (({ splitBy: _dropped, ...rest }) => ({
          ...rest,
          validationSplit: recorded.validationSplit,
          splitSeed: recorded.splitSeed,
          ...(recorded.splitBy ? { splitBy: recorded.splitBy } : {}),
          defaults: recorded.defaults,
        }))(pr)
      : { ...pr, validationSplit: recorded.validationSplit, splitSeed: recorded.splitSeed, defaults: recorded.defaults };
  const settings = (t: TrainerSpec): string =>
    canonicalJson(replaySettingsOf({ workload: { kind: 'trainer', trainer: t } }) as unknown as JsonValue);
  return { ok: true, trainer, changed: settings(trainer) !== settings(pr) };
}

/** The settings that differ between main's record and the PR's config, for the log: `split_seed 0 → 3`. */
export function settingsChanges(main: ReplaySettings, pr: ReplaySettings): string[] {
  const out: string[] = [];
  if (main.validationSplit !== pr.validationSplit) out.push(`validation_split ${main.validationSplit} → ${pr.validationSplit}`);
  if (main.splitSeed !== pr.splitSeed) out.push(`split_seed ${main.splitSeed} → ${pr.splitSeed}`);
  if (canonicalJson((main.splitBy ?? []) as JsonValue) !== canonicalJson((pr.splitBy ?? []) as JsonValue))
    out.push(`split_by ${JSON.stringify(main.splitBy ?? [])} → ${JSON.stringify(pr.splitBy ?? [])}`);
  if (canonicalJson(main.defaults as JsonValue) !== canonicalJson(pr.defaults as JsonValue))
    out.push(`trainer.defaults ${canonicalJson(main.defaults as JsonValue)} → ${canonicalJson(pr.defaults as JsonValue)}`);
  return out;
}

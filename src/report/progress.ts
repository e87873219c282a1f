import { NO_METRIC } from '../core/config/types.js';
import type { Progress } from '../core/study/index.js';
import { duration, num } from './format.js';

/**
 * One progress line per finished trial, the same in the CLI (stderr) and the Action (the step log):
 * `[3/20] val_loss=0.4123 (1.2 s) · best 0.3987 · 4.1 s elapsed, ~12.3 s left`.
 */
export function progressLine(p: Progress): string {
  const t = p.trial;
  const v = t.metrics[p.metric];
  const status = t.status === 'complete' ? '' : ` ${t.status}`;
  const how = t.cached ? 'cached' : duration(t.durationMs);
  const left =
    p.remainingMs !== undefined
      ? `, ${duration(p.remainingMs)} left`
      : p.total !== undefined && p.index < p.total
        ? `, ~${duration((p.elapsedMs / p.index) * (p.total - p.index))} left`
        : '';
  const counter = p.phase === 'repeat' ? `${p.index}: repeat` : `${p.index}${p.total !== undefined ? `/${p.total}` : ''}`;
  const best = p.best === undefined ? '—' : num(p.best);
  // A metric-less sweep (W&B grid/random without metric:) has no value to show and no best.
  if (p.metric === NO_METRIC) return `[${counter}] ${t.status} (${how}) · ${duration(p.elapsedMs)} elapsed${left}`;
  return `[${counter}]${status} ${p.metric}=${v === undefined ? '—' : num(v)} (${how}) · best ${best} · ${duration(p.elapsedMs)} elapsed${left}`;
}

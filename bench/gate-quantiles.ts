// The two medians the gate benchmark reports, since they differ on an even count: the usual midpoint median
// (mean of the two middle values) and the nearest rank (the smallest value with at least q of the values at or
// below it), which the 90th percentile also uses.

export function nearestRank(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(q * s.length) - 1)]!;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

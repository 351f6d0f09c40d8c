// Small statistics for noisy timings: medians and nearest-rank percentiles, never means.

const sorted = (samples) => [...samples].sort((a, b) => a - b);

export const median = (samples) => {
  if (samples.length === 0) return null;
  const s = sorted(samples);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** Nearest-rank percentile: with 7 samples, p95 is the slowest one. */
export const percentile = (samples, p) => {
  if (samples.length === 0) return null;
  const s = sorted(samples);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length, Math.max(1, rank)) - 1];
};

/** value / baseline, or null when either is missing or the baseline is zero. */
export const ratio = (value, baseline) =>
  typeof value === 'number' && typeof baseline === 'number' && baseline !== 0 ? value / baseline : null;

export const round = (value, digits = 1) =>
  typeof value === 'number' ? Math.round(value * 10 ** digits) / 10 ** digits : value;

/**
 * Robust statistics for anomaly detection. Median and MAD rather than mean and standard
 * deviation, so one earlier spike (a promotion day) cannot hide the next unusual value.
 */

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median absolute deviation from the median. */
export function mad(values: readonly number[]): number {
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m)));
}

/** MAD × 1.4826 estimates the standard deviation of normally distributed values. */
export const MAD_TO_SIGMA = 1.4826;

export interface RobustBaseline {
  median: number;
  /** The spread used for z: MAD × 1.4826, never below the floor given. */
  scale: number;
  size: number;
}

/**
 * Median and spread of a baseline. `floor` keeps a perfectly flat history (MAD 0) from making
 * every small change infinitely unusual.
 */
export function robustBaseline(values: readonly number[], floor: number): RobustBaseline {
  const m = median(values);
  return { median: m, scale: Math.max(mad(values) * MAD_TO_SIGMA, floor, Number.EPSILON), size: values.length };
}

/** Robust z-score of a value against a baseline. */
export function robustZ(value: number, baseline: RobustBaseline): number {
  return (value - baseline.median) / baseline.scale;
}

/** Rows, budgets and the printed table of `npm run bench`. */

export interface Budget {
  /** Upper limit on the median, in the row's unit. */
  max?: number;
  /** Upper limit on median / baseline median. */
  maxRatio?: number;
}

export interface BenchRow {
  section: string;
  name: string;
  unit: 'ms' | 'KB' | 'count' | '%';
  median: number;
  min: number;
  max: number;
  runs: number;
  /** Median of the baseline measured in the same run, same unit. */
  baseline?: number;
  ratio?: number;
  budget?: Budget;
  pass: boolean;
  note?: string;
}

export function summarise(samples: number[]): { median: number; min: number; max: number; runs: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)!, runs: sorted.length };
}

export function row(
  section: string,
  name: string,
  unit: BenchRow['unit'],
  samples: number[],
  options: { baseline?: number[]; budget?: Budget; note?: string } = {},
): BenchRow {
  const stats = summarise(samples);
  const baseline = options.baseline ? summarise(options.baseline).median : undefined;
  const ratio = baseline !== undefined && baseline > 0 ? stats.median / baseline : undefined;
  const budget = options.budget;
  const pass =
    (budget?.max === undefined || stats.median <= budget.max) &&
    (budget?.maxRatio === undefined || ratio === undefined || ratio <= budget.maxRatio);
  return { section, name, unit, ...stats, baseline, ratio, budget, pass, note: options.note };
}

const fmt = (value: number | undefined, digits = 2) => (value === undefined ? '' : value.toFixed(digits));

function budgetText(budget: Budget | undefined, unit: string): string {
  if (!budget) return '';
  const parts = [];
  if (budget.max !== undefined) parts.push(`≤ ${budget.max} ${unit}`);
  if (budget.maxRatio !== undefined) parts.push(`≤ ${budget.maxRatio}× baseline`);
  return parts.join(', ');
}

/** A Markdown table (printed, and pasted into the README's Performance section). */
export function table(rows: BenchRow[]): string {
  const header = '| figure | median | min | max | runs | baseline | ratio | budget | result |';
  const rule = '|---|---:|---:|---:|---:|---:|---:|---|---|';
  const lines = rows.map(
    (r) =>
      `| ${r.section}: ${r.name} | ${fmt(r.median)} ${r.unit} | ${fmt(r.min)} | ${fmt(r.max)} | ${r.runs} | ${fmt(r.baseline)} | ${
        r.ratio === undefined ? '' : `${fmt(r.ratio)}×`
      } | ${budgetText(r.budget, r.unit)} | ${r.pass ? 'pass' : '**MISSED**'}${r.note ? ` (${r.note})` : ''} |`,
  );
  return [header, rule, ...lines].join('\n');
}

/**
 * How ad spend normally spreads over a day, for spend pacing (lib/diagnostics/ads.ts): relative
 * weights per China-time hour, 0 = 00:00–01:00. Linted by tests/unit/diagnostics/data-lint.test.ts
 * (24 non-negative weights).
 *
 * A rough shape, not measured data: marketplace traffic is low overnight, rises through the
 * morning, holds in the afternoon and peaks in the evening (20:00–23:00). Spending a quarter of
 * the budget by 09:00 is therefore fast, while a flat hour-by-hour line would call it on pace.
 * Used with generous margins only (see PACING in ads.ts).
 */
export const HOURLY_SPEND_WEIGHTS: readonly number[] = [
  2.5, 1.5, 1.0, 0.7, 0.6, 0.8, 1.5, 2.8, 3.8, 4.8, 5.5, 5.5, 5.2, 5.0, 5.0, 5.0, 4.8, 4.6, 4.6, 5.2, 6.2, 6.8, 6.5, 4.1,
];

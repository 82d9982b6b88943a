/** Figures as reports show them: four decimals. */
export const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

/** a / b to four decimals, or null when b is 0 (a share of nothing is undefined, not 0). */
export const ratio = (a: number, b: number): number | null => (b === 0 ? null : round4(a / b));

/** Precision, recall and F1 of escalation from confusion counts; F1 from the counts (2tp / (2tp + fp + fn)), not the rounded ratios. */
export function rates(c: { readonly tp: number; readonly fp: number; readonly fn: number }): { precision: number | null; recall: number | null; f1: number | null } {
  return { precision: ratio(c.tp, c.tp + c.fp), recall: ratio(c.tp, c.tp + c.fn), f1: ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn) };
}

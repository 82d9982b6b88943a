/*
 * Whether two customer messages ask the same thing, over their content tokens (stemmed,
 * stop words removed; see normalize.ts). Two measures, the larger wins:
 *
 *  - Dice overlap, 2·m / (|A| + |B|): symmetric, for rephrasings of similar length;
 *  - containment, m / max(2, min(|A|, |B|)), scaled by 0.85: a short question restated
 *    inside a longer one ("where is my order" → "my order hasn't arrived, where is it")
 *    still counts, while the floor of 2 stops a one-word message from "containing"
 *    every message that mentions that word.
 *
 * `m` counts soft matches: equal tokens, or typos close by Jaro-Winkler ("ordr"/"order").
 */

/** Messages at or above this similarity count as a repeat. */
export const REPEAT_THRESHOLD = 0.6;
// Two different tokens count as one misspelt word at or above this Jaro-Winkler score;
// 0.9 accepts "refnd"/"refund" and rejects "card"/"cart".
const TYPO_SIMILARITY = 0.9;
// Jaro-Winkler on very short tokens says little ("on"/"or" scores 0.8+); only longer
// tokens may match as typos.
const TYPO_MIN_LENGTH = 4;
const CONTAINMENT_WEIGHT = 0.85;
// Typo matching compares every unmatched pair; past this many distinct tokens a side,
// exact matches alone decide, so a pasted wall of text cannot make it quadratic.
const MAX_TYPO_TOKENS = 40;

type JaroWinkler = (a: string, b: string) => number;
let jaroWinkler: JaroWinkler | undefined;

function typoScore(a: string, b: string): number {
  if (a.length < TYPO_MIN_LENGTH || b.length < TYPO_MIN_LENGTH) return 0;
  if (a[0] !== b[0] || Math.abs(a.length - b.length) > 2) return 0;
  // The submodule only: the package index of 'natural' has side effects at import.
  jaroWinkler ??= require('natural/lib/natural/distance/jaro-winkler_distance') as JaroWinkler;
  const score = jaroWinkler(a, b);
  return score >= TYPO_SIMILARITY ? score : 0;
}

function unique(tokens: readonly string[]): string[] {
  return [...new Set(tokens)];
}

/** How alike two content-token lists are, from 0 (nothing shared) to 1 (same content). */
export function similarity(a: readonly string[], b: readonly string[]): number {
  const left = unique(a);
  const right = unique(b);
  if (left.length === 0 || right.length === 0) return 0;
  const rightSet = new Set(right);
  const usedRight = new Set<string>();
  let matches = 0;
  for (const token of left) {
    if (rightSet.has(token)) {
      matches += 1;
      usedRight.add(token);
    }
  }
  const fuzzy = left.length <= MAX_TYPO_TOKENS && right.length <= MAX_TYPO_TOKENS;
  for (const token of fuzzy ? left : []) {
    if (rightSet.has(token)) continue;
    let best = 0;
    let bestToken: string | undefined;
    for (const other of right) {
      if (usedRight.has(other)) continue;
      const s = typoScore(token, other);
      if (s > best) {
        best = s;
        bestToken = other;
      }
    }
    if (bestToken !== undefined) {
      matches += best;
      usedRight.add(bestToken);
    }
  }
  const dice = (2 * matches) / (left.length + right.length);
  const containment = (CONTAINMENT_WEIGHT * matches) / Math.max(2, Math.min(left.length, right.length));
  return Math.round(Math.min(1, Math.max(dice, containment)) * 1000) / 1000;
}

/**
 * True when the second message repeats the first (see REPEAT_THRESHOLD). Messages with
 * no content token ("yes", "ok", "thanks") never repeat anything.
 */
export function isRepeat(a: readonly string[], b: readonly string[]): boolean {
  return similarity(a, b) >= REPEAT_THRESHOLD;
}

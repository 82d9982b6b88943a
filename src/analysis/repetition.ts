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

/** A message's distinct tokens, as a list and a set, and those long enough for a typo match by first letter. */
interface Distinct {
  readonly list: readonly string[];
  readonly set: ReadonlySet<string>;
  /** One bit per first letter (its code mod 32) of the tokens long enough for a typo match. */
  readonly initials: number;
}

function initialBit(token: string): number {
  return 1 << (token.charCodeAt(0) & 31);
}

/*
 * Each message is compared with several later ones, so its distinct tokens are kept for a
 * while. The cache is bounded and shared, not tied to each message: a session keeps every
 * message's tokens, and sets for all of them would grow each session's memory by half.
 */
const DISTINCT_CACHE_LIMIT = 512;
const distinctCache = new Map<readonly string[], Distinct>();

function distinct(tokens: readonly string[]): Distinct {
  let d = distinctCache.get(tokens);
  if (d === undefined) {
    if (distinctCache.size >= DISTINCT_CACHE_LIMIT) distinctCache.clear();
    const set = new Set(tokens);
    let initials = 0;
    for (const token of set) if (token.length >= TYPO_MIN_LENGTH) initials |= initialBit(token);
    d = { list: set.size === tokens.length ? tokens : [...set], set, initials };
    distinctCache.set(tokens, d);
  }
  return d;
}

const round3 = (x: number): number => Math.round(Math.min(1, x) * 1000) / 1000;

function scoreOf(matches: number, left: number, right: number): number {
  const dice = (2 * matches) / (left + right);
  const containment = (CONTAINMENT_WEIGHT * matches) / Math.max(2, Math.min(left, right));
  return round3(Math.max(dice, containment));
}

/** How alike two content-token lists are, from 0 (nothing shared) to 1 (same content). */
export function similarity(a: readonly string[], b: readonly string[]): number {
  const left = distinct(a);
  const right = distinct(b);
  const nl = left.list.length;
  const nr = right.list.length;
  if (nl === 0 || nr === 0) return 0;
  let matches = 0;
  for (const token of left.list) if (right.set.has(token)) matches += 1;
  if (nl > MAX_TYPO_TOKENS || nr > MAX_TYPO_TOKENS) return scoreOf(matches, nl, nr);
  // Few words are matched as typos: a list, not a set.
  let usedRight: string[] | undefined;
  for (const token of left.list) {
    if (token.length < TYPO_MIN_LENGTH || right.set.has(token)) continue;
    let best = 0;
    let bestToken: string | undefined;
    // typoScore is 0 unless the first letters agree and both words are long enough: only
    // those pairs are tried (the lists are short; past MAX_TYPO_TOKENS this loop never runs).
    for (const other of right.list) {
      if (other.length < TYPO_MIN_LENGTH || other.charCodeAt(0) !== token.charCodeAt(0)) continue;
      if (left.set.has(other) || usedRight?.includes(other) === true) continue;
      const s = typoScore(token, other);
      if (s > best) {
        best = s;
        bestToken = other;
      }
    }
    if (bestToken !== undefined) {
      matches += best;
      (usedRight ??= []).push(bestToken);
    }
  }
  return scoreOf(matches, nl, nr);
}

/**
 * True when `similarity(a, b) >= threshold`, mostly without computing it: typo matches only
 * ever add to the exact ones, each at most 1, so most pairs are settled by these two bounds
 * without comparing a single pair of words letter by letter.
 */
export function similarAtLeast(a: readonly string[], b: readonly string[], threshold: number): boolean {
  const left = distinct(a);
  const right = distinct(b);
  const nl = left.list.length;
  const nr = right.list.length;
  if (nl === 0 || nr === 0) return 0 >= threshold;
  let matches = 0;
  let typoLeft = 0;
  for (const token of left.list) {
    if (right.set.has(token)) matches += 1;
    else if (token.length >= TYPO_MIN_LENGTH && (right.initials & initialBit(token)) !== 0) typoLeft += 1;
  }
  if (scoreOf(matches, nl, nr) >= threshold) return true;
  if (nl > MAX_TYPO_TOKENS || nr > MAX_TYPO_TOKENS || typoLeft === 0) return false;
  if (scoreOf(matches + typoLeft, nl, nr) < threshold) return false;
  return similarity(a, b) >= threshold;
}

/**
 * True when the second message repeats the first (see REPEAT_THRESHOLD). Messages with
 * no content token ("yes", "ok", "thanks") never repeat anything.
 */
export function isRepeat(a: readonly string[], b: readonly string[]): boolean {
  return similarAtLeast(a, b, REPEAT_THRESHOLD);
}

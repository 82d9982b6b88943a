import { compileNative } from './compile-native';
import { mayMatch } from './literal-index';
import type { PreparedText, Token } from './normalize';

/** Excerpts quote the customer; past this length they stop being a quote and become the message. */
export const MAX_EXCERPT_LENGTH = 80;

/** A pattern match, as the first and last token it covers (inclusive). */
export interface Hit {
  readonly first: number;
  readonly last: number;
}

function firstTokenEndingAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const token = tokens[mid];
    if (token !== undefined && token.at + token.norm.length <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lastTokenStartingBefore(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const token = tokens[mid];
    if (token !== undefined && token.at < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

// Shared and never changed (the type says so); not frozen, which would slow iterating it.
const NO_HITS: readonly Hit[] = [];

/** Every match of a global regex over `canon`, as token ranges. */
export function matchAll(p: PreparedText, re: RegExp): readonly Hit[] {
  // Most patterns cannot match most messages: no list is built for them.
  if (!mayMatch(p, p.canon, re)) return NO_HITS;
  compileNative(re);
  const hits: Hit[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(p.canon)) !== null) {
    const end = m.index + m[0].length;
    if (m[0].length === 0) {
      re.lastIndex += 1;
      continue;
    }
    const first = firstTokenEndingAfter(p.tokens, m.index);
    const last = lastTokenStartingBefore(p.tokens, end);
    if (first <= last) hits.push({ first, last });
  }
  return hits;
}

/** Trims and shortens a piece of the original text without ever leaving it. */
export function clip(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length <= MAX_EXCERPT_LENGTH) return trimmed;
  const cut = trimmed.slice(0, MAX_EXCERPT_LENGTH);
  const space = cut.lastIndexOf(' ');
  return (space >= MAX_EXCERPT_LENGTH / 2 ? cut.slice(0, space) : cut).trim();
}

/** The original words behind tokens `first..last`. */
export function quote(p: PreparedText, first: number, last: number): string {
  const a = p.tokens[first];
  const b = p.tokens[last];
  if (a === undefined || b === undefined) return '';
  return clip(p.original.slice(a.start, Math.max(a.end, b.end)));
}

/** The original words behind `normalized[start, end)`. */
export function quoteNormalized(p: PreparedText, start: number, end: number): string {
  if (p.origStart === undefined || p.origEnd === undefined) return clip(p.original.slice(start, end));
  const a = p.origStart[start] ?? p.original.length;
  const b = p.origEnd[end - 1] ?? p.original.length;
  return clip(p.original.slice(a, b));
}

export { isClauseBoundary, isSentenceBoundary } from './normalize';

/** Index of the first token of the clause holding `index`. */
export function clauseStart(p: PreparedText, index: number): number {
  return p.clauseStarts[index] ?? index;
}

/** Index of the last token of the clause holding `index`. */
export function clauseEnd(p: PreparedText, index: number): number {
  return p.clauseEnds[index] ?? index;
}

/**
 * The canonical words of the clause before token `index`, or undefined when more than
 * `max` tokens precede it there: callers ask "what opens this clause", and bounding the
 * look-back keeps every detector linear on long unpunctuated input.
 */
export function clauseLeadIn(p: PreparedText, index: number, max: number): string | undefined {
  const start = clauseStart(p, index);
  if (index - start > max) return undefined;
  return canonSlice(p, start, index - 1);
}

/** The canonical words of at most `max` tokens right before token `index`, in its clause. */
export function recentWords(p: PreparedText, index: number, max: number): string {
  return canonSlice(p, Math.max(clauseStart(p, index), index - max), index - 1);
}

/** The canonical words of tokens `from..to` (inclusive), joined by spaces. */
export function canonSlice(p: PreparedText, from: number, to: number): string {
  const a = p.tokens[from];
  const b = p.tokens[to];
  if (a === undefined || b === undefined || from > to) return '';
  return p.canon.slice(a.at, b.at + b.norm.length);
}

/** Words that turn a following statement around. */
export const NEGATORS: ReadonlySet<string> = new Set([
  'not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'nowhere', 'without',
  'hardly', 'barely', 'scarcely',
]);

/**
 * True when a negator sits within `window` words before token `index`, in the same clause.
 * "can not" / "could not" express inability, not denial ("I can't cancel my subscription"
 * still means the customer wants to cancel), so they do not count.
 */
export function negatedBefore(p: PreparedText, index: number, window = 3): boolean {
  const stop = Math.max(clauseStart(p, index), index - window);
  for (let i = index - 1; i >= stop; i -= 1) {
    const token = p.tokens[i];
    if (token === undefined || !NEGATORS.has(token.norm)) continue;
    if (token.norm === 'not') {
      const before = p.tokens[i - 1]?.norm;
      if (before === 'can' || before === 'could') continue;
    }
    return true;
  }
  return false;
}

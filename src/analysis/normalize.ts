import { STOP_WORDS } from './stop-words';
import { isKnownWord } from './vocabulary';
import { foldLookAlikes } from './look-alikes';
import { scanTokens } from './scan-tokens';
import { entryOf, ownCopy, type WordEntry } from './word-entry';

/**
 * One pass of text preparation shared by every detector.
 *
 * Detectors match on `canon`: lower case, contractions expanded, stretched letters
 * squeezed, one space between tokens, punctuation kept as its own token so a phrase
 * never matches across a comma or a full stop. Every token keeps its offsets in the
 * original string, so an excerpt always quotes what the customer actually typed.
 */

export type TokenKind = 'word' | 'number' | 'emoji' | 'emoticon' | 'punct' | 'symbol' | 'link';

export interface Token {
  readonly kind: TokenKind;
  /** Surface form after NFKC, original case. Parts of one contraction share it. */
  readonly text: string;
  /** Canonical form: lower case, contraction part expanded, stretched letters squeezed. */
  readonly norm: string;
  /** Offsets in the original text (parts of one contraction share them). */
  readonly start: number;
  readonly end: number;
  /** Offset of `norm` inside `PreparedText.canon`. */
  readonly at: number;
  /** A letter repeated three times or more, as in "sooo". */
  readonly stretched: boolean;
  /** At least two letters, all of them upper case. */
  readonly upper: boolean;
  /** What the detectors know about `norm`, for a word; undefined for every other token. */
  readonly entry: WordEntry | undefined;
}

export interface PreparedText {
  readonly original: string;
  /**
   * NFKC, zero-width characters removed, apostrophes unified, look-alike letters and digits
   * that hide a word folded to Latin ("humаn", "hum4n"); original case.
   */
  readonly normalized: string;
  /** `normalized` in lower case, index for index. */
  readonly lower: string;
  readonly tokens: readonly Token[];
  readonly canon: string;
  /*
   * Plain arrays, not typed ones, here and below: V8 keeps a typed array over 64 bytes off its
   * heap, and allocating one costs about ten times a plain array of the same length.
   */
  /** Original start of each `normalized` index; undefined when the two are identical. */
  readonly origStart: readonly number[] | undefined;
  /** Original end of each `normalized` index; undefined when the two are identical. */
  readonly origEnd: readonly number[] | undefined;
  /** For each token, the index of the first token of its clause. */
  readonly clauseStarts: readonly number[];
  /** For each token, the index of the last token of its clause. */
  readonly clauseEnds: readonly number[];
}

// Punctuation that closes a clause: phrases, negation and request frames stop here.
const CLAUSE_SYMBOLS: ReadonlySet<string> = new Set([
  ',', ';', ':', '(', ')', '[', ']', '"', '\u201c', '\u201d', '\u2014', '\u2013', '-', '/', '|', '*', '~', '>',
  // The same in other scripts (NFKC leaves them): Arabic comma, semicolon and question mark,
  // ideographic comma and full stop.
  '\u060c', '\u061b', '\u061f', '\u3001', '\u3002',
]);

/** Punctuation, emoji and emoticons end a clause; so do commas, dashes and brackets. */
export function isClauseBoundary(token: Token): boolean {
  switch (token.kind) {
    case 'punct':
    case 'emoji':
    case 'emoticon':
      return true;
    case 'symbol':
      return CLAUSE_SYMBOLS.has(token.norm[0] ?? '');
    default:
      return false;
  }
}

/** "." "!" "?" runs and ";" end a sentence. */
export function isSentenceBoundary(token: Token): boolean {
  return token.kind === 'punct' || (token.kind === 'symbol' && token.norm[0] === ';');
}

/** Latin letters (with their extensions) against every other script. */
function isLatinWord(token: Token): boolean {
  const code = token.norm.charCodeAt(0);
  return code < 0x0250 || (code >= 0x1e00 && code <= 0x1eff);
}

/**
 * Two adjacent words in different scripts: the customer switched language ("مرحبا I want a
 * human"), which starts a new clause as a comma would.
 */
function switchesScript(previous: Token, token: Token): boolean {
  return previous.kind === 'word' && token.kind === 'word' && isLatinWord(previous) !== isLatinWord(token);
}

// Computed once per message so every "which clause is this in" question is O(1). Script
// switches are looked for only in text that is not plain ASCII (`mixed`).
function clauseBounds(tokens: readonly Token[], mixed: boolean): { starts: number[]; ends: number[] } {
  const n = tokens.length;
  const starts = new Array<number>(n).fill(0);
  const ends = new Array<number>(n).fill(0);
  let start = 0;
  for (let i = 0; i < n; i += 1) {
    const t = tokens[i]!;
    if (isClauseBoundary(t)) {
      // A boundary token is a clause of its own, so nothing reaches across it.
      starts[i] = i;
      start = i + 1;
    } else {
      if (mixed && i > 0 && switchesScript(tokens[i - 1]!, t)) start = i;
      starts[i] = start;
    }
  }
  let end = n - 1;
  for (let i = n - 1; i >= 0; i -= 1) {
    const t = tokens[i]!;
    if (isClauseBoundary(t)) {
      ends[i] = i;
      end = i - 1;
    } else {
      ends[i] = end;
      if (mixed && i > 0 && switchesScript(tokens[i - 1]!, t)) end = i - 1;
    }
  }
  return { starts, ends };
}

// Printable ASCII needs no NFKC and no offset map: the common case stays a single test.
const ASCII_ONLY = /^[\x00-\x7f]*$/;

// Invisible characters that would otherwise split "hu\u200bman" into two words and hide it
// from every detector: soft hyphen, zero-width space/non-joiner/joiner, word joiner, BOM,
// Mongolian vowel separator, invisible operators, and the bidirectional controls (marks,
// embeddings, overrides, isolates) that can reorder how "human" is displayed.
const ZERO_WIDTH: ReadonlySet<number> = new Set([
  0x00ad, 0x061c, 0x180e, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e,
  0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff,
]);

// Typographic apostrophes, and the accents people type in their place: NFKC keeps
// U+2019 as is and turns U+00B4 into a space plus a combining accent, which would break
// "don´t" apart.
const APOSTROPHES: ReadonlySet<number> = new Set([0x2018, 0x2019, 0x02bc, 0x2032, 0x00b4]);

// Any character the loop below removes or replaces: the invisible ones, apostrophes,
// combining marks, and accented Latin letters (whose accents it drops).
const REWRITTEN =
  /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u2018\u2019\u02bc\u2032\u00b4\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u00c0-\u024f\u1e00-\u1eff]/;

function isCombiningMark(code: number): boolean {
  return (
    (code >= 0x0300 && code <= 0x036f) ||
    (code >= 0x1ab0 && code <= 0x1aff) ||
    (code >= 0x1dc0 && code <= 0x1dff) ||
    (code >= 0x20d0 && code <= 0x20ff) ||
    (code >= 0xfe20 && code <= 0xfe2f)
  );
}

const LETTER = /^\p{L}/u;
const LATIN_LETTER = /^[A-Za-z\u00c0-\u024f\u1e00-\u1eff]/;

function withoutCombiningMarks(cluster: string): string {
  let out = '';
  for (let k = 0; k < cluster.length; k += 1) if (!isCombiningMark(cluster.charCodeAt(k))) out += cluster[k];
  return out;
}

interface Normalized {
  readonly normalized: string;
  readonly lower: string;
  readonly origStart: readonly number[] | undefined;
  readonly origEnd: readonly number[] | undefined;
  /** The text is plain ASCII: one script, nothing rewritten. */
  readonly ascii: boolean;
}

/**
 * NFKC per grapheme-ish cluster (a base character and its combining marks), so each
 * output character knows which input characters it came from.
 */
// Chat platforms and exports often hand text over HTML-escaped ("&gt;:(" for ">:(", "A &amp; B"):
// read as the characters they stand for, so "gt" and "amp" never score as words.
const ENTITIES: ReadonlyMap<string, string> = new Map([
  ['&amp;', '&'], ['&lt;', '<'], ['&gt;', '>'], ['&quot;', '"'], ['&#39;', "'"], ['&apos;', "'"], ['&nbsp;', ' '],
]);
const HAS_ENTITY = /&(?:amp|lt|gt|quot|apos|nbsp|#39);/;
const LONGEST_ENTITY = 6;

function entityAt(text: string, i: number): string | undefined {
  if (text.charCodeAt(i) !== 0x26) return undefined;
  // Only the next few characters: a search to the end would make a run of "&" quadratic.
  const window = text.slice(i, i + LONGEST_ENTITY + 1);
  const end = window.indexOf(';');
  if (end < 0) return undefined;
  const entity = window.slice(0, end + 1);
  return ENTITIES.has(entity) ? entity : undefined;
}

function normalizeWithOffsets(text: string): Normalized {
  const entities = HAS_ENTITY.test(text);
  if (!entities && ASCII_ONLY.test(text)) {
    return { normalized: text, lower: text.toLowerCase(), origStart: undefined, origEnd: undefined, ascii: true };
  }
  // Most non-ASCII text ("café", emoji) is already NFKC and needs no offset map either.
  if (!entities && !REWRITTEN.test(text) && text.normalize('NFKC') === text) {
    const lower = text.toLowerCase();
    if (lower.length === text.length) return { normalized: text, lower, origStart: undefined, origEnd: undefined, ascii: false };
  }
  let normalized = '';
  let lower = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < text.length) {
    const code = text.codePointAt(i) ?? 0;
    const width = code > 0xffff ? 2 : 1;
    let j = i + width;
    while (j < text.length && isCombiningMark(text.charCodeAt(j))) j += 1;
    if (ZERO_WIDTH.has(code) && j === i + width) {
      i = j;
      continue;
    }
    const entity = entities ? entityAt(text, i) : undefined;
    if (entity !== undefined) j = i + entity.length;
    let out: string;
    if (entity !== undefined) out = ENTITIES.get(entity)!;
    else if (APOSTROPHES.has(code)) out = "'" + text.slice(i + width, j);
    else if (code < 0x80 && j === i + 1) out = text[i] ?? '';
    else {
      out = text.slice(i, j).normalize('NFKC');
      // Accents and other marks on a Latin letter go ("café" reads "cafe", and the strokes of
      // "h\u0336u\u0336m\u0336a\u0336n\u0336" or stacked accents cannot hide a word); on other
      // scripts only the marks NFKC could not fold into their letter.
      if (LATIN_LETTER.test(out)) out = withoutCombiningMarks(out.normalize('NFD'));
      else if (j > i + width && LETTER.test(out)) out = withoutCombiningMarks(out);
    }
    let low = out.toLowerCase();
    // A few characters change length in lower case ("İ"); keep them as they are so
    // `lower` and `normalized` stay aligned index for index.
    if (low.length !== out.length) low = out;
    normalized += out;
    lower += low;
    for (let k = 0; k < out.length; k += 1) {
      starts.push(i);
      ends.push(j);
    }
    i = j;
  }
  return { normalized, lower, origStart: starts, origEnd: ends, ascii: false };
}

const IRREGULAR: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ["can't", ['can', 'not']],
  ['cannot', ['can', 'not']],
  ["won't", ['will', 'not']],
  ["shan't", ['shall', 'not']],
  ["ain't", ['is', 'not']],
  ["let's", ['let', 'us']],
  ["y'all", ['you', 'all']],
  // Chat spelling without the apostrophe: frequent enough that negation and request
  // frames would miss a large share of messages without it. "ill", "its", "were",
  // "well", "id", "hell" and "lets" are real words and are left alone.
  ['dont', ['do', 'not']],
  ['doesnt', ['does', 'not']],
  ['didnt', ['did', 'not']],
  ['isnt', ['is', 'not']],
  ['arent', ['are', 'not']],
  ['wasnt', ['was', 'not']],
  ['werent', ['were', 'not']],
  ['havent', ['have', 'not']],
  ['hasnt', ['has', 'not']],
  ['hadnt', ['had', 'not']],
  ['wouldnt', ['would', 'not']],
  ['shouldnt', ['should', 'not']],
  ['couldnt', ['could', 'not']],
  ['cant', ['can', 'not']],
  ['wont', ['will', 'not']],
  ['aint', ['is', 'not']],
  ['im', ['i', 'am']],
  ['youre', ['you', 'are']],
  ['theyre', ['they', 'are']],
  ['ive', ['i', 'have']],
  ['thats', ['that', 'is']],
  ['whats', ['what', 'is']],
  // Chat abbreviations that the request and resolution frames rely on.
  ['idk', ['i', 'do', 'not', 'know']],
  ['dunno', ['do', 'not', 'know']],
  ['nvm', ['never', 'mind']],
  ['nevermind', ['never', 'mind']],
  ['pls', ['please']],
  ['plz', ['please']],
  ['plse', ['please']],
  ['thx', ['thanks']],
  ['thanx', ['thanks']],
  ['thnx', ['thanks']],
  ['u', ['you']],
  ['ya', ['you']],
  ['ur', ['your']],
  ['gimme', ['give', 'me']],
  ['lemme', ['let', 'me']],
  ['gonna', ['going', 'to']],
  ['wanna', ['want', 'to']],
  ['gotta', ['got', 'to']],
  ['noone', ['no', 'one']],
  ['rn', ['right', 'now']],
  ['cuz', ['because']],
  ['coz', ['because']],
]);

const SUFFIXES: ReadonlyMap<string, string> = new Map([
  ["'re", 'are'],
  ["'ve", 'have'],
  ["'ll", 'will'],
  ["'d", 'would'],
  ["'m", 'am'],
]);

// "'s" means "is" after these; after anything else it is a possessive and is dropped.
const S_IS: ReadonlySet<string> = new Set([
  'it', 'that', 'what', 'there', 'here', 'he', 'she', 'who', 'where', 'how', 'when', 'why',
  'everything', 'nothing', 'someone', 'somebody', 'something', 'this', 'everyone', 'nobody',
]);

// When a stretched letter is squeezed, these keep their double letter ("gooood" → "good",
// "sooo" → "so"); everything else keeps one.
const KEEP_DOUBLE: ReadonlySet<string> = new Set([
  'all', 'annoying', 'better', 'cool', 'difficult', 'feel', 'free', 'good', 'goodbye', 'happy',
  'hello', 'hurry', 'horrible', 'need', 'off', 'really', 'see', 'soon', 'sorry', 'still', 'stuff',
  'terrible', 'too', 'useless', 'well', 'will', 'wrong', 'pissed', 'hell', 'shitty', 'sweet',
  'agree', 'called', 'calling', 'call', 'fee', 'fees', 'door', 'book', 'look', 'wood', 'food',
]);

function squeezeTo(word: string, keep: number): string {
  let out = '';
  let run = 0;
  let prev = '';
  for (const ch of word) {
    run = ch === prev ? run + 1 : 1;
    prev = ch;
    if (run <= keep) out += ch;
  }
  return out;
}

function hasStretch(word: string): boolean {
  let run = 1;
  for (let i = 1; i < word.length; i += 1) {
    run = word[i] === word[i - 1] ? run + 1 : 1;
    if (run >= 3) return true;
  }
  return false;
}

/** Lexicon-free guess at the intended spelling of a stretched word ("sooo" → "so"). */
export function squeeze(word: string): string {
  if (!hasStretch(word)) return word;
  const two = squeezeTo(word, 2);
  return KEEP_DOUBLE.has(two) ? two : squeezeTo(word, 1);
}

/** The spellings a stretched word may stand for, most likely first ("gooood" → good, god). */
export function squeezeVariants(word: string): readonly string[] {
  if (!hasStretch(word)) return [word];
  const one = squeezeTo(word, 1);
  const two = squeezeTo(word, 2);
  return KEEP_DOUBLE.has(two) || one === two ? [two, one] : [one, two];
}

/** Splits one lower-case word into its expanded parts ("don't" → do, not). */
export function expandContraction(word: string): readonly string[] {
  const irregular = IRREGULAR.get(word);
  if (irregular !== undefined) return irregular;
  const apostrophe = word.lastIndexOf("'");
  if (apostrophe <= 0) return [word];
  if (word.endsWith("n't") && word.length > 3) return [word.slice(0, -3), 'not'];
  const base = word.slice(0, apostrophe);
  const suffix = word.slice(apostrophe);
  const expanded = SUFFIXES.get(suffix);
  if (expanded !== undefined) return [base, expanded];
  if (suffix === "'s") return S_IS.has(base) ? [base, 'is'] : [base];
  return [word];
}

function isUpperWord(surface: string): boolean {
  // ASCII by character codes; a word with any other character asks the case mapping.
  let capitals = 0;
  let ascii = true;
  for (let i = 0; i < surface.length && ascii; i += 1) {
    const code = surface.charCodeAt(i);
    if (code >= 0x61 && code <= 0x7a) return false;
    if (code >= 0x80) ascii = false;
    else if (code >= 0x41 && code <= 0x5a) capitals += 1;
  }
  if (ascii) return capitals >= 2;
  let letters = 0;
  for (const ch of surface) {
    const low = ch.toLowerCase();
    const up = ch.toUpperCase();
    if (low === up) continue;
    if (ch !== up) return false;
    letters += 1;
  }
  return letters >= 2;
}

/** Letters typed one by one count as a word from this many on: "a b" stays two words. */
const MIN_SPACED_LETTERS = 3;
/** What may stand between letters typed one by one, besides a single space: "h.u.m.a.n", "h_u_m_a_n". */
const LETTER_SEPARATORS: ReadonlySet<string> = new Set(['.', '_', '*', '\u00b7', '~', '+']);
const WHITE_SPACE_CHAR = /\s/;
/** A word of single letters joined by hyphens ("h-u-m-a-n"), which the scanner reads as one word. */
const HYPHENATED_LETTERS = /^\p{L}(?:-\p{L}){2,}$/u;

/** Collects the tokens of one message and its canonical form, with offsets in the original. */
class TokenBuilder {
  readonly tokens: Token[] = [];
  canon = '';

  constructor(
    private readonly text: string,
    readonly normalized: string,
    readonly lower: string,
    private readonly origStart: readonly number[] | undefined,
    private readonly origEnd: readonly number[] | undefined,
  ) {}

  push(kind: TokenKind, surface: string, norm: string, nStart: number, nEnd: number, stretched: boolean, upper: boolean): void {
    if (this.canon.length > 0) this.canon += ' ';
    const start = this.origStart === undefined ? nStart : (this.origStart[nStart] ?? this.text.length);
    const end = this.origEnd === undefined ? nEnd : (this.origEnd[nEnd - 1] ?? this.text.length);
    const entry = kind === 'word' ? entryOf(norm) : undefined;
    this.tokens.push({ kind, text: surface, norm, start, end, at: this.canon.length, stretched, upper, entry });
    this.canon += norm;
  }

  word(surface: string, low: string, nStart: number, nEnd: number): void {
    const upper = isUpperWord(surface);
    // Most words are no contraction: no list to build for them.
    if (!low.includes("'") && !IRREGULAR.has(low)) {
      const norm = squeeze(low);
      this.push('word', surface, norm, nStart, nEnd, norm !== low, upper);
      return;
    }
    for (const part of expandContraction(low)) {
      const norm = squeeze(part);
      this.push('word', surface, norm, nStart, nEnd, norm !== part, upper);
    }
  }

  /** The one-character separator at `at` ("." or "_"), as the scanner would have read it. */
  separator(at: number): void {
    this.push(this.normalized[at] === '.' ? 'punct' : 'symbol', this.normalized[at]!, this.lower[at]!, at, at + 1, false, false);
  }

  /**
   * Emits a run of single letters (offsets into `normalized`) as one word. "a h u m a n" reads as
   * "a human" and "i w a n t" as "i want" when the run without its first letter is a word the
   * detectors know and the whole run is not; otherwise the run is one word ("a g e n t" → agent).
   */
  spacedWord(at: readonly number[]): void {
    const surface = at.map((i) => this.normalized[i]).join('');
    const low = at.map((i) => this.lower[i]).join('');
    const first = at[0]!;
    const last = at[at.length - 1]!;
    const head = low[0];
    if ((head === 'a' || head === 'i') && at.length > MIN_SPACED_LETTERS && !isKnownWord(low) && isKnownWord(low.slice(1))) {
      this.word(surface[0]!, head, first, first + 1);
      this.word(surface.slice(1), low.slice(1), at[1]!, last + 1);
      return;
    }
    this.word(surface, low, first, last + 1);
  }
}

// Letters typed one by one ("h u m a n", "s.t.u.p.i.d") are held here until their run ends,
// then read as one word, so spacing a word out does not hide it from the detectors. Shared
// scratch space: prepare() is synchronous and always leaves them empty.
const runLetters: number[] = [];
// Offsets of the separators between those letters.
const runSeparators: number[] = [];

const LETTER_CHAR = /^\p{L}$/u;
const WORD_CHAR = /^[\p{L}\p{M}\p{N}'-]$/u;

/** True when `text` goes on at `at` with a space or separator, then a letter standing alone. */
function singleLetterFollows(text: string, at: number): boolean {
  const gap = text[at];
  const next = text[at + 1];
  if (gap === undefined || next === undefined) return false;
  if (!WHITE_SPACE_CHAR.test(gap) && !LETTER_SEPARATORS.has(gap)) return false;
  if (!LETTER_CHAR.test(next)) return false;
  const after = text[at + 2];
  return after === undefined || !WORD_CHAR.test(after);
}

/** Emits the held letters (as one word when there are enough) and a separator held after them. */
function flushLetters(b: TokenBuilder, separator: number): void {
  if (runLetters.length >= MIN_SPACED_LETTERS) {
    b.spacedWord(runLetters);
  } else {
    // Too short a run: the letters and separators as they came ("a.m." stays "a . m .").
    let s = 0;
    for (const at of runLetters) {
      while (s < runSeparators.length && runSeparators[s]! < at) b.separator(runSeparators[s++]!);
      b.word(b.normalized[at]!, b.lower[at]!, at, at + 1);
    }
  }
  if (separator >= 0) b.separator(separator);
  runLetters.length = 0;
  runSeparators.length = 0;
}

/** Normalises, tokenises and builds the canonical form of one message. */
export function prepare(text: string): PreparedText {
  const nfkc = normalizeWithOffsets(text);
  const { origStart, origEnd, ascii } = nfkc;
  // One character for one, so the offset maps above still hold.
  const { normalized, lower } = foldLookAlikes(nfkc.normalized, nfkc.lower, ascii);
  const b = new TokenBuilder(text, normalized, lower, origStart, origEnd);
  let separator = -1;
  runLetters.length = 0;
  runSeparators.length = 0;

  const spans = scanTokens(normalized, ascii);
  const count = spans.count;
  for (let k = 0; k < count; k += 1) {
    const nStart = spans.starts[k]!;
    const nEnd = spans.ends[k]!;
    const kind = spans.kinds[k]!;
    const surface = normalized.slice(nStart, nEnd);
    // A single letter starts a run only when another single letter follows it ("I", "a" mostly do not).
    if (kind === 'word' && surface.length === 1 && (runLetters.length > 0 || singleLetterFollows(normalized, nEnd))) {
      const last = runLetters.length === 0 ? -1 : runLetters[runLetters.length - 1]!;
      const continues =
        last >= 0 &&
        (separator >= 0 ? separator === last + 1 && nStart === last + 2 : nStart === last + 2 && WHITE_SPACE_CHAR.test(normalized[last + 1]!));
      if (!continues) flushLetters(b, separator);
      else if (separator >= 0) runSeparators.push(separator);
      separator = -1;
      runLetters.push(nStart);
      continue;
    }
    if (runLetters.length > 0) {
      const last = runLetters[runLetters.length - 1]!;
      if (separator < 0 && nStart === last + 1 && surface.length === 1 && LETTER_SEPARATORS.has(surface)) {
        separator = nStart;
        continue;
      }
      flushLetters(b, separator);
      separator = -1;
    }
    const low = lower.slice(nStart, nEnd);
    if (kind === 'emoticon') b.push('emoticon', surface, surface, nStart, nEnd, false, false);
    else if (kind === 'link') b.push('link', surface, '<link>', nStart, nEnd, false, false);
    else if (kind === 'emoji') b.push('emoji', surface, surface, nStart, nEnd, false, false);
    else if (kind === 'word') {
      // The cheap test first: "h-u-m-a-n" has its first hyphen second.
      if (surface.charCodeAt(1) === 0x2d && HYPHENATED_LETTERS.test(surface)) b.word(surface.replace(/-/g, ''), low.replace(/-/g, ''), nStart, nEnd);
      else b.word(surface, low, nStart, nEnd);
    } else if (kind === 'number') b.push('number', surface, low, nStart, nEnd, false, false);
    else if (kind === 'punct') b.push('punct', surface, surface, nStart, nEnd, false, false);
    else b.push('symbol', surface, low, nStart, nEnd, false, false);
  }
  flushLetters(b, separator);
  const { tokens, canon } = b;
  const { starts, ends } = clauseBounds(tokens, !ascii);
  return { original: text, normalized, lower, tokens, canon, origStart, origEnd, clauseStarts: starts, clauseEnds: ends };
}

/** Accepts raw text or an already prepared text, so one message is prepared once. */
export function asPrepared(input: string | PreparedText): PreparedText {
  return typeof input === 'string' ? prepare(input) : input;
}

interface PorterStemmer {
  stem(token: string): string;
}

let porter: PorterStemmer | undefined;

// Porter's own regexes turn quadratic on very long letter runs; nothing that long is a word.
const MAX_STEMMED_LENGTH = 32;

/** Porter stem of a lower-case word, with natural's submodule loaded on first use (contentTokens memoises it). */
export function stem(word: string): string {
  if (word.length > MAX_STEMMED_LENGTH) return word;
  // The submodule, never 'natural' itself: its index loads database drivers, reads .env and prints.
  porter ??= require('natural/lib/natural/stemmers/porter_stemmer') as PorterStemmer;
  return porter.stem(word);
}

/*
 * A few service nouns and verbs that customers use interchangeably when they rephrase
 * the same question; without them "where is my parcel" and "my order has not arrived"
 * share no content token at all.
 */
const SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['parcel', 'order'],
  ['package', 'order'],
  ['shipment', 'order'],
  ['delivery', 'arrive'],
  ['delivered', 'arrive'],
  ['arrived', 'arrive'],
  ['came', 'arrive'],
  ['received', 'arrive'],
  ['reimbursement', 'refund'],
  ['reimburse', 'refund'],
  ['wifi', 'internet'],
  ['wi-fi', 'internet'],
  ['broadband', 'internet'],
  ['broken', 'work'],
  ['working', 'work'],
  ['works', 'work'],
  ['invoice', 'bill'],
]);

// Each word's content token (null: a stop word or a single letter), kept in the word's entry:
// Porter stemming costs microseconds per word and chat vocabulary is small and repetitive, so
// the entries are the memo of the stems too.
function contentWord(token: Token): string | null {
  const entry = token.entry ?? entryOf(token.norm);
  let content = entry.content;
  if (content === undefined) {
    const word = token.norm;
    // Its own copy: the stem of a long word may be the word itself, a view into the message.
    content = word.length < 2 || STOP_WORDS.has(word) ? null : ownCopy(stem(SYNONYMS.get(word) ?? word));
    entry.content = content;
  }
  return content;
}

/** Lower-case, stop-word-free, stemmed words and numbers: what a message is about. */
export function contentTokens(input: string | PreparedText): string[] {
  const p = asPrepared(input);
  const out: string[] = [];
  for (const token of p.tokens) {
    if (token.kind === 'number') {
      out.push(token.norm);
      continue;
    }
    if (token.kind !== 'word') continue;
    const content = contentWord(token);
    if (content !== null) out.push(content);
  }
  return out;
}

/**
 * The same message with some words read differently, for a detector that tolerates typos: `spell`
 * returns the canonical words a word token stands for ("somneone" → ["someone"], "tosomebody" →
 * ["to", "somebody"]), none to drop it (a filler such as "um"), or undefined to keep it. New tokens
 * keep the original offsets, so excerpts still quote what the customer typed. Returns `p` itself
 * when no word changes.
 */
export function respell(p: PreparedText, spell: (token: Token) => readonly string[] | undefined): PreparedText {
  let tokens: Token[] | undefined;
  for (let i = 0; i < p.tokens.length; i += 1) {
    const t = p.tokens[i]!;
    const parts = t.kind === 'word' ? spell(t) : undefined;
    if (parts === undefined) {
      tokens?.push(t);
      continue;
    }
    tokens ??= p.tokens.slice(0, i);
    for (const norm of parts) tokens.push({ ...t, norm, entry: entryOf(norm) });
  }
  if (tokens === undefined) return p;
  let canon = '';
  const placed: Token[] = [];
  for (const t of tokens) {
    if (canon.length > 0) canon += ' ';
    placed.push({ ...t, at: canon.length });
    canon += t.norm;
  }
  const { starts, ends } = clauseBounds(placed, !ASCII_ONLY.test(p.normalized));
  return { ...p, tokens: placed, canon, clauseStarts: starts, clauseEnds: ends };
}

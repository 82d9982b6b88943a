import { STOP_WORDS } from './stop-words';

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
}

export interface PreparedText {
  readonly original: string;
  /** NFKC, zero-width characters removed, apostrophes unified; original case. */
  readonly normalized: string;
  /** `normalized` in lower case, index for index. */
  readonly lower: string;
  readonly tokens: readonly Token[];
  readonly canon: string;
  /** Original start of each `normalized` index; undefined when the two are identical. */
  readonly origStart: Int32Array | undefined;
  /** Original end of each `normalized` index; undefined when the two are identical. */
  readonly origEnd: Int32Array | undefined;
  /** For each token, the index of the first token of its clause. */
  readonly clauseStarts: Int32Array;
  /** For each token, the index of the last token of its clause. */
  readonly clauseEnds: Int32Array;
}

// Punctuation that closes a clause: phrases, negation and request frames stop here.
const CLAUSE_SYMBOLS: ReadonlySet<string> = new Set([
  ',', ';', ':', '(', ')', '[', ']', '"', '\u201c', '\u201d', '\u2014', '\u2013', '-', '/', '|', '*', '~', '>',
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

// Computed once per message so every "which clause is this in" question is O(1).
function clauseBounds(tokens: readonly Token[]): { starts: Int32Array; ends: Int32Array } {
  const n = tokens.length;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  let start = 0;
  for (let i = 0; i < n; i += 1) {
    const t = tokens[i];
    if (t !== undefined && isClauseBoundary(t)) {
      // A boundary token is a clause of its own, so nothing reaches across it.
      starts[i] = i;
      start = i + 1;
    } else {
      starts[i] = start;
    }
  }
  let end = n - 1;
  for (let i = n - 1; i >= 0; i -= 1) {
    const t = tokens[i];
    if (t !== undefined && isClauseBoundary(t)) {
      ends[i] = i;
      end = i - 1;
    } else {
      ends[i] = end;
    }
  }
  return { starts, ends };
}

// Printable ASCII needs no NFKC and no offset map: the common case stays a single test.
const ASCII_ONLY = /^[\x00-\x7f]*$/;

// Soft hyphen, zero-width space/non-joiner/joiner, word joiner, BOM: invisible characters
// that would otherwise split "hu\u200bman" into two words and hide it from every detector.
const ZERO_WIDTH: ReadonlySet<number> = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);

// Typographic apostrophes, and the accents people type in their place: NFKC keeps
// U+2019 as is and turns U+00B4 into a space plus a combining accent, which would break
// "don´t" apart.
const APOSTROPHES: ReadonlySet<number> = new Set([0x2018, 0x2019, 0x02bc, 0x2032, 0x00b4]);

// Any character the loop below removes or replaces.
const REWRITTEN = /[\u00ad\u200b-\u200d\u2060\ufeff\u2018\u2019\u02bc\u2032\u00b4]/;

function isCombiningMark(code: number): boolean {
  return (
    (code >= 0x0300 && code <= 0x036f) ||
    (code >= 0x1ab0 && code <= 0x1aff) ||
    (code >= 0x1dc0 && code <= 0x1dff) ||
    (code >= 0x20d0 && code <= 0x20ff) ||
    (code >= 0xfe20 && code <= 0xfe2f)
  );
}

interface Normalized {
  readonly normalized: string;
  readonly lower: string;
  readonly origStart: Int32Array | undefined;
  readonly origEnd: Int32Array | undefined;
}

/**
 * NFKC per grapheme-ish cluster (a base character and its combining marks), so each
 * output character knows which input characters it came from.
 */
function normalizeWithOffsets(text: string): Normalized {
  if (ASCII_ONLY.test(text)) {
    return { normalized: text, lower: text.toLowerCase(), origStart: undefined, origEnd: undefined };
  }
  // Most non-ASCII text ("café", emoji) is already NFKC and needs no offset map either.
  if (!REWRITTEN.test(text) && text.normalize('NFKC') === text) {
    const lower = text.toLowerCase();
    if (lower.length === text.length) return { normalized: text, lower, origStart: undefined, origEnd: undefined };
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
    let out: string;
    if (APOSTROPHES.has(code)) out = "'" + text.slice(i + width, j);
    else if (code < 0x80 && j === i + 1) out = text[i] ?? '';
    else out = text.slice(i, j).normalize('NFKC');
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
  return { normalized, lower, origStart: Int32Array.from(starts), origEnd: Int32Array.from(ends) };
}

/*
 * One scanner for every token class, tried in this order at each position:
 *  1 emoticon  — only at a token edge and followed by a space, the end or punctuation,
 *                so "http://" and "10:30" never read as faces;
 *  2 link      — urls and e-mail addresses stay whole instead of becoming word soup;
 *  3 emoji     — a pictograph with its presentation selector and skin tone;
 *  4 word      — letters with inner apostrophes or hyphens ("don't", "self-harm");
 *  5 number    — digits with separators and a unit suffix ("10:30", "3rd", "2fa");
 *  6 punct     — a run of ! ? . (the run length matters to emphasis and frustration);
 *  7 symbol    — any other character, a run of the same one as a single token.
 * Every branch is linear: no branch repeats a group whose body can match its own prefix,
 * and the branches that can fail after a long scan (emoticon, e-mail) are bounded.
 */
const TOKEN_RE =
  /((?<![^\s\p{L}\p{N}.,!?])(?:[<>]?[:;=][-o^']?[)\](\[dDpP/\\|*3oO@$]{1,8}|[)\](\[dDpP/\\|]{1,8}[-']?[:;=][<>]?|<\/?3{1,8}|\^_{0,8}\^|-_{1,8}-|[xX][dD]{1,8})(?=\s|$|[.,!?]))|(https?:\/\/\S+|www\.\S+|[\w.+-]{1,64}@[\w-]+(?:\.[\w-]+)+)|(\p{Extended_Pictographic}[\u{FE0F}\u{1F3FB}-\u{1F3FF}]*)|(\p{L}[\p{L}\p{M}\p{N}]*(?:['-][\p{L}\p{N}]+)*)|(\p{N}+(?:[.,:/]\p{N}+)*\p{L}*)|([!?.]+)|([^\s])\7*/gu;

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
  ['ur', ['your']],
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

/** Normalises, tokenises and builds the canonical form of one message. */
export function prepare(text: string): PreparedText {
  const { normalized, lower, origStart, origEnd } = normalizeWithOffsets(text);
  const tokens: Token[] = [];
  let canon = '';
  const toOrigStart = (n: number): number => (origStart === undefined ? n : (origStart[n] ?? text.length));
  const toOrigEnd = (n: number): number => (origEnd === undefined ? n + 1 : (origEnd[n] ?? text.length));

  const push = (kind: TokenKind, surface: string, norm: string, nStart: number, nEnd: number, stretched: boolean, upper: boolean): void => {
    if (canon.length > 0) canon += ' ';
    tokens.push({ kind, text: surface, norm, start: toOrigStart(nStart), end: toOrigEnd(nEnd - 1), at: canon.length, stretched, upper });
    canon += norm;
  };

  // The shared scanner is safe to reuse: this loop is synchronous and resets it first.
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(normalized)) !== null) {
    const surface = m[0];
    const nStart = m.index;
    const nEnd = nStart + surface.length;
    const low = lower.slice(nStart, nEnd);
    if (m[1] !== undefined) push('emoticon', surface, surface, nStart, nEnd, false, false);
    else if (m[2] !== undefined) push('link', surface, '<link>', nStart, nEnd, false, false);
    else if (m[3] !== undefined) push('emoji', surface, surface, nStart, nEnd, false, false);
    else if (m[4] !== undefined) {
      const upper = isUpperWord(surface);
      for (const part of expandContraction(low)) {
        const norm = squeeze(part);
        push('word', surface, norm, nStart, nEnd, norm !== part, upper);
      }
    } else if (m[5] !== undefined) push('number', surface, low, nStart, nEnd, false, false);
    else if (m[6] !== undefined) push('punct', surface, surface, nStart, nEnd, false, false);
    else push('symbol', surface, low, nStart, nEnd, false, false);
  }
  const { starts, ends } = clauseBounds(tokens);
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
// Porter stemming costs microseconds per word and chat vocabulary is small and
// repetitive, so stems are memoised; the cap keeps memory bounded on adversarial input.
const STEM_CACHE_LIMIT = 20_000;
const stemCache = new Map<string, string>();

// Porter's own regexes turn quadratic on very long letter runs; nothing that long is a word.
const MAX_STEMMED_LENGTH = 32;

/** Porter stem of a lower-case word, with natural's submodule loaded on first use. */
export function stem(word: string): string {
  if (word.length > MAX_STEMMED_LENGTH) return word;
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  // The submodule, never 'natural' itself: its index loads database drivers, reads .env and prints.
  porter ??= require('natural/lib/natural/stemmers/porter_stemmer') as PorterStemmer;
  const stemmed = porter.stem(word);
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(word, stemmed);
  return stemmed;
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

/** Lower-case, stop-word-free, stemmed words and numbers: what a message is about. */
export function contentTokens(input: string | PreparedText): string[] {
  const p = asPrepared(input);
  const out: string[] = [];
  for (const token of p.tokens) {
    if (token.kind === 'number') {
      out.push(token.norm);
      continue;
    }
    if (token.kind !== 'word' || token.norm.length < 2 || STOP_WORDS.has(token.norm)) continue;
    out.push(stem(SYNONYMS.get(token.norm) ?? token.norm));
  }
  return out;
}

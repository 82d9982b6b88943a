import type { TokenKind } from './normalize';

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
 *
 * Only the first two classes are captured (and the symbol, for its back-reference): the
 * others are told apart by their first character (tokenKindOf), since where neither an
 * emoticon nor a link starts, a letter always starts a word, a digit a number, and so on.
 * A capture per class cost a substring per token.
 */
export const TOKEN_RE =
  /((?<![^\s\p{L}\p{N}.,!?])(?:[<>]?[:;=][-o^']?[)\](\[dDpP/\\|*3oO@$lLcCsS]{1,8}|[)\](\[dDpP/\\|]{1,8}[-']?[:;=][<>]?|<\/?3{1,8}|\^_{0,8}\^|-_{1,8}-|[xX][dD]{1,8})(?=\s|$|[.,!?]))|(https?:\/\/\S+|www\.\S+|[\w.+-]{1,64}@[\w-]+(?:\.[\w-]+)+)|\p{Extended_Pictographic}[\u{FE0F}\u{1F3FB}-\u{1F3FF}]*|\p{L}[\p{L}\p{M}\p{N}]*(?:['-][\p{L}\p{N}]+)*|\p{N}+(?:[.,:/]\p{N}+)*\p{L}*|[!?.]+|([^\s])\3*/gu;

const STARTS_WITH_LETTER = /^\p{L}/u;
const STARTS_WITH_NUMBER = /^\p{N}/u;
const STARTS_WITH_PICTOGRAPH = /^\p{Extended_Pictographic}/u;

/** The class of a scanner match that is neither an emoticon nor a link, from its first character. */
export function tokenKindOf(surface: string): 'word' | 'number' | 'punct' | 'emoji' | 'symbol' {
  const c = surface.charCodeAt(0);
  if (isAsciiLetter(c)) return 'word';
  if (isDigit(c)) return 'number';
  if (isPunct(c)) return 'punct';
  if (c < 0x80) return 'symbol';
  if (STARTS_WITH_LETTER.test(surface)) return 'word';
  if (STARTS_WITH_NUMBER.test(surface)) return 'number';
  return STARTS_WITH_PICTOGRAPH.test(surface) ? 'emoji' : 'symbol';
}

/** The tokens of one text as parallel lists: start and end offsets, and class; `count` of them hold. */
export interface TokenSpans {
  readonly count: number;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  readonly kinds: readonly TokenKind[];
}

/*
 * Shared scratch space: the spans of the text scanned last. Callers read them before
 * scanning again (prepare() is synchronous). The lists are overwritten, never emptied, so
 * they keep their room from one message to the next and the lists themselves are not
 * allocated again for each message.
 */
const spans: { count: number; starts: number[]; ends: number[]; kinds: TokenKind[] } = { count: 0, starts: [], ends: [], kinds: [] };

// Room kept between messages: a very long message's lists are let go rather than held for good.
const KEPT_ROOM = 1_024;

function clear(): void {
  spans.count = 0;
  if (spans.starts.length > KEPT_ROOM) {
    spans.starts = [];
    spans.ends = [];
    spans.kinds = [];
  }
}

function add(start: number, end: number, kind: TokenKind): void {
  const k = spans.count;
  if (k < spans.starts.length) {
    spans.starts[k] = start;
    spans.ends[k] = end;
    spans.kinds[k] = kind;
  } else {
    spans.starts.push(start);
    spans.ends.push(end);
    spans.kinds.push(kind);
  }
  spans.count = k + 1;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** What `\s` matches in ASCII: tab, line feed, vertical tab, form feed, carriage return, space. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** "." "," "!" "?": may stand right before a face or right after one. */
function isFaceNeighbour(c: number): boolean {
  return c === 0x2e || c === 0x2c || c === 0x21 || c === 0x3f;
}

/** "!" "?" ".": the characters of a punctuation token. */
function isPunct(c: number): boolean {
  return c === 0x21 || c === 0x3f || c === 0x2e;
}

// The characters without which no emoticon but "xD" and no link but "www." can occur:
// every other face holds one of : ; = < ^ _, and urls and e-mail addresses hold : or @.
function needsFullScanner(c: number): boolean {
  return c === 0x3a || c === 0x3b || c === 0x3d || c === 0x3c || c === 0x5e || c === 0x5f || c === 0x40;
}

const MAX_FACE_D = 8;

/** End of an "xD" face starting at `i` (as TOKEN_RE reads it), or -1. */
function faceEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && j - i <= MAX_FACE_D) {
    const d = text.charCodeAt(j);
    if (d !== 0x64 && d !== 0x44) break;
    j += 1;
  }
  if (j === i + 1) return -1;
  const before = i === 0 ? 0x20 : text.charCodeAt(i - 1);
  if (!(isSpace(before) || isAsciiLetter(before) || isDigit(before) || isFaceNeighbour(before))) return -1;
  if (j < text.length) {
    const after = text.charCodeAt(j);
    if (!(isSpace(after) || isFaceNeighbour(after))) return -1;
  }
  return j;
}

/**
 * TOKEN_RE by hand, for ASCII text without the characters of most faces and links: the same
 * tokens, about a quarter of the time, and no match object per token. False where the text
 * needs the full scanner; the spans it added by then are to be cleared.
 */
function scanAscii(text: string): boolean {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i += 1;
      continue;
    }
    const start = i;
    if (isAsciiLetter(c)) {
      if (c === 0x77 && text.startsWith('www.', i)) return false;
      if (c === 0x78 || c === 0x58) {
        const face = faceEnd(text, i);
        if (face >= 0) {
          add(start, face, 'emoticon');
          i = face;
          continue;
        }
      }
      i += 1;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (isAsciiLetter(d) || isDigit(d)) i += 1;
        else if ((d === 0x27 || d === 0x2d) && i + 1 < n && (isAsciiLetter(text.charCodeAt(i + 1)) || isDigit(text.charCodeAt(i + 1)))) i += 2;
        else break;
      }
      add(start, i, 'word');
    } else if (isDigit(c)) {
      i += 1;
      while (i < n && isDigit(text.charCodeAt(i))) i += 1;
      while (i + 1 < n) {
        const d = text.charCodeAt(i);
        if (d !== 0x2e && d !== 0x2c && d !== 0x2f) break;
        if (!isDigit(text.charCodeAt(i + 1))) break;
        i += 2;
        while (i < n && isDigit(text.charCodeAt(i))) i += 1;
      }
      while (i < n && isAsciiLetter(text.charCodeAt(i))) i += 1;
      add(start, i, 'number');
    } else if (isPunct(c)) {
      i += 1;
      while (i < n && isPunct(text.charCodeAt(i))) i += 1;
      add(start, i, 'punct');
    } else {
      if (needsFullScanner(c)) return false;
      i += 1;
      while (i < n && text.charCodeAt(i) === c) i += 1;
      add(start, i, 'symbol');
    }
  }
  return true;
}

function scanWithRegex(text: string): void {
  // The shared scanner is safe to reuse: this loop is synchronous and resets it first.
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    const kind = m[1] !== undefined ? 'emoticon' : m[2] !== undefined ? 'link' : tokenKindOf(m[0]);
    add(m.index, m.index + m[0].length, kind);
  }
}

/**
 * The tokens of `text` as TOKEN_RE finds them. `ascii` says the text is plain ASCII, which
 * allows the scanner by hand. The result is shared: read it before the next call.
 */
export function scanTokens(text: string, ascii: boolean): TokenSpans {
  clear();
  if (!ascii || !scanAscii(text)) {
    clear();
    scanWithRegex(text);
  }
  return spans;
}

import { trimEndOf } from './trim';
import type { RedactionKind } from '../schema/packet';
import { invalidArgument } from '../schema/argument';

/** Redacted text and how many secrets of each kind were replaced. */
export interface RedactionResult {
  readonly text: string;
  readonly counts: Partial<Record<RedactionKind, number>>;
}

interface Span {
  readonly start: number;
  readonly end: number;
  readonly kind: RedactionKind;
}

/*
 * Every pattern below runs on whatever customers type (up to 1 MB), so each one is built to
 * stay linear: quantifiers are bounded, a quantified group never holds an unbounded one, and
 * unbounded runs (`\d+`) are split into groups in code rather than by backtracking. Checksums
 * (Luhn, mod-97) and word lists are applied in code on the few candidates found.
 */

/** Words that may sit between an announcement and its secret: "cvv is 123", "code: 9921". */
const CONNECT = String.raw`[\t :=#.-]{0,4}(?:(?:is|are|was|would be|number|no|n°)[\t :=#.-]{1,4})?`;

const CVV_ANNOUNCED = new RegExp(
  String.raw`\b(?:cvv2?|cvc2?|cvn|csc|card security code|security code|card verification (?:value|code)|(?:3|4|three|four)[ -]digits?(?: code| number)? on the back(?: of (?:the |my )?card)?)` +
    CONNECT +
    String.raw`(\d{3,4})(?![\d/])`,
  'dgi',
);

/** After a card number: an optional expiry, then 3–4 digits ("4111… exp 12/27 123"). */
const CVV_AFTER_CARD = new RegExp(
  String.raw`^[\s,;]{0,3}(?:(?:exp(?:iry|ires|iration)?(?: date)?|valid (?:thru|through|until))[\s:.]{0,3})?(?:[01]?\d[\/-](?:\d{4}|\d{2})[\s,;]{1,3})?(?:(?:cvv2?|cvc2?|code)[\s:=]{0,3})?(\d{3,4})(?![\d/])`,
  'di',
);

/** Longer than any text CVV_AFTER_CARD can match, so its look-ahead still sees the next character. */
const CVV_AFTER_CARD_WINDOW = 80;

const SSN_FORMATTED = /(?<![\d-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\d-])/dg;

const SSN_ANNOUNCED = new RegExp(
  String.raw`\b(?:ssn|social security(?: number| no\.?| #)?|social insurance number)` +
    CONNECT +
    String.raw`(\d{3}[- ]?\d{2}[- ]?\d{4})(?![\d-])`,
  'dgi',
);

/**
 * "password is", "pin:", "passcode": the announcement only, up to where the secret starts. The
 * secret itself (the next run of non-space characters, at most {@link MAX_PASSWORD_LENGTH}) is read
 * in code: a `\S{1,128}(?!\S)` here would backtrack up to 128 steps at every announcement.
 */
const PASSWORD_ANNOUNCED =
  /(?<!one[- ]time )\b(?:pass(?:word|wd|code|phrase)|pwd|pin(?: code| number)?)\b(?:(\s{0,3}[:=]\s{0,3})|(\s{1,3}(?:is|was)\s{1,3}|'s\s{1,3})|(\s{1,3}))(?=\S)/gi;

const MAX_PASSWORD_LENGTH = 128;

const WHITE_SPACE = /\s/;

const HAS_DIGIT = /\d/;
/** What every match of PASSWORD_ANNOUNCED holds: a cheap test that rules most messages out. */
const PASSWORD_WORD = /p(?:ass|wd|in)/i;

/** One-time codes named as such; `code` alone only with "the/my" before and "is/:" after. */
const OTP_ANNOUNCED = new RegExp(
  String.raw`(?:\b(?:one[- ]time (?:pass(?:word|code)|code|pin)|otp|verification code|confirmation code|security code|auth(?:entication|orisation|orization)? code|log ?in code|sign[- ]in code|access code|sms code|2fa(?: code)?|two[- ]factor(?: authentication)? code|mfa(?: code)?)` +
    CONNECT +
    String.raw`|\b(?:the|my|this|that|your) code(?:\s{1,3}(?:is|was)\s{1,3}|\s{0,3}[:=]\s{0,3}))` +
    String.raw`(\d{3,4}[ -]\d{3,4}|\d{4,8})(?![\d/.,:-]\d)(?!\d)`,
  'dgi',
);

const IBAN_START = /(?<![A-Za-z0-9])([A-Za-z]{2})(\d{2})/g;

const DIGIT_RUN = /\d+/g;

/** IBAN length per country (ISO 13616 registry). */
const IBAN_LENGTH: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18,
  FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22,
  IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20,
  LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28, NL: 18,
  NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24, SC: 31,
  SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29,
  VA: 22, VG: 24, XK: 20, YE: 30,
};

/**
 * Words that follow "password is" without being the password ("my password is not working").
 * Only consulted for plain lower-case words; anything with a digit or symbol is treated as a secret.
 */
const NOT_A_PASSWORD = new Set(
  (
    'a an the my your his her our their this that it its and or but so then too also just still now not no ' +
    'never none nothing empty blank wrong incorrect correct right invalid valid expired expiring old new ' +
    'temporary same different weak strong long short ok okay fine good bad working broken locked blocked ' +
    'reset changed lost stolen forgotten compromised hacked leaked saved stored required needed rejected ' +
    'accepted being been case sensitive in on at for to of with from by about what how where when why ' +
    'which who will would should could can cannot can\'t isn\'t doesn\'t won\'t is was are were be do does did ' +
    'has have had already again probably definitely really very field box page screen link email ' +
    'recovery change update manager protected there here please help'
  ).split(' '),
);

const PLACEHOLDER_START = /^\[(?:card|cvv|iban|ssn|password|otp)\]/;

const PASSWORD_TRAILING_PUNCTUATION = `.,;:!?)]}"'`;

const CARD_MIN_DIGITS = 13;
const CARD_MAX_DIGITS = 19;
/** Digits a run may carry before a card that starts mid-run ("exp 12 4111 …"). */
const MAX_DIGITS_BEFORE_CARD = 2;
/** How many space-separated groups of 4 are looked through for the start of an IBAN. */
const MAX_IBAN_GROUPS_BEFORE = 8;

/** Replace cards, CVVs, IBANs, SSNs, passwords and one-time codes by `[kind]` placeholders. */
export function redactText(text: string): RedactionResult {
  if (typeof text !== 'string') invalidArgument('text', 'a string', text);
  const spans: Span[] = [];
  // Every secret but a password is digits: most chat messages have none, and these scans
  // (one of them per evidence excerpt on every turn) are then skipped.
  const digits = HAS_DIGIT.test(text);
  if (digits) {
    const cards = findCards(text);
    spans.push(...cards);
    for (const card of cards) {
      const cvv = cvvAfterCard(text, card.end);
      if (cvv) spans.push(cvv);
    }
    spans.push(...findIbans(text));
    spans.push(...findFormattedSsns(text));
    spans.push(...findAnnounced(text, SSN_ANNOUNCED, 'ssn'));
    spans.push(...findAnnounced(text, CVV_ANNOUNCED, 'cvv'));
  }
  if (PASSWORD_WORD.test(text)) spans.push(...findPasswords(text));
  if (digits) spans.push(...findAnnounced(text, OTP_ANNOUNCED, 'otp'));
  return apply(text, spans);
}

/** Keeps the first span claiming a stretch of text (spans arrive in priority order). */
function apply(text: string, spans: readonly Span[]): RedactionResult {
  if (spans.length === 0) return { text, counts: {} };
  // Spans are short and bounded, so marking claimed characters keeps this linear in the text.
  const claimed = new Uint8Array(text.length);
  const kept: Span[] = [];
  for (const span of spans) {
    if (claimed.subarray(span.start, span.end).includes(1)) continue;
    claimed.fill(1, span.start, span.end);
    kept.push(span);
  }
  kept.sort((a, b) => a.start - b.start);
  const counts: Partial<Record<RedactionKind, number>> = {};
  const parts: string[] = [];
  let at = 0;
  for (const span of kept) {
    parts.push(text.slice(at, span.start), `[${span.kind}]`);
    at = span.end;
    counts[span.kind] = (counts[span.kind] ?? 0) + 1;
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), counts };
}

interface DigitGroup {
  readonly start: number;
  readonly end: number;
  readonly digits: string;
}

/**
 * Card numbers: digit groups joined by single spaces or dashes are collected in one linear pass;
 * within a run, the longest stretch of whole groups with 13–19 digits that passes Luhn wins.
 */
function findCards(text: string): Span[] {
  const spans: Span[] = [];
  let run: DigitGroup[] = [];
  const flush = (): void => {
    spans.push(...cardsInRun(text, run));
    run = [];
  };
  for (const match of text.matchAll(DIGIT_RUN)) {
    const start = match.index;
    const group = { start, end: start + match[0].length, digits: match[0] };
    const last = run[run.length - 1];
    const joined = last !== undefined && start === last.end + 1 && (text[last.end] === ' ' || text[last.end] === '-');
    if (!joined) flush();
    run.push(group);
  }
  flush();
  return spans;
}

function cardsInRun(text: string, run: readonly DigitGroup[]): Span[] {
  const first = run[0];
  // A run glued to letters is an identifier (ORD-4111…, AB4111…, a mistyped IBAN), not a card;
  // so is one that continues an IBAN's groups ("GB25 LBNK 5302 …"), checksum valid or not.
  if (first === undefined || gluedBefore(text, first.start) || continuesIban(text, first.start)) return [];
  const spans: Span[] = [];
  let digitsBefore = 0;
  let i = 0;
  while (i < run.length) {
    const found = longestCardFrom(run, i);
    const end = found === null ? 0 : run[found]!.end;
    // Deep inside a longer grouped number (a tracking id) a card-shaped stretch is chance, not a card.
    const standalone = found === i || digitsBefore <= MAX_DIGITS_BEFORE_CARD;
    if (found !== null && standalone && !gluedAfter(text, end) && endsCardRun(run, found)) {
      spans.push({ start: run[i]!.start, end, kind: 'card' });
      digitsBefore = 0;
      i = found + 1;
    } else {
      digitsBefore += run[i]!.digits.length;
      i += 1;
    }
  }
  return spans;
}

/**
 * After a card, its run of digit groups may end, go on with one group of at most 4 digits (the
 * CVV or the expiry month: "4111 1111 1111 1111 123", "… 1111 12/27") or with another card. Anything else ("9400 1000 0000 0000 0000 00")
 * makes it a longer number, such as a tracking id, whose first groups pass Luhn by chance.
 */
function endsCardRun(run: readonly DigitGroup[], last: number): boolean {
  const rest = run.length - 1 - last;
  if (rest === 0) return true;
  if (rest === 1 && run[last + 1]!.digits.length <= 4) return true;
  return longestCardFrom(run, last + 1) !== null;
}

/** Index of the last group of the longest valid card starting at group `from`, or null. */
function longestCardFrom(run: readonly DigitGroup[], from: number): number | null {
  const head = run[from]!.digits.length;
  // Cheap exit that keeps long runs of short groups ("1 2 3 4 …") linear.
  if (head !== 4 && (head < CARD_MIN_DIGITS || head > CARD_MAX_DIGITS)) return null;
  let digits = '';
  const ends: number[] = [];
  for (let j = from; j < run.length && digits.length <= CARD_MAX_DIGITS; j += 1) {
    digits += run[j]!.digits;
    ends.push(digits.length);
  }
  for (let k = ends.length - 1; k >= 0; k -= 1) {
    const length = ends[k]!;
    if (length < CARD_MIN_DIGITS || length > CARD_MAX_DIGITS) continue;
    const groups = run.slice(from, from + k + 1).map((group) => group.digits.length);
    if (looksLikeCardGrouping(groups) && luhn(digits.slice(0, length))) return from + k;
  }
  return null;
}

/** One block, or the groupings printed on cards (4-4-4-4, 4-6-5, 4-4-4-4-3…). */
function looksLikeCardGrouping(groups: readonly number[]): boolean {
  if (groups.length === 1) return true;
  if (groups.length === 3 && groups[0] === 4 && groups[1] === 6 && (groups[2] === 4 || groups[2] === 5)) return true;
  return groups.every((size, index) => (index === groups.length - 1 ? size >= 1 && size <= 4 : size === 4));
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let value = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
  }
  return sum % 10 === 0;
}

function isAlphanumeric(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isIdentifierChar(char: string | undefined): boolean {
  return char === '_' || isAlphanumeric(char);
}

function gluedBefore(text: string, index: number): boolean {
  const previous = text[index - 1];
  if (previous === '-' || previous === '_' || previous === '/') return isIdentifierChar(text[index - 2]);
  return isIdentifierChar(previous);
}

/** True when `index` follows space-separated groups of 4 letters or digits that start like an IBAN ("DE12 3704 …"). */
function continuesIban(text: string, index: number): boolean {
  let at = index;
  for (let groups = 0; groups < MAX_IBAN_GROUPS_BEFORE; groups += 1) {
    if (text[at - 1] !== ' ' || at - 5 < 0) return false;
    const start = at - 5;
    if (start > 0 && isIdentifierChar(text[start - 1]) ) return false;
    const group = text.slice(start, at - 1);
    for (const ch of group) if (!isAlphanumeric(ch)) return false;
    if (isLetter(group[0]) && isLetter(group[1]) && isDigit(group[2]) && isDigit(group[3])) return IBAN_LENGTH[group.slice(0, 2).toUpperCase()] !== undefined;
    at = start;
  }
  return false;
}

function isLetter(char: string | undefined): boolean {
  return char !== undefined && ((char >= 'A' && char <= 'Z') || (char >= 'a' && char <= 'z'));
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

function gluedAfter(text: string, index: number): boolean {
  const next = text[index];
  if (next === '-' || next === '_' || next === '/') return isIdentifierChar(text[index + 1]);
  return isIdentifierChar(next);
}

function cvvAfterCard(text: string, cardEnd: number): Span | null {
  const at = CVV_AFTER_CARD.exec(text.slice(cardEnd, cardEnd + CVV_AFTER_CARD_WINDOW))?.indices?.[1];
  return at ? { start: cardEnd + at[0], end: cardEnd + at[1], kind: 'cvv' } : null;
}

/** IBANs: exactly the country's length of letters and digits, single spaces allowed, mod-97 valid. */
function findIbans(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(IBAN_START)) {
    const country = match[1]!.toUpperCase();
    const length = IBAN_LENGTH[country];
    if (length === undefined) continue;
    const start = match.index;
    let compact = '';
    let at = start;
    while (at < text.length && compact.length < length) {
      const char = text[at]!;
      if (isAlphanumeric(char)) {
        compact += char.toUpperCase();
        at += 1;
      } else if (char === ' ' && compact.length >= 4 && isAlphanumeric(text[at + 1])) {
        at += 1;
      } else {
        break;
      }
    }
    if (compact.length !== length || isIdentifierChar(text[at])) continue;
    if (mod97(compact.slice(4) + compact.slice(0, 4)) === 1) spans.push({ start, end: at, kind: 'iban' });
  }
  return spans;
}

/** Remainder of the IBAN's letters-as-numbers modulo 97, computed digit by digit. */
function mod97(value: string): number {
  let remainder = 0;
  for (const char of value) {
    const code = char.charCodeAt(0);
    const number = code >= 65 ? code - 55 : code - 48;
    remainder = number >= 10 ? (remainder * 100 + number) % 97 : (remainder * 10 + number) % 97;
  }
  return remainder;
}

function findFormattedSsns(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(SSN_FORMATTED)) {
    const [, area, , group, serial] = match;
    if (area === '000' || area === '666' || area!.startsWith('9') || group === '00' || serial === '0000') continue;
    spans.push({ start: match.index, end: match.index + match[0].length, kind: 'ssn' });
  }
  return spans;
}

/** Spans of capture group 1 of a `d`-flagged pattern: the secret, not its announcement. */
function findAnnounced(text: string, pattern: RegExp, kind: RedactionKind): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(pattern)) {
    const at = match.indices?.[1];
    if (at) spans.push({ start: at[0], end: at[1], kind });
  }
  return spans;
}

function findPasswords(text: string): Span[] {
  const spans: Span[] = [];
  // The shared pattern is safe to reuse: this loop is synchronous and resets it first.
  PASSWORD_ANNOUNCED.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = PASSWORD_ANNOUNCED.exec(text)) !== null) {
    const start = match.index + match[0].length;
    let end = start;
    while (end < text.length && end - start <= MAX_PASSWORD_LENGTH && !WHITE_SPACE.test(text[end]!)) end += 1;
    // Scanning resumes after the secret, as if the pattern had matched it.
    PASSWORD_ANNOUNCED.lastIndex = end;
    if (end - start > MAX_PASSWORD_LENGTH) continue;
    const raw = text.slice(start, end);
    if (PLACEHOLDER_START.test(raw)) continue;
    const secret = trimEndOf(raw, PASSWORD_TRAILING_PUNCTUATION);
    if (secret === '') continue;
    const plainWord = /^[a-z']+$/.test(secret);
    if (plainWord && NOT_A_PASSWORD.has(secret)) continue;
    // Without "is" or ":" the next word is a secret only if it does not read like prose ("password reset").
    const bare = match[3] !== undefined;
    if (bare && /^[A-Za-z']+$/.test(secret)) continue;
    spans.push({ start, end: start + secret.length, kind: 'password' });
  }
  return spans;
}

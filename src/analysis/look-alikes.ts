/*
 * Letters typed in place of Latin ones to slip a word past the detectors: Cyrillic and Greek
 * letters drawn like Latin ones ("humаn" with a Cyrillic а) and digits or symbols read as
 * letters ("hum4n", "1diot"). Both folds replace one character by one, so every offset into the
 * normalised text still points at the character the customer typed.
 *
 * Both are narrow on purpose: real Russian or Greek text, order numbers ("A12B3", "4G", "24h")
 * and amounts must read exactly as typed.
 *  - A Cyrillic or Greek look-alike is folded only inside a word that also has Latin letters,
 *    or in a short word made only of look-alikes whose neighbouring words are Latin (the
 *    Cyrillic "а" in "talk to а human"). A message in Russian with a Latin brand name keeps its
 *    inflections ("Samsungа") and its own short words ("я купил iPhone а потом").
 *  - A digit or symbol is folded only inside a token of letters and digits whose folded form is
 *    a word some detector looks for. The detectors hand over the words their own patterns spell
 *    ({@link addFoldTargets}), so there is no second word list to keep in step.
 */

// Drawn the same as a Latin letter in common fonts (after Unicode's confusables list), case kept.
const LOOK_ALIKES: ReadonlyMap<string, string> = new Map([
  // Cyrillic
  ['а', 'a'], ['с', 'c'], ['ԁ', 'd'], ['е', 'e'], ['һ', 'h'], ['і', 'i'], ['ј', 'j'], ['ӏ', 'l'],
  ['о', 'o'], ['р', 'p'], ['ԛ', 'q'], ['ѕ', 's'], ['ԝ', 'w'], ['х', 'x'], ['у', 'y'],
  ['А', 'A'], ['В', 'B'], ['С', 'C'], ['Е', 'E'], ['Н', 'H'], ['І', 'I'], ['Ј', 'J'], ['К', 'K'],
  ['М', 'M'], ['О', 'O'], ['Р', 'P'], ['Ѕ', 'S'], ['Т', 'T'], ['Х', 'X'], ['У', 'Y'], ['Ү', 'Y'],
  // Greek
  ['α', 'a'], ['γ', 'y'], ['ι', 'i'], ['ν', 'v'], ['ο', 'o'], ['ρ', 'p'], ['υ', 'u'],
  ['Α', 'A'], ['Β', 'B'], ['Ε', 'E'], ['Ζ', 'Z'], ['Η', 'H'], ['Ι', 'I'], ['Κ', 'K'], ['Μ', 'M'],
  ['Ν', 'N'], ['Ο', 'O'], ['Ρ', 'P'], ['Τ', 'T'], ['Υ', 'Y'], ['Χ', 'X'],
]);

// Any Greek or Cyrillic character: text without one has nothing for the first fold to do.
const GREEK_OR_CYRILLIC = /[\u0370-\u03ff\u0400-\u052f]/;
const LETTER_RUN = /[\p{L}\p{M}]+/gu;
const LATIN = /[A-Za-z\u00c0-\u024f\u1e00-\u1eff]/;
/** An all-look-alike word longer than this is a word of its own script, not a disguised Latin one. */
const MAX_ALIKE_WORD = 4;

type RunKind = 'latin' | 'mixed' | 'alike' | 'foreign';

interface Run {
  readonly start: number;
  readonly end: number;
  readonly kind: RunKind;
  /** Look-alikes only at the end of a Latin word: how Russian inflects a Latin name. */
  readonly suffixOnly: boolean;
}

function classify(word: string, start: number): Run {
  let latin = 0;
  let alike = 0;
  let other = 0;
  let latinAfterAlike = false;
  for (const ch of word) {
    if (LOOK_ALIKES.has(ch)) alike += 1;
    else if (LATIN.test(ch)) {
      latin += 1;
      if (alike > 0) latinAfterAlike = true;
    } else other += 1;
  }
  const end = start + word.length;
  const kind: RunKind = other > 0 ? 'foreign' : alike === 0 ? 'latin' : latin > 0 ? 'mixed' : 'alike';
  return { start, end, kind, suffixOnly: kind === 'mixed' && !latinAfterAlike };
}

/** The text with one character replaced per entry of `edits` (index → replacement), in both cases. */
interface Edits {
  readonly at: number[];
  readonly upper: string[];
  readonly lower: string[];
}

function applyEdits(normalized: string, lower: string, edits: Edits): { normalized: string; lower: string } {
  let n = '';
  let l = '';
  let from = 0;
  for (let k = 0; k < edits.at.length; k += 1) {
    const at = edits.at[k]!;
    n += normalized.slice(from, at) + edits.upper[k]!;
    l += lower.slice(from, at) + edits.lower[k]!;
    from = at + 1;
  }
  return { normalized: n + normalized.slice(from), lower: l + lower.slice(from) };
}

function foldConfusables(normalized: string, lower: string): { normalized: string; lower: string } {
  if (!GREEK_OR_CYRILLIC.test(normalized)) return { normalized, lower };
  const runs: Run[] = [];
  let foreign = false;
  let latinWords = 0;
  LETTER_RUN.lastIndex = 0;
  for (let m = LETTER_RUN.exec(normalized); m !== null; m = LETTER_RUN.exec(normalized)) {
    const run = classify(m[0], m.index);
    if (run.kind === 'foreign') foreign = true;
    else if (run.kind !== 'alike') latinWords += 1;
    runs.push(run);
  }
  // The nearest word on each side that says which script the text around a word is in.
  const before: (RunKind | undefined)[] = new Array<RunKind | undefined>(runs.length);
  const after: (RunKind | undefined)[] = new Array<RunKind | undefined>(runs.length);
  let seen: RunKind | undefined;
  for (let i = 0; i < runs.length; i += 1) {
    before[i] = seen;
    if (runs[i]!.kind !== 'alike') seen = runs[i]!.kind;
  }
  seen = undefined;
  for (let i = runs.length - 1; i >= 0; i -= 1) {
    after[i] = seen;
    if (runs[i]!.kind !== 'alike') seen = runs[i]!.kind;
  }
  const isLatin = (kind: RunKind | undefined): boolean => kind === 'latin' || kind === 'mixed';
  const edits: Edits = { at: [], upper: [], lower: [] };
  for (let i = 0; i < runs.length; i += 1) {
    const run = runs[i]!;
    let fold = false;
    if (run.kind === 'mixed') fold = !(run.suffixOnly && foreign);
    else if (run.kind === 'alike' && run.end - run.start <= MAX_ALIKE_WORD) {
      const b = before[i];
      const a = after[i];
      // Latin on both sides; at the edge of the text, only in a Latin message of a few words
      // ("а human please"), so a short Greek or Russian reply next to one Latin word stays ("Ναι, ok").
      fold = (isLatin(b) && isLatin(a)) || (!foreign && latinWords >= 2 && (b === undefined || a === undefined));
    }
    if (!fold) continue;
    for (let k = run.start; k < run.end; k += 1) {
      const latin = LOOK_ALIKES.get(normalized[k]!);
      if (latin === undefined) continue;
      edits.at.push(k);
      edits.upper.push(latin);
      edits.lower.push(latin.toLowerCase());
    }
  }
  return edits.at.length === 0 ? { normalized, lower } : applyEdits(normalized, lower, edits);
}

// Digits and symbols read as letters; "1" is an i or an l.
const DIGIT_LETTERS: ReadonlyMap<string, readonly string[]> = new Map([
  ['4', ['a']], ['@', ['a']], ['3', ['e']], ['0', ['o']], ['1', ['i', 'l']], ['5', ['s']], ['$', ['s']], ['7', ['t']],
]);
// A letter next to a digit or symbol that may stand for one: the only place the second fold looks.
const LETTER_BESIDE_DIGIT = /[a-z][0-9@$]|[0-9@$][a-z]/;
const TOKEN_RUN = /[\p{L}\p{N}@$]+/gu;
const ASCII_TOKEN = /^[a-z0-9@$]+$/;
// "4G" and "24h" are too short to be a disguised word; past the longest detector word, nothing is.
const MIN_FOLDED = 3;
const MAX_FOLDED = 24;
// Each "1" doubles the spellings tried; past this many, only all-i and all-l are tried.
const MAX_AMBIGUOUS = 3;

const targetSources: (() => readonly Iterable<string>[])[] = [];
let targets: Set<string> | undefined;

/**
 * Words a detector looks for, so the digit fold may read "hum4n" as "human". Detectors call it
 * as they load; the lists are read on the first fold, which keeps importing the library cheap.
 */
export function addFoldTargets(lists: () => readonly Iterable<string>[]): void {
  targetSources.push(lists);
  targets = undefined;
}

/** The words a detector could currently read through the digit fold. */
export function foldTargets(): ReadonlySet<string> {
  if (targets === undefined) {
    targets = new Set<string>();
    for (const source of targetSources) {
      for (const list of source()) for (const word of list) if (word.length >= MIN_FOLDED && /^[a-z]+$/.test(word)) targets.add(word);
    }
  }
  return targets;
}

/**
 * The words a pattern spells out: "\\b(?:agents?|human) please" gives agents, agent, human,
 * please. Escapes and character classes spell nothing; an optional last letter gives both words.
 */
export function patternWords(patterns: Iterable<RegExp | string>): string[] {
  const words: string[] = [];
  for (const pattern of patterns) {
    const source = typeof pattern === 'string' ? pattern : pattern.source;
    const plain = source.replace(/\\[pPu]\{[^}\\]*\}|\\./g, ' ').replace(/\[[^[\]]*\]/g, ' ');
    for (const m of plain.matchAll(/([a-z]+)(\?)?/g)) {
      const word = m[1]!;
      words.push(word);
      if (m[2] !== undefined && word.length > 1) words.push(word.slice(0, -1));
    }
  }
  return words;
}

/** The word a token of letters and digits spells when its digits are read as letters, if a detector looks for it. */
function spelledWord(token: string): string | undefined {
  if (token.length < MIN_FOLDED || token.length > MAX_FOLDED || !ASCII_TOKEN.test(token)) return undefined;
  let letters = 0;
  const ambiguous: number[] = [];
  for (let k = 0; k < token.length; k += 1) {
    const ch = token[k]!;
    if (ch >= 'a' && ch <= 'z') letters += 1;
    else if (!DIGIT_LETTERS.has(ch)) return undefined; // "b2b", "2fa": a digit that is no letter
    else if (ch === '1') ambiguous.push(k);
  }
  // "4g", "5g": one letter and a digit is a code, not a word.
  if (letters < 2 || letters === token.length) return undefined;
  const base = [...token].map((ch) => DIGIT_LETTERS.get(ch)?.[0] ?? ch);
  const masks = ambiguous.length <= MAX_AMBIGUOUS ? 1 << ambiguous.length : 0;
  const tries: string[][] = [];
  for (let mask = 0; mask < masks; mask += 1) {
    const spelled = [...base];
    ambiguous.forEach((k, bit) => {
      if ((mask >> bit) & 1) spelled[k] = 'l';
    });
    tries.push(spelled);
  }
  if (masks === 0) tries.push(base, base.map((ch, k) => (token[k] === '1' ? 'l' : ch)));
  for (const spelled of tries) {
    const word = spelled.join('');
    if (foldTargets().has(word)) return word;
  }
  return undefined;
}

function foldDigits(normalized: string, lower: string): { normalized: string; lower: string } {
  if (!LETTER_BESIDE_DIGIT.test(lower) || foldTargets().size === 0) return { normalized, lower };
  const edits: Edits = { at: [], upper: [], lower: [] };
  TOKEN_RUN.lastIndex = 0;
  for (let m = TOKEN_RUN.exec(lower); m !== null; m = TOKEN_RUN.exec(lower)) {
    const word = spelledWord(m[0]);
    if (word === undefined) continue;
    const surface = normalized.slice(m.index, m.index + word.length);
    // "HUM4N" stays a shouted word.
    const shouted = surface === surface.toUpperCase();
    for (let k = 0; k < word.length; k += 1) {
      if (m[0][k] === word[k]) continue;
      edits.at.push(m.index + k);
      edits.upper.push(shouted ? word[k]!.toUpperCase() : word[k]!);
      edits.lower.push(word[k]!);
    }
  }
  return edits.at.length === 0 ? { normalized, lower } : applyEdits(normalized, lower, edits);
}

/**
 * Folds look-alike letters and digits into the Latin letters they imitate where they hide a word
 * (see above). `lower` is `normalized` in lower case, index for index, and both stay so.
 */
export function foldLookAlikes(normalized: string, lower: string, ascii: boolean): { normalized: string; lower: string } {
  const letters = ascii ? { normalized, lower } : foldConfusables(normalized, lower);
  return foldDigits(letters.normalized, letters.lower);
}

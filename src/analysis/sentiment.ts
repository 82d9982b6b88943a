import type { Contribution, Sentiment, SentimentLabel } from '../schema/analysis';
import { emojiValence } from './emoji';
import { emoticonValence, wordValence } from './lexicon';
import { clauseEnd, clauseStart, isClauseBoundary, isSentenceBoundary, matchAll, NEGATORS, quote, recentWords } from './match';
import { asPrepared, squeezeVariants, type PreparedText, type Token } from './normalize';
import { SENTIMENT_PHRASES } from './sentiment-phrases';
import { entryOf, type SentimentWordInfo } from './word-entry';

/*
 * A lexicon-and-rules scorer in the spirit of VADER (Hutto & Gilbert, 2014): each
 * sentiment-bearing token gets its lexicon valence, adjusted by the words around it,
 * and the sum is squashed into [-1, 1]. Constants are VADER's where VADER measured
 * them, ours where the service setting differs (noted at each).
 */

/** |score| under this is neutral: a single mild word in a long message should not tip it. */
export const NEUTRAL_BAND = 0.05;

// x / sqrt(x² + α) maps the raw sum into (-1, 1); VADER's α = 15 puts one strong word
// ("great", 3.1) at about 0.62 and lets several words approach the ends.
const ALPHA = 15;
// VADER's empirical scalars for a booster word and for all-caps emphasis.
const BOOST = 0.293;
const CAPS_BOOST = 0.733;
// A stretched word ("sooo bad") reads as emphasis, about as much as a booster.
const STRETCH_BOOST = 0.293;
// Each "!" adds emphasis in the direction of the message, up to four (VADER).
const EXCLAMATION_BOOST = 0.292;
const MAX_EXCLAMATIONS = 4;
// Negating a positive word mostly reverses it ("not good"), VADER's -0.74. Negating a
// negative word only softens it ("not bad" is faint praise), so the flip is weaker.
const NEGATE_POSITIVE = -0.74;
const NEGATE_NEGATIVE = -0.5;
// "not good at all", "no help whatsoever": the tail makes the negation emphatic.
const AT_ALL_BOOST = 1.25;
// After "but" the speaker's real view; before it, a concession (VADER's 1.5 / 0.5).
const AFTER_CONTRAST = 1.5;
const BEFORE_CONTRAST = 0.5;
// A booster two or three words away still counts, a little less (VADER).
const DISTANCE_DECAY = [1, 0.95, 0.9] as const;

const BOOSTERS: ReadonlyMap<string, number> = new Map([
  ...[
    'absolutely', 'amazingly', 'awfully', 'completely', 'deeply', 'effing', 'enormously', 'entirely',
    'especially', 'exceptionally', 'extremely', 'fabulously', 'flipping', 'freaking', 'fricking',
    'frigging', 'fucking', 'fully', 'greatly', 'highly', 'hugely', 'incredibly', 'insanely',
    'intensely', 'majorly', 'more', 'most', 'particularly', 'purely', 'really', 'remarkably', 'so',
    'substantially', 'super', 'terribly', 'thoroughly', 'too', 'totally', 'tremendously', 'truly',
    'unbelievably', 'unusually', 'utterly', 'very', 'bloody', 'damn', 'way', 'such',
  ].map((w): [string, number] => [w, BOOST]),
  ...['pretty', 'quite', 'fairly', 'rather'].map((w): [string, number] => [w, BOOST / 2]),
  ...[
    'almost', 'kinda', 'kindof', 'less', 'marginally', 'occasionally', 'partly', 'slightly',
    'somewhat', 'sorta', 'sortof', 'mildly',
  ].map((w): [string, number] => [w, -BOOST]),
]);

// Two-word modifiers, keyed "first second"; the value sits on the second word.
const MULTI_BOOSTERS: ReadonlyMap<string, number> = new Map([
  ['kind of', -BOOST],
  ['sort of', -BOOST],
  ['a bit', -BOOST],
  ['a little', -BOOST],
  ['little bit', -BOOST],
  ['so much', BOOST],
  ['way too', BOOST],
]);

const MULTI_BOOSTER_STARTS: ReadonlySet<string> = new Set([...MULTI_BOOSTERS.keys()].map((pair) => pair.split(' ')[0] ?? ''));

const CONTRAST_FORWARD: ReadonlySet<string> = new Set(['but', 'however', 'nevertheless', 'nonetheless']);
const CONTRAST_SUBORDINATE: ReadonlySet<string> = new Set(['although', 'though']);

// Words that do not count toward the negation window: "don't think it's good" still
// negates "good" three function words later.
const TRANSPARENT: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'it', 'is', 'be', 'been', 'was', 'were', 'am', 'are', 'that', 'this', 'very',
  'so', 'really', 'too', 'quite', 'all', 'any', 'as', 'even',
]);

/*
 * What a word is to the scorer, worked out once per word and kept in the entry its tokens share
 * (word-entry.ts): the scorer asks about each word several times (is it a negator, a booster, a
 * contrast, does it carry valence), and reading bits costs less than a lookup in each set.
 */
const NEGATOR = 1;
const CONTRAST_FORWARD_WORD = 2;
const CONTRAST_SUBORDINATE_WORD = 4;
const TRANSPARENT_WORD = 8;
const PAIR_START = 16;
const EXCLAMATION = 32;
const GENRE = 64;
const GRATITUDE_WORD = 128;
const LAUGH = 256;

/** `valence` is wordValence(word), `boost` is BOOSTERS.get(word). */
type WordInfo = SentimentWordInfo;

/** Every token that is not a word: no valence, no boost, no bits. */
const NOT_A_WORD: WordInfo = { valence: undefined, boost: undefined, flags: 0 };

/** A word's info, kept in the entry its tokens share. */
function wordInfo(token: Token): WordInfo {
  const entry = token.entry ?? entryOf(token.norm);
  let info = entry.sentiment;
  if (info === undefined) {
    const word = token.norm;
    let flags = 0;
    if (NEGATORS.has(word)) flags |= NEGATOR;
    if (CONTRAST_FORWARD.has(word)) flags |= CONTRAST_FORWARD_WORD;
    if (CONTRAST_SUBORDINATE.has(word)) flags |= CONTRAST_SUBORDINATE_WORD;
    if (TRANSPARENT.has(word)) flags |= TRANSPARENT_WORD;
    if (MULTI_BOOSTER_STARTS.has(word)) flags |= PAIR_START;
    if (EXCLAMATIONS.has(word)) flags |= EXCLAMATION;
    if (GENRE_WORDS.has(word)) flags |= GENRE;
    if (GRATITUDE.has(word)) flags |= GRATITUDE_WORD;
    if (LAUGHTER.test(word)) flags |= LAUGH;
    info = { valence: wordValence(word), boost: BOOSTERS.get(word), flags };
    entry.sentiment = info;
  }
  return info;
}

/** Each token's word info, NOT_A_WORD for the tokens that are no word. */
function wordInfosOf(p: PreparedText): WordInfo[] {
  const out = new Array<WordInfo>(p.tokens.length);
  for (let i = 0; i < p.tokens.length; i += 1) {
    const t = p.tokens[i]!;
    out[i] = t.kind === 'word' ? wordInfo(t) : NOT_A_WORD;
  }
  return out;
}

// Per-token lists here are plain arrays, written only where something is found (most tokens
// are no modifier and have no contrast): a typed array over 64 bytes costs about ten times more
// to allocate, off V8's heap.
interface Modifiers {
  /** Booster value on the word that ends a modifier; unset (0) elsewhere. */
  readonly boost: number[];
  /** Words that belong to a modifier and carry no valence of their own. */
  readonly partOfModifier: (1 | undefined)[];
  /** The modifier as written, for the explanation ("kind of", "sooo"). */
  readonly label: (string | undefined)[];
}

/*
 * Boosters that are also exclamations on their own ("Damn!", "damn it", "bloody hell"):
 * they intensify only a word with a feeling right after them ("damn good", "bloody awful");
 * anywhere else they are the exclamation and score as one.
 */
const EXCLAMATIONS: ReadonlySet<string> = new Set(['damn', 'bloody']);

function modifiesNext(infos: readonly WordInfo[], i: number): boolean {
  return (infos[i + 1] ?? NOT_A_WORD).valence !== undefined;
}

function findModifiers(p: PreparedText, infos: readonly WordInfo[], explain: boolean): Modifiers {
  const n = p.tokens.length;
  const boost: number[] = [];
  const partOfModifier: (1 | undefined)[] = [];
  // Labels only name the modifier in an explanation.
  const label: (string | undefined)[] = explain ? new Array<string | undefined>(n).fill(undefined) : [];
  for (let i = 0; i < n; i += 1) {
    const token = p.tokens[i];
    if (token === undefined || token.kind !== 'word') continue;
    const prev = p.tokens[i - 1];
    const pair = prev !== undefined && ((infos[i - 1] ?? NOT_A_WORD).flags & PAIR_START) !== 0 ? MULTI_BOOSTERS.get(`${prev.norm} ${token.norm}`) : undefined;
    if (pair !== undefined) {
      boost[i] = pair;
      if (explain) label[i] = `${prev?.norm ?? ''} ${token.norm}`;
      partOfModifier[i] = 1;
      partOfModifier[i - 1] = 1;
      if (boost[i - 1] !== undefined) boost[i - 1] = 0;
      continue;
    }
    const info = infos[i] ?? NOT_A_WORD;
    const single = info.boost;
    if (single !== undefined && (info.flags & EXCLAMATION) !== 0 && !modifiesNext(infos, i)) continue;
    if (single !== undefined) {
      boost[i] = single;
      if (explain) label[i] = token.stretched ? token.text.toLowerCase() : token.norm;
    }
  }
  return { boost, partOfModifier, label };
}

interface Contrast {
  readonly factor: readonly number[];
  readonly note: readonly (string | undefined)[];
}

function sentences(p: PreparedText): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < p.tokens.length; i += 1) {
    const t = p.tokens[i];
    if (t !== undefined && isSentenceBoundary(t)) {
      out.push([start, i]);
      start = i + 1;
    }
  }
  if (start < p.tokens.length) out.push([start, p.tokens.length - 1]);
  return out;
}

function isForwardContrast(p: PreparedText, infos: readonly WordInfo[], k: number): boolean {
  if (((infos[k] ?? NOT_A_WORD).flags & CONTRAST_FORWARD_WORD) === 0) return false;
  const prev = p.tokens[k - 1]?.norm;
  // "nothing but", "anything but", "not only ... but also" are not concessions.
  return p.tokens[k + 1]?.norm !== 'also' && prev !== 'nothing' && prev !== 'anything' && prev !== 'all';
}

/** Most messages hold no contrast word: they all share this, read as factor 1 everywhere. */
const NO_CONTRAST: Contrast = { factor: [], note: [] };

/*
 * One contrast of each kind per sentence, the first: enough for how people write, and it
 * keeps the pass linear (every token is rescaled a bounded number of times).
 */
function findContrast(p: PreparedText, infos: readonly WordInfo[]): Contrast {
  const n = p.tokens.length;
  let any = 0;
  for (const info of infos) any |= info.flags;
  if ((any & (CONTRAST_FORWARD_WORD | CONTRAST_SUBORDINATE_WORD)) === 0) return NO_CONTRAST;
  const factor = new Array<number>(n).fill(1);
  const note: (string | undefined)[] = new Array<string | undefined>(n).fill(undefined);
  const scale = (from: number, to: number, by: number, why: string): void => {
    for (let i = Math.max(0, from); i <= Math.min(n - 1, to); i += 1) {
      factor[i] = (factor[i] ?? 1) * by;
      note[i] = why;
    }
  };
  const all = sentences(p);
  all.forEach(([start, end], s) => {
    let forward = -1;
    let subordinate = -1;
    for (let k = start; k <= end && (forward < 0 || subordinate < 0); k += 1) {
      if (forward < 0 && isForwardContrast(p, infos, k)) forward = k;
      if (subordinate < 0 && ((infos[k] ?? NOT_A_WORD).flags & CONTRAST_SUBORDINATE_WORD) !== 0) subordinate = k;
    }
    if (forward >= 0) {
      const word = p.tokens[forward]?.norm ?? 'but';
      // A sentence that opens with "But" concedes the previous sentence.
      const from = forward === start && s > 0 ? (all[s - 1]?.[0] ?? start) : start;
      scale(from, forward - 1, BEFORE_CONTRAST, `before "${word}"`);
      scale(forward + 1, end, AFTER_CONTRAST, `after "${word}"`);
    }
    if (subordinate >= 0) {
      // "Although it arrived, it is broken": the although-clause is the concession.
      const word = p.tokens[subordinate]?.norm ?? 'although';
      const clauseLast = Math.min(end, p.clauseEnds[subordinate] ?? end);
      if (clauseLast - subordinate < 1) return;
      scale(subordinate + 1, clauseLast, BEFORE_CONTRAST, `after "${word}" (concession)`);
      if (subordinate === start) scale(clauseLast + 1, end, AFTER_CONTRAST, `main clause after "${word}"`);
      else scale(start, subordinate - 1, AFTER_CONTRAST, `main clause before "${word}"`);
    }
  });
  return { factor, note };
}

function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function likeIsFeeling(p: PreparedText, i: number): boolean {
  // "like" is praise in "I like it", a preposition in "looks like it's broken" and a
  // request in "I would like a refund".
  const prev = p.tokens[i - 1]?.norm;
  const next = p.tokens[i + 1]?.norm;
  if (next === 'to' || prev === 'would' || prev === 'not') return prev === 'not';
  return prev === 'i' || prev === 'we' || prev === 'really' || prev === 'they' || prev === 'do' || prev === 'you';
}

// VADER's values for words a service chat mostly uses without feeling (see lexicon.ts), given
// back where the sentence shows the feeling.
const WELL_DONE = 1.1;
const EMPHATIC_YES = 1.7;
const YES_EMPHASIS: ReadonlySet<string> = new Set(['heck', 'hell', 'oh', 'god', 'yes', 'yay', 'yeah']);

/** "works well", "sleep well": praise of how something went; "well, ..." at a clause start is a discourse marker. */
function wellIsPraise(p: PreparedText, i: number): boolean {
  if (i === clauseStart(p, i) && p.tokens[i + 1]?.norm !== 'done') return false;
  const next = p.tokens[i + 1];
  if (next?.norm === 'done') return true;
  return next === undefined || next.kind !== 'word' || !['i', 'we', 'you', 'it', 'that', 'the', 'then', 'if', 'as'].includes(next.norm);
}

// "take care", "you don't care": VADER's value; "customer care", "skin care" name a service.
const CARE = 2.2;
const CARE_COMPOUNDS: ReadonlySet<string> = new Set([
  'customer', 'health', 'healthcare', 'skin', 'hair', 'child', 'day', 'aged', 'elderly', 'intensive', 'medical',
  'pet', 'car', 'after', 'home', 'foster', 'palliative', 'primary', 'urgent', 'dental', 'lawn', 'patient',
]);
// "a horror film", "war movies", "romantic comedy series": a genre's name says what the work is
// about, not how the customer feels about it (VADER rates "horror" -2.7, "romance" +2.6). Found
// by reading false frustration alarms in rated film-preference dialogs; the list is the genres
// whose names VADER rates, not words taken from those dialogs.
const GENRE_WORDS: ReadonlySet<string> = new Set([
  'horror', 'war', 'crime', 'disaster', 'thriller', 'romance', 'romantic', 'comedy', 'adventure', 'ghost', 'murder',
]);
const WORK_NOUNS: ReadonlySet<string> = new Set([
  // Not "show": "a horror show" is a mess.
  'movie', 'movies', 'film', 'films', 'flick', 'flicks', 'series', 'novel', 'novels', 'book', 'books',
  'story', 'stories', 'genre', 'genres', 'game', 'games', 'fan', 'fans', 'comedies', 'drama', 'dramas', 'mystery', 'mysteries',
]);

/** The word names a genre: it comes before a kind of work ("horror films") or another genre word ("romantic comedy films"). */
function namesGenre(p: PreparedText, i: number): boolean {
  const next = p.tokens[i + 1]?.norm ?? '';
  return WORK_NOUNS.has(next) || (GENRE_WORDS.has(next) && WORK_NOUNS.has(p.tokens[i + 2]?.norm ?? ''));
}
const DISMAYED_NO = -1.2;
const NO_DISMAY: ReadonlySet<string> = new Set(['oh', 'god', 'hell', 'no', 'uh', 'ah']);

/** "oh no", "NO!", "no no no": dismay that ends its clause; a plain "no" answers, and "no good" negates. */
function noIsDismay(p: PreparedText, token: Token, i: number): boolean {
  const next = p.tokens[i + 1];
  if (next !== undefined && next.kind === 'word' && next.norm !== 'no') return false;
  if (token.upper || token.stretched || next?.norm === 'no') return true;
  const prev = p.tokens[i - 1];
  if (prev !== undefined && prev.kind === 'word' && NO_DISMAY.has(prev.norm)) return true;
  return next !== undefined && next.kind === 'punct' && next.text.includes('!');
}

/** "HECK YES", "yes!!", "oh yes": an emphatic yes cheers; a plain "yes" answers a question. */
function yesIsCheer(p: PreparedText, token: Token, i: number): boolean {
  if (token.upper || token.stretched) return true;
  const prev = p.tokens[i - 1];
  if (prev !== undefined && prev.kind === 'word' && YES_EMPHASIS.has(prev.norm)) return true;
  const next = p.tokens[i + 1];
  return next !== undefined && next.kind === 'punct' && next.text.includes('!');
}

function lexiconValence(p: PreparedText, token: Token, info: WordInfo, i: number): number | undefined {
  if (token.kind === 'emoji') return emojiValence(token.text);
  if (token.kind === 'emoticon') return emoticonValence(token.text);
  if (token.kind !== 'word') return undefined;
  if (token.norm === 'like' && !likeIsFeeling(p, i)) return undefined;
  if (token.norm === 'well') return wellIsPraise(p, i) ? WELL_DONE : undefined;
  if (token.norm === 'yes') return yesIsCheer(p, token, i) ? EMPHATIC_YES : undefined;
  if (token.norm === 'care') return CARE_COMPOUNDS.has(p.tokens[i - 1]?.norm ?? '') ? undefined : CARE;
  if ((info.flags & GENRE) !== 0 && namesGenre(p, i)) return undefined;
  const direct = info.valence;
  if (direct !== undefined || !token.stretched) return direct;
  for (const variant of squeezeVariants(token.text.toLowerCase())) {
    const v = wordValence(variant);
    if (v !== undefined) return v;
  }
  return undefined;
}

interface Negation {
  readonly negated: boolean;
  /** The word that denied it, for the explanation. */
  readonly by?: string;
  /** "never so happy": "never" with a booster in between praises instead of denying. */
  readonly emphatic: boolean;
}

const NOT_NEGATED: Negation = { negated: false, emphatic: false };

function findNegation(p: PreparedText, infos: readonly WordInfo[], i: number, used: Uint8Array): Negation {
  const stop = clauseStart(p, i);
  let counted = 0;
  let sawBooster = false;
  for (let j = i - 1; j >= stop && counted < 3; j -= 1) {
    const t = p.tokens[j];
    // Only words are negators, boosters, contrasts or transparent: every other token has no bits.
    const info = infos[j] ?? NOT_A_WORD;
    // "not good but fine", "nothing but trouble": a contrast closes the negation's scope.
    if (t === undefined || (info.flags & CONTRAST_FORWARD_WORD) !== 0) break;
    if ((info.flags & NEGATOR) !== 0 && used[j] !== 1) {
      if (t.norm === 'never' && sawBooster) return { negated: false, emphatic: true };
      return { negated: true, by: t.text.toLowerCase(), emphatic: false };
    }
    if (info.boost !== undefined) sawBooster = true;
    if ((info.flags & TRANSPARENT_WORD) === 0) counted += 1;
  }
  return NOT_NEGATED;
}

/*
 * Laughter ("lol", "haha", "lmao") comments on the whole message, as an emoticon does; it is
 * not a statement a "not" can deny: "not sure lol" is not unamused.
 */
const LAUGHTER = /^(?:lo(?:lo)*l|lmf?ao|rofl(?:mao)?|(?:ha){2,}h?|(?:he){2,}h?|(?:ah){2,})$/;

/*
 * Gratitude for a harm is irony: "thanks for ruining my week", "thank you for the useless
 * answer". When the first thing thanked for (past "the", "my", "all" ...) is a negative
 * word, the thanks counts against, as much as it would have counted for.
 */
const GRATITUDE: ReadonlySet<string> = new Set(['thanks', 'thank', 'thx', 'ty', 'cheers']);
const THANKED_FOR_SKIP: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'my', 'our', 'your', 'this', 'that', 'these', 'those', 'all', 'such', 'so', 'me', 'us', 'being', 'another', 'yet',
]);

/** The negative word a "thanks ... for" thanks for, if any. */
function thankedForHarm(p: PreparedText, i: number): string | undefined {
  const end = clauseEnd(p, i);
  let j = i + 1;
  while (j <= Math.min(end, i + 4) && p.tokens[j]?.norm !== 'for') j += 1;
  if (p.tokens[j]?.norm !== 'for') return undefined;
  j += 1;
  while (j <= end && THANKED_FOR_SKIP.has(p.tokens[j]?.norm ?? '')) j += 1;
  const t = p.tokens[j];
  if (j > end || t === undefined || t.kind !== 'word') return undefined;
  return (wordValence(t.norm) ?? 0) < 0 ? t.norm : undefined;
}

function hasAtAllAfter(p: PreparedText, i: number): boolean {
  for (let j = i + 1; j <= i + 3 && j < p.tokens.length; j += 1) {
    const t = p.tokens[j];
    if (t === undefined || isClauseBoundary(t)) return false;
    if (t.norm === 'whatsoever') return true;
    if (t.norm === 'at' && p.tokens[j + 1]?.norm === 'all') return true;
  }
  return false;
}

function booster(p: PreparedText, mods: Modifiers, i: number, allCaps: boolean): { value: number; by: string } | undefined {
  const stop = clauseStart(p, i);
  for (let d = 1; d <= 3; d += 1) {
    const j = i - d;
    if (j < stop) break;
    const b = mods.boost[j] ?? 0;
    if (b === 0) continue;
    const t = p.tokens[j];
    if (t === undefined) break;
    let value = b * (DISTANCE_DECAY[d - 1] ?? 0.9);
    if (t.upper && !allCaps) value += Math.sign(b) * CAPS_BOOST * 0.5;
    if (t.stretched) value += Math.sign(b) * STRETCH_BOOST;
    return { value, by: mods.label[j] ?? t.norm };
  }
  return undefined;
}

function hasValenceAhead(p: PreparedText, infos: readonly WordInfo[], i: number): boolean {
  for (let j = i + 1; j <= i + 3 && j < p.tokens.length; j += 1) {
    const t = p.tokens[j];
    if (t === undefined || isClauseBoundary(t)) return false;
    if ((infos[j] ?? NOT_A_WORD).valence !== undefined) return true;
  }
  return false;
}

function labelOf(score: number): SentimentLabel {
  if (score >= NEUTRAL_BAND) return 'positive';
  if (score <= -NEUTRAL_BAND) return 'negative';
  return 'neutral';
}

/**
 * Scores one message from -1 to 1 and lists the tokens that moved the score, with why.
 * Without `explain` the list stays empty: a session keeps only the score, and the notes cost
 * about as much as the scoring.
 */
export function analyzeSentiment(input: string | PreparedText, explain = true): Sentiment {
  const p = asPrepared(input);
  const n = p.tokens.length;
  const contributions: Contribution[] = [];
  const used = new Uint8Array(n);
  const infos = wordInfosOf(p);
  const contrast = findContrast(p, infos);
  const mods = findModifiers(p, infos, explain);

  let words = 0;
  let upperWords = 0;
  for (const t of p.tokens) {
    if (t.kind !== 'word' || t.text.length < 2) continue;
    words += 1;
    if (t.upper) upperWords += 1;
  }
  // Caps mark emphasis only against lower-case surroundings; an all-caps message is
  // shouting, which the frustration detector reports.
  const allCaps = words > 0 && upperWords === words;

  let sum = 0;
  const add = (token: string, weight: number, notes: string[] | undefined): void => {
    const w = round(weight);
    if (w === 0) return;
    sum += weight;
    if (notes === undefined) return;
    const entry: Contribution = notes.length > 0 ? { token, weight: w, note: notes.join(', ') } : { token, weight: w };
    contributions.push(entry);
  };

  for (const phrase of SENTIMENT_PHRASES) {
    for (const hit of matchAll(p, phrase.re)) {
      let free = true;
      for (let i = hit.first; i <= hit.last; i += 1) if (used[i] === 1) free = false;
      if (!free) continue;
      if (phrase.notAfter !== undefined && phrase.notAfter.test(recentWords(p, hit.first, 4))) continue;
      for (let i = hit.first; i <= hit.last; i += 1) used[i] = 1;
      const notes = explain ? [`phrase: ${phrase.family}`] : undefined;
      const factor = contrast.factor[hit.first] ?? 1;
      const why = contrast.note[hit.first];
      if (factor !== 1 && why !== undefined) notes?.push(why);
      add(explain ? quote(p, hit.first, hit.last) : '', phrase.valence * factor, notes);
    }
  }

  for (let i = 0; i < n; i += 1) {
    const token = p.tokens[i];
    if (token === undefined || used[i] === 1 || mods.partOfModifier[i] === 1) continue;
    if (token.kind === 'word' && token.norm === 'no' && noIsDismay(p, token, i)) {
      add('no', DISMAYED_NO, explain ? ['dismay'] : undefined);
      continue;
    }
    const info = infos[i] ?? NOT_A_WORD;
    if ((info.flags & NEGATOR) !== 0) continue;
    if ((mods.boost[i] ?? 0) !== 0 && hasValenceAhead(p, infos, i)) continue;
    const valence = lexiconValence(p, token, info, i);
    if (valence === undefined || valence === 0) continue;

    const sign = Math.sign(valence);
    const notes: string[] | undefined = explain ? [] : undefined;
    let weight = valence;
    if (token.kind === 'emoji') notes?.push('emoji');
    if (token.kind === 'emoticon') notes?.push('emoticon');
    if (token.kind === 'word') {
      if (token.stretched) {
        weight += sign * STRETCH_BOOST;
        notes?.push('stretched');
      }
      if (token.upper && !allCaps) {
        weight += sign * CAPS_BOOST;
        notes?.push('caps');
      }
      const b = booster(p, mods, i, allCaps);
      if (b !== undefined) {
        weight += sign * b.value;
        notes?.push(b.value > 0 ? `intensified by "${b.by}"` : `diminished by "${b.by}"`);
      }
      const negation = (info.flags & LAUGH) !== 0 ? NOT_NEGATED : findNegation(p, infos, i, used);
      if (negation.negated) {
        weight *= weight > 0 ? NEGATE_POSITIVE : NEGATE_NEGATIVE;
        notes?.push(`negated by "${negation.by ?? 'not'}"`);
        if (hasAtAllAfter(p, i)) {
          weight *= AT_ALL_BOOST;
          notes?.push('"at all"');
        }
      } else if (negation.emphatic) {
        weight += sign * BOOST;
        notes?.push('"never so"');
      }
      if (weight > 0 && (info.flags & GRATITUDE_WORD) !== 0) {
        const harm = thankedForHarm(p, i);
        if (harm !== undefined) {
          weight = -weight;
          notes?.push(`ironic: thanks for "${harm}"`);
        }
      }
    }
    const factor = contrast.factor[i] ?? 1;
    const why = contrast.note[i];
    if (factor !== 1 && why !== undefined) {
      weight *= factor;
      notes?.push(why);
    }
    add(token.kind === 'word' ? token.norm : token.text, weight, notes);
  }

  if (sum !== 0) {
    let bangs = 0;
    for (const t of p.tokens) {
      if (t.kind !== 'punct') continue;
      for (const ch of t.text) if (ch === '!') bangs += 1;
      if (bangs >= MAX_EXCLAMATIONS) break;
    }
    bangs = Math.min(bangs, MAX_EXCLAMATIONS);
    if (bangs > 0) add('!', Math.sign(sum) * bangs * EXCLAMATION_BOOST, explain ? ['exclamation emphasis'] : undefined);
  }

  const score = Math.max(-1, Math.min(1, round(sum / Math.sqrt(sum * sum + ALPHA), 4)));
  return { score, label: labelOf(score), contributions };
}

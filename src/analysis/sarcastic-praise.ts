import { negatedBefore } from './match';
import { isSentenceBoundary, type PreparedText } from './normalize';
import { analyzeSentiment } from './sentiment';

/*
 * Sarcasm by a word of praise that closes or opens a message telling only of a failure: "The new
 * router died after a day. Brilliant.", "Perfect. The replacement is broken too." Praise after a
 * failure put right is sincere ("the card was lost but the new one came next day. Brilliant."), so
 * the rest must hold no positive word at all and must tell of a failure with nothing after it of
 * what came of it: a word of a service failing in its last clause, or a last clause of clearly
 * negative sentiment with no "but", "so", "luckily" ... before it.
 */

// Words that praise on their own as a sentence; "good" and "nice" only with a noun of work.
const PRAISE: ReadonlySet<string> = new Set([
  'great', 'brilliant', 'fantastic', 'wonderful', 'perfect', 'lovely', 'superb', 'marvellous', 'marvelous', 'impressive',
  'amazing', 'excellent', 'awesome', 'outstanding', 'stellar', 'bravo', 'splendid', 'terrific', 'fabulous', 'genius',
  'typical', 'done', 'job', 'one', 'work',
]);
// Words that may stand beside the praise: "oh, just brilliant", "what a service", "well done".
const BESIDE: ReadonlySet<string> = new Set([
  'oh', 'just', 'really', 'very', 'so', 'truly', 'absolutely', 'simply', 'well', 'good', 'nice', 'great', 'what', 'a',
  'an', 'service', 'stuff', 'guys', 'team', 'again', 'there', 'yet',
]);
// Words of a service failing, for failures told without a sentiment word ("it smashed", "nobody came").
// Not "still", "again", "never": they tell how often or how long, not that something failed.
const FAILURE: ReadonlySet<string> = new Set([
  'lost', 'broke', 'broken', 'smashed', 'damaged', 'missing', 'cancelled', 'canceled', 'late', 'delayed', 'wrong', 'ignored',
  'forgot', 'forgotten', 'nobody', 'overcharged', 'disconnected', 'dropped', 'crashed', 'declined', 'refused', 'stuck',
]);
// Words that open a clause after which the failure may have been put right: the failure must be
// told in the last clause ("the boiler broke and your engineer had it running by nine").
const CLAUSE_JOINS: ReadonlySet<string> = new Set(['and', 'then', 'which', 'who']);
// Of those, the ones that turn to what came of it: after them even negative sentiment may be relief.
const TURNS: ReadonlySet<string> = new Set(['but', 'so', 'luckily', 'thankfully', 'fortunately', 'however', 'until']);
const MAX_OPENING_WORDS = 3;
// "would not want to be late": the negation may stand four words before.
const NEGATION_WINDOW = 4;
const MAX_CLOSING_WORDS = 4;
// The sentences before must say enough to tell of something.
const MIN_EARLIER_WORDS = 3;

/** The token range of a sarcastic closing praise, or undefined. */
export function closingPraise(p: PreparedText): { first: number; last: number } | undefined {
  const tokens = p.tokens;
  let end = tokens.length - 1;
  // Trailing marks: a question is no praise ("Brilliant?"), a full stop or "!" closes one.
  while (end >= 0 && tokens[end]!.kind !== 'word') {
    if (tokens[end]!.text.includes('?')) return undefined;
    end -= 1;
  }
  let start = end;
  let praised = false;
  while (start >= 0 && tokens[start]!.kind === 'word') {
    const word = tokens[start]!.norm;
    if (end - start + 1 > MAX_CLOSING_WORDS || !(PRAISE.has(word) || BESIDE.has(word))) return undefined;
    // "done", "job", "one", "work" praise only after "well", "good", "nice", "great".
    if (PRAISE.has(word) && !(WITH_PRAISE_WORD.has(word) && !isPraiseLead(tokens[start - 1]?.norm))) praised = true;
    start -= 1;
  }
  // What stands before the closing words must end a sentence: "Brilliant." after "... again."
  const boundary = tokens[start];
  if (!praised || boundary === undefined || !isSentenceBoundary(boundary) || boundary.text.includes('?')) return undefined;
  return toldFailure(p, 0, start - 1) ? { first: start + 1, last: end } : undefined;
}

/** The token range of a sarcastic opening praise ("Perfect. The replacement is broken too."), or undefined. */
export function openingPraise(p: PreparedText): { first: number; last: number } | undefined {
  const tokens = p.tokens;
  let last = 0;
  let praised = false;
  while (last < tokens.length && tokens[last]!.kind === 'word') {
    const word = tokens[last]!.norm;
    if (last + 1 > MAX_OPENING_WORDS || !(PRAISE.has(word) || BESIDE.has(word) || word === 'wow')) return undefined;
    if (PRAISE.has(word) && !WITH_PRAISE_WORD.has(word)) praised = true;
    last += 1;
  }
  // The praise stands alone before a mark: "Brilliant, the queue ...", "Perfect. Just perfect."
  const mark = tokens[last];
  if (!praised || mark === undefined || mark.text.includes('?')) return undefined;
  let end = tokens.length - 1;
  while (end > last && tokens[end]!.kind !== 'word') end -= 1;
  return toldFailure(p, last + 1, end) ? { first: 0, last: last - 1 } : undefined;
}

/** Tokens `from`..`to` tell of a failure, and of nothing good: see the comment at the top. */
function toldFailure(p: PreparedText, from: number, to: number): boolean {
  const tokens = p.tokens;
  let words = 0;
  let lastFailure = -1;
  // The last clause break (a joining word or a mark) and the last word that turns to an outcome.
  let lastBreak = -1;
  let lastTurn = -1;
  for (let i = from; i <= to; i += 1) {
    const t = tokens[i]!;
    if (t.kind !== 'word') {
      lastBreak = i;
      continue;
    }
    words += 1;
    // "I wouldn't want to be late": a failure denied or only feared is none.
    if (FAILURE.has(t.norm) && !negatedBefore(p, i, NEGATION_WINDOW)) lastFailure = i;
    else if (TURNS.has(t.norm)) lastTurn = lastBreak = i;
    else if (CLAUSE_JOINS.has(t.norm)) lastBreak = i;
  }
  if (words < MIN_EARLIER_WORDS) return false;
  const told = analyzeSentiment(p.original.slice(tokens[from]!.start, tokens[to]!.end), true);
  if (told.contributions.some((c) => c.weight > 0)) return false;
  if (lastFailure > lastBreak) return true;
  // Without a failure word, the last clause says it: "... and the service is as bad as ever".
  if (lastTurn >= 0 || told.score > NEGATIVE) return false;
  const clause = lastBreak < from ? from : lastBreak + 1;
  return clause <= to && analyzeSentiment(p.original.slice(tokens[clause]!.start, tokens[to]!.end), false).score <= NEGATIVE;
}

// Negative enough to tell of a failure without a failure word; a word that is only ambiguous
// ("unbelievable") is not.
const NEGATIVE = -0.3;
const WITH_PRAISE_WORD: ReadonlySet<string> = new Set(['done', 'job', 'one', 'work']);
const PRAISE_LEADS: ReadonlySet<string> = new Set(['well', 'good', 'nice', 'great']);

function isPraiseLead(word: string | undefined): boolean {
  return word !== undefined && PRAISE_LEADS.has(word);
}

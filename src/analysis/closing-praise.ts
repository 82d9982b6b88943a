import { isSentenceBoundary, type PreparedText } from './normalize';
import { analyzeSentiment } from './sentiment';

/*
 * Sarcasm by a closing word of praise: a short last sentence that praises ("Brilliant.", "Nice
 * one.", "Well done!", "Impressive.") after sentences that only tell of a failure ("The new router
 * died after a day. Brilliant."). Praise after a failure put right is sincere ("the card was lost but the
 * new one came next day. Brilliant."), so the sentences before must hold no positive word at all,
 * and must tell of a failure, with nothing after it of what came of it: clearly negative
 * sentiment, or a word of a service failing not followed by "but", "so", "luckily" ...
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
const TURNS: ReadonlySet<string> = new Set([
  'and', 'but', 'so', 'then', 'luckily', 'thankfully', 'fortunately', 'however', 'until', 'which', 'who',
]);
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
  let words = 0;
  let lastFailure = -1;
  // The last clause break (a joining word or a mark) and the last joining word.
  let lastBreak = -1;
  let lastTurn = -1;
  for (let i = 0; i < start; i += 1) {
    const t = tokens[i]!;
    if (t.kind !== 'word') {
      lastBreak = i;
      continue;
    }
    words += 1;
    if (FAILURE.has(t.norm)) lastFailure = i;
    else if (TURNS.has(t.norm)) lastTurn = lastBreak = i;
  }
  if (words < MIN_EARLIER_WORDS) return undefined;
  const before = analyzeSentiment(p.original.slice(0, boundary.start), true);
  if (before.contributions.some((c) => c.weight > 0)) return undefined;
  // The failure told last, after any clause that could have put it right ("I lost my card but the
  // new one came"); or, with no such clause, sentiment that says it.
  const failed = lastFailure > lastBreak || (lastTurn < 0 && before.score <= NEGATIVE);
  return failed ? { first: start + 1, last: end } : undefined;
}

// Negative enough to tell of a failure without a failure word; a word that is only ambiguous
// ("unbelievable") is not.
const NEGATIVE = -0.3;
const WITH_PRAISE_WORD: ReadonlySet<string> = new Set(['done', 'job', 'one', 'work']);
const PRAISE_LEADS: ReadonlySet<string> = new Set(['well', 'good', 'nice', 'great']);

function isPraiseLead(word: string | undefined): boolean {
  return word !== undefined && PRAISE_LEADS.has(word);
}

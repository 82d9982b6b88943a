import { negatedBefore } from './match';
import { isSentenceBoundary, type PreparedText } from './normalize';
import { RELATIVES } from './relatives';
import { STOP_WORDS } from './stop-words';
import { analyzeSentiment } from './sentiment';

/*
 * Sarcasm by a word of praise that closes or opens a message telling only of a failure: "The new
 * router died after a day. Brilliant.", "Perfect. The replacement is broken too." Praise after a
 * failure put right is sincere ("the card was lost but the new one came next day. Brilliant."), so
 * the rest must hold no positive word at all and must tell of a failure with nothing after it of
 * what came of it: a word of a service failing in its last clause (not the customer's own act or
 * a relative's, not naming a thing: "the delayed parcel"), or, of the company, a last clause of
 * clearly negative sentiment with no "but", "so", "luckily" ... before it.
 */

// Words that praise on their own as a sentence.
const PRAISE: ReadonlySet<string> = new Set([
  'great', 'brilliant', 'fantastic', 'wonderful', 'perfect', 'lovely', 'superb', 'marvellous', 'marvelous', 'impressive',
  'amazing', 'excellent', 'awesome', 'outstanding', 'stellar', 'bravo', 'splendid', 'terrific', 'fabulous', 'genius',
]);
// Nouns of work that praise after "well", "good", "nice", "great": "well done", "nice one".
const PRAISED_WORK: ReadonlySet<string> = new Set(['done', 'job', 'one', 'work']);
const PRAISE_LEADS: ReadonlySet<string> = new Set(['well', 'good', 'nice', 'great']);
// Words that may stand beside the praise: "oh, just brilliant", "what a service", "well done".
const BESIDE: ReadonlySet<string> = new Set([
  'oh', 'wow', 'just', 'really', 'very', 'so', 'truly', 'absolutely', 'simply', 'well', 'good', 'nice', 'great', 'what',
  'a', 'an', 'service', 'stuff', 'guys', 'team', 'again', 'there', 'yet',
]);
// Words of a service failing, for failures told without a sentiment word ("it smashed"). Not
// "still", "again", "never" (how often or how long), nor "nobody" ("nobody minded").
const FAILURE: ReadonlySet<string> = new Set([
  'lost', 'broke', 'broken', 'smashed', 'damaged', 'missing', 'cancelled', 'canceled', 'late', 'delayed', 'wrong', 'ignored',
  'forgot', 'forgotten', 'overcharged', 'disconnected', 'dropped', 'crashed', 'declined', 'refused', 'stuck',
]);
// Failure words that say what is wrong with a thing even before its name.
const FAULTY: ReadonlySet<string> = new Set(['wrong', 'broken', 'damaged']);
// Words after a failure word that make it name a thing, not tell of a failure: "dropped off".
const NOT_FAILING_AFTER: ReadonlySet<string> = new Set(['off', 'by', 'in', 'out']);
// Before a failure word, the customer's own act or someone else's: "I declined the warranty", "my
// daughter lost her first tooth". Only the company's failures are welcomed in sarcasm.
const NOT_THE_COMPANY: ReadonlySet<string> = new Set(['i', 'we', 'he', 'she', ...RELATIVES]);
const SUBJECT_WINDOW = 3;
// Words after a failure word that leave it telling of the failure: "it arrived late again".
const AFTER_FAILURE: ReadonlySet<string> = new Set([
  'again', 'too', 'anyway', 'already', 'today', 'yesterday', 'now', 'twice', 'once', 'completely', 'entirely',
]);
// Words of a failure put right: "the delayed parcel arrived", "the lost passport was handed in".
const RECOVERY: ReadonlySet<string> = new Set([
  'arrived', 'found', 'turned', 'replaced', 'refunded', 'fixed', 'handed', 'repaired', 'sorted', 'resolved', 'waived',
  'returned', 'credited', 'reinstated', 'restored', 'rebooked', 'exchanged', 'collected', 'swapped', 'stopped', 'cleared',
  'approved', 'covered', 'boarded', 'patched',
]);
// Words that open a clause after which the failure may have been put right: the failure must be
// told in the last clause ("the boiler broke and your engineer had it running by nine").
const CLAUSE_JOINS: ReadonlySet<string> = new Set(['and', 'then', 'which', 'who']);
// Words that turn to what came of it: after them even negative sentiment may be relief.
const TURNS: ReadonlySet<string> = new Set(['but', 'so', 'luckily', 'thankfully', 'fortunately', 'however', 'until']);
const MAX_PRAISE_WORDS = 4;
// "would not want to be late": the negation may stand four words before.
const NEGATION_WINDOW = 4;
// The rest must say enough to tell of something.
const MIN_TOLD_WORDS = 3;
// Negative enough to tell of a failure without a failure word; a word that is only ambiguous
// ("unbelievable") is not.
const NEGATIVE = -0.3;

/** The token range of a sarcastic closing praise ("... Brilliant.", "... Oh, just brilliant!"), or undefined. */
export function closingPraise(p: PreparedText): { first: number; last: number } | undefined {
  const tokens = p.tokens;
  let end = tokens.length - 1;
  // Trailing marks: a question is no praise ("Brilliant?"), a full stop or "!" closes one.
  while (end >= 0 && tokens[end]!.kind !== 'word') {
    if (tokens[end]!.text.includes('?')) return undefined;
    end -= 1;
  }
  let start = end;
  let words = 0;
  // Words of praise and commas between them, back to the mark that ends the sentence before.
  while (start >= 0 && (tokens[start]!.kind === 'word' || isComma(tokens[start]!.text))) {
    if (tokens[start]!.kind === 'word' && (++words > MAX_PRAISE_WORDS || !isPraiseWord(tokens[start]!.norm))) return undefined;
    start -= 1;
  }
  const boundary = tokens[start];
  if (!praises(p, start + 1, end) || boundary === undefined || !isSentenceBoundary(boundary) || boundary.text.includes('?')) return undefined;
  return toldFailure(p, 0, start - 1) ? { first: start + 1, last: end } : undefined;
}

/** The token range of a sarcastic opening praise ("Perfect. The replacement is broken too."), or undefined. */
export function openingPraise(p: PreparedText): { first: number; last: number } | undefined {
  const tokens = p.tokens;
  let next = 0;
  let words = 0;
  while (next < tokens.length && (tokens[next]!.kind === 'word' || (words > 0 && isComma(tokens[next]!.text) && tokens[next + 1]?.kind === 'word' && isPraiseWord(tokens[next + 1]!.norm)))) {
    if (tokens[next]!.kind === 'word' && (++words > MAX_PRAISE_WORDS || !isPraiseWord(tokens[next]!.norm))) return undefined;
    next += 1;
  }
  // The praise stands alone before a mark: "Brilliant, the queue ...", "Perfect. Just perfect."
  const mark = tokens[next];
  if (!praises(p, 0, next - 1) || mark === undefined || mark.text.includes('?')) return undefined;
  let end = tokens.length - 1;
  while (end > next && tokens[end]!.kind !== 'word') end -= 1;
  return toldFailure(p, next + 1, end) ? { first: 0, last: next - 1 } : undefined;
}

function isComma(text: string): boolean {
  return text === ',';
}

function isPraiseWord(word: string): boolean {
  return PRAISE.has(word) || PRAISED_WORK.has(word) || BESIDE.has(word);
}

/** Tokens `from`..`to` hold a word of praise: "brilliant", or "done", "one" after "well", "nice". */
function praises(p: PreparedText, from: number, to: number): boolean {
  for (let i = from; i <= to; i += 1) {
    const word = p.tokens[i]!.norm;
    if (PRAISE.has(word) || (PRAISED_WORK.has(word) && PRAISE_LEADS.has(p.tokens[i - 1]?.norm ?? ''))) return true;
  }
  return false;
}

/**
 * How a failure word reads at `i`: telling of a failure, or naming a thing ("the delayed parcel",
 * "my late grandfather", "dropped off"), or neither (not a failure word, or denied or feared).
 */
function failureAt(p: PreparedText, i: number): 'fails' | 'names' | undefined {
  if (!FAILURE.has(p.tokens[i]!.norm) || negatedBefore(p, i, NEGATION_WINDOW) || someoneElseBefore(p, i)) return undefined;
  const next = p.tokens[i + 1];
  if (next === undefined || next.kind !== 'word') return 'fails';
  if (NOT_FAILING_AFTER.has(next.norm)) return 'names';
  // A failure word before a content word describes it; a fault in the thing itself is still one
  // ("the wrong colour", "a broken screen").
  return AFTER_FAILURE.has(next.norm) || STOP_WORDS.has(next.norm) || FAULTY.has(p.tokens[i]!.norm) ? 'fails' : 'names';
}

function someoneElseBefore(p: PreparedText, i: number): boolean {
  for (let j = Math.max(0, i - SUBJECT_WINDOW); j < i; j += 1) if (NOT_THE_COMPANY.has(p.tokens[j]!.norm)) return true;
  return false;
}

const SECOND_PERSON: ReadonlySet<string> = new Set(['you', 'your', 'yours', 'u', 'ur']);

/** Tokens `from`..`to` tell of a failure, and of nothing good: see the comment at the top. */
function toldFailure(p: PreparedText, from: number, to: number): boolean {
  const tokens = p.tokens;
  let words = 0;
  let lastFailure = -1;
  // The last clause break (a joining word or a mark) and the last word that turns to an outcome.
  let lastBreak = -1;
  let lastTurn = -1;
  // A failure word naming a thing also makes the sentiment negative: then sentiment tells nothing.
  let named = false;
  let addressed = false;
  for (let i = from; i <= to; i += 1) {
    const t = tokens[i]!;
    if (t.kind !== 'word') {
      lastBreak = i;
      continue;
    }
    words += 1;
    if (SECOND_PERSON.has(t.norm)) addressed = true;
    const failure = failureAt(p, i);
    if (failure === 'fails') lastFailure = i;
    else if (failure === 'names') named = true;
    else if (TURNS.has(t.norm) || RECOVERY.has(t.norm)) lastTurn = lastBreak = i;
    else if (CLAUSE_JOINS.has(t.norm)) lastBreak = i;
  }
  if (words < MIN_TOLD_WORDS) return false;
  const told = analyzeSentiment(p.original.slice(tokens[from]!.start, tokens[to]!.end), true);
  if (told.contributions.some((c) => c.weight > 0)) return false;
  if (lastFailure > lastBreak) return true;
  // Without a failure word, the last clause says it, of the company: "... and your service is as
  // bad as ever" (not "Covid test negative. Brilliant.").
  if (lastTurn >= 0 || named || !addressed || told.score > NEGATIVE) return false;
  const clause = lastBreak < from ? from : lastBreak + 1;
  return clause <= to && analyzeSentiment(p.original.slice(tokens[clause]!.start, tokens[to]!.end), false).score <= NEGATIVE;
}

/*
 * What the detectors have worked out about one word, shared by every token of that word. Each
 * token of a word points at its entry (found once, when the message is prepared), and each
 * detector fills its own slot the first time it asks: a word then costs one lookup per message
 * instead of one per detector and question. Slots are `undefined` until filled.
 */

/** The sentiment scorer's view of a word (see sentiment.ts). */
export interface SentimentWordInfo {
  readonly valence: number | undefined;
  readonly boost: number | undefined;
  /** Bits: negator, forward and subordinate contrast, transparent, booster pair start, exclamation, genre, thanks, laughter. */
  readonly flags: number;
}

export interface WordEntry {
  /** The word's content token, null for a stop word (normalize.ts). */
  content: string | null | undefined;
  /** sentiment.ts */
  sentiment: SentimentWordInfo | undefined;
  /** The typo view's reading of the word, null when it is kept as is (human-request.ts). */
  spelling: readonly string[] | null | undefined;
  /** Some request frame holds the word (human-request.ts). */
  frameWord: boolean | undefined;
  /** The request model's word classes, as bits (request-model.ts). */
  requestClass: number | undefined;
}

// Bounded like every per-word memo, so adversarial input cannot grow it without end. Clearing it
// leaves the entries of tokens already made intact: they are just no longer shared.
const ENTRY_LIMIT = 20_000;
const entries = new Map<string, WordEntry>();

// V8 makes a slice of this many characters or more a view into the string it came from: kept
// in the entries, a long word would keep its whole message alive.
const SLICE_VIEW_LENGTH = 13;

/** `text`, as a string of its own when it may be a view into a longer one (the concatenation is flattened before it is sliced). */
export function ownCopy(text: string): string {
  return text.length >= SLICE_VIEW_LENGTH ? (' ' + text).slice(1) : text;
}

/** The entry of a canonical word. */
export function entryOf(word: string): WordEntry {
  let entry = entries.get(word);
  if (entry === undefined) {
    entry = { content: undefined, sentiment: undefined, spelling: undefined, frameWord: undefined, requestClass: undefined };
    if (entries.size >= ENTRY_LIMIT) entries.clear();
    entries.set(ownCopy(word), entry);
  }
  return entry;
}

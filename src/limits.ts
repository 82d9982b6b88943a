import type { z } from 'zod';
import { lazySchema } from './schema/lazy-schema';
import { ValidationError, type ErrorIssue } from './errors';
import type { Message } from './schema/conversation';
import type { Truncation } from './schema/packet';
import type { SessionDropped, SessionState } from './session-state';

/**
 * Bounds on what one evaluation reads, so no input can make it hang or run out of memory:
 * the analysis is linear in the text, and these keep the text itself bounded.
 *
 * A session holds at most `maxMessages` messages and `maxTotalChars` characters whatever the
 * overflow: under `reject` a push over a bound is refused; under `truncate` the session drops
 * its oldest messages to make room, so its state (`toJSON()`) stays bounded however many
 * messages are pushed.
 */
export interface Limits {
  /**
   * Longest message text, in UTF-16 code units (JavaScript's `text.length`). Under `truncate` a
   * longer message is read by its first `maxMessageChars` characters (never splitting a
   * surrogate pair), by `evaluate`, `replay` and `session.push` alike, and counts in the
   * packet's `truncated.cutMessages` while it is kept. @default 20_000
   */
  readonly maxMessageChars: number;
  /** Most messages in one conversation, or held by one session. @default 2_000 */
  readonly maxMessages: number;
  /**
   * Most characters over all messages of one conversation or held by one session. A single
   * message longer than this is cut to it under `truncate`, as if it were `maxMessageChars`.
   * @default 500_000
   */
  readonly maxTotalChars: number;
  /**
   * Over a bound: `reject` throws a `ValidationError` naming the bound (a session keeps its state
   * as it was); `truncate` keeps the newest messages that fit and the head of an over-long
   * message, and marks the packet `truncated` with what was left out.
   *
   * `evaluate` and `replay` never read what they drop: their facts, message indexes and turns
   * count from the first message kept. A session has already read every message it was given
   * when it drops one, so its facts and decisions still count the whole conversation (the head
   * of a cut message only), and its indexes and turns stay the conversation's; only its held
   * transcript, and so the packet's, is the newest messages. A session's decision therefore
   * equals `evaluate` under `truncate` while nothing had to be dropped (a cut message reads the
   * same in both), and, once messages are dropped, equals the decision over the whole
   * conversation with each over-long message replaced by its head. @default 'reject'
   */
  readonly overflow: 'reject' | 'truncate';
}

export const DEFAULT_LIMITS: Limits = Object.freeze({
  maxMessageChars: 20_000,
  maxMessages: 2_000,
  maxTotalChars: 500_000,
  overflow: 'reject',
});

const bound = lazySchema((z) => z.number().int().min(1).max(Number.MAX_SAFE_INTEGER));

/** `createEscalator({ limits })`: any subset of {@link Limits}. */
export const LimitsOptionsSchema = lazySchema((z) => z.strictObject({
  maxMessageChars: bound.optional(),
  maxMessages: bound.optional(),
  maxTotalChars: bound.optional(),
  overflow: z.enum(['reject', 'truncate']).optional(),
}));

/** The limits in force: the defaults with the options given. */
export function resolveLimits(options: z.infer<typeof LimitsOptionsSchema> | undefined): Limits {
  return Object.freeze({
    maxMessageChars: options?.maxMessageChars ?? DEFAULT_LIMITS.maxMessageChars,
    maxMessages: options?.maxMessages ?? DEFAULT_LIMITS.maxMessages,
    maxTotalChars: options?.maxTotalChars ?? DEFAULT_LIMITS.maxTotalChars,
    overflow: options?.overflow ?? DEFAULT_LIMITS.overflow,
  });
}

function reject(what: string, issues: readonly ErrorIssue[]): never {
  throw new ValidationError(`Invalid ${what}: ${issues.length} problem${issues.length === 1 ? '' : 's'} (over the limits)`, issues);
}

const tooLong = (path: string, length: number, limits: Limits): ErrorIssue => ({
  code: 'too_big',
  path,
  message: `expected at most ${limits.maxMessageChars} characters (limits.maxMessageChars), found a string of ${length} characters`,
});

const tooMany = (path: string, count: number, limits: Limits): ErrorIssue => ({
  code: 'too_big',
  path,
  message: `expected at most ${limits.maxMessages} messages (limits.maxMessages), found ${count}`,
});

const tooMuch = (path: string, chars: number, limits: Limits): ErrorIssue => ({
  code: 'too_big',
  path,
  message: `expected at most ${limits.maxTotalChars} characters over all messages (limits.maxTotalChars), found ${chars}`,
});

/** The first `max` UTF-16 units of `text`, never splitting a surrogate pair. */
function head(text: string, max: number): string {
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** The messages an evaluation reads, and what was left out (null when nothing was). */
export interface FittedMessages {
  readonly messages: readonly Message[];
  readonly truncated: Truncation | null;
}

/**
 * Applies the limits to a whole (validated) conversation. `reject` lists every bound exceeded;
 * `truncate` cuts over-long messages to their head, then keeps the newest messages that fit
 * the count and the total, so the analysis never runs on what is dropped.
 */
export function fitConversation(messages: readonly Message[], limits: Limits): FittedMessages {
  let total = 0;
  let longest = 0;
  for (const m of messages) {
    total += m.text.length;
    if (m.text.length > longest) longest = m.text.length;
  }
  if (messages.length <= limits.maxMessages && total <= limits.maxTotalChars && longest <= limits.maxMessageChars) {
    return { messages, truncated: null };
  }
  if (limits.overflow === 'reject') {
    const issues: ErrorIssue[] = [];
    if (messages.length > limits.maxMessages) issues.push(tooMany('messages', messages.length, limits));
    if (total > limits.maxTotalChars) issues.push(tooMuch('messages', total, limits));
    messages.forEach((m, i) => {
      // Listing every over-long message of a huge input would be a huge error: the first few say it.
      if (m.text.length > limits.maxMessageChars && issues.length < 20) issues.push(tooLong(`messages[${i}].text`, m.text.length, limits));
    });
    return reject('conversation', issues);
  }
  // Newest first: each message is cut to its head, then kept while the count and total allow.
  const kept: Message[] = [];
  let keptChars = 0;
  let cutMessages = 0;
  let cutChars = 0;
  let i = messages.length - 1;
  for (; i >= 0 && kept.length < limits.maxMessages; i -= 1) {
    const m = messages[i]!;
    const text = m.text.length > limits.maxMessageChars ? head(m.text, limits.maxMessageChars) : m.text;
    if (keptChars + text.length > limits.maxTotalChars) break;
    if (text !== m.text) {
      cutMessages += 1;
      cutChars += m.text.length - text.length;
    }
    kept.push(text === m.text ? m : { ...m, text });
    keptChars += text.length;
  }
  let droppedChars = cutChars;
  for (let j = 0; j <= i; j += 1) droppedChars += messages[j]!.text.length;
  if (kept.length === 0) {
    // Not even the newest message fits the total: its head does, so there is something to read.
    const last = messages[messages.length - 1]!;
    const text = head(last.text, Math.min(limits.maxMessageChars, limits.maxTotalChars));
    return {
      messages: [{ ...last, text }],
      truncated: { droppedMessages: messages.length - 1, droppedChars: total - text.length, cutMessages: 1 },
    };
  }
  kept.reverse();
  return { messages: kept, truncated: { droppedMessages: i + 1, droppedChars, cutMessages } };
}

// Characters held by a session's message list, cached per list: a list only grows (in place),
// and dropping makes a new list, so each push adds its new messages instead of summing the
// whole conversation again.
const totals = new WeakMap<readonly Message[], { count: number; chars: number }>();

function totalChars(messages: readonly Message[]): number {
  let entry = totals.get(messages);
  if (entry === undefined || entry.count > messages.length) entry = { count: 0, chars: 0 };
  for (let i = entry.count; i < messages.length; i += 1) entry.chars += messages[i]!.text.length;
  entry.count = messages.length;
  totals.set(messages, entry);
  return entry.chars;
}

/**
 * Checks one message about to be added to a session holding `messages` (overflow `reject`):
 * every bound exceeded is listed, and nothing is changed.
 */
export function checkSessionMessage(messages: readonly Message[], message: Message, limits: Limits): void {
  const issues: ErrorIssue[] = [];
  if (message.text.length > limits.maxMessageChars) issues.push(tooLong('text', message.text.length, limits));
  if (messages.length + 1 > limits.maxMessages) issues.push(tooMany('session.messages', messages.length + 1, limits));
  const total = totalChars(messages) + message.text.length;
  if (total > limits.maxTotalChars) issues.push(tooMuch('session.messages', total, limits));
  if (issues.length > 0) reject('message', issues);
}

/** The packet's `truncated` for a session that has dropped or cut this much, or null. */
export function sessionTruncation(dropped: SessionDropped): Truncation | null {
  if (dropped.messages === 0 && dropped.chars === 0 && dropped.cut.length === 0) return null;
  return { droppedMessages: dropped.messages, droppedChars: dropped.chars, cutMessages: dropped.cut.length };
}

/** A session state with room for one more message, and that message as the session will hold it. */
export interface FittedSessionMessage {
  readonly state: SessionState;
  readonly message: Message;
  readonly truncated: Truncation | null;
}

/**
 * Makes room for `message` in a session. `reject` throws over any bound. `truncate` cuts an
 * over-long message to its head as `fitConversation` does, then drops the oldest held messages
 * until the new one fits the count and the total, so what a session holds never exceeds the
 * limits. The state given is never changed: dropping copies the lists, so a failed step leaves
 * the session as it was and a packet built later from the old lists still reads them whole.
 */
export function fitSessionMessage(state: SessionState, message: Message, limits: Limits): FittedSessionMessage {
  if (limits.overflow === 'reject') {
    checkSessionMessage(state.messages, message, limits);
    return { state, message, truncated: sessionTruncation(state.dropped) };
  }
  // The message alone must fit the total too, or every held message would go and it still would not.
  const cap = Math.min(limits.maxMessageChars, limits.maxTotalChars);
  const text = message.text.length > cap ? head(message.text, cap) : message.text;
  const held = state.messages;
  let total = totalChars(held) + text.length;
  let drop = 0;
  while (drop < held.length && (held.length - drop + 1 > limits.maxMessages || total > limits.maxTotalChars)) {
    total -= held[drop]!.text.length;
    drop += 1;
  }
  const tail = message.text.length - text.length;
  if (drop === 0 && tail === 0) return { state, message, truncated: sessionTruncation(state.dropped) };
  let userTurns = 0;
  let chars = 0;
  for (let i = 0; i < drop; i += 1) {
    const m = held[i]!;
    if (m.role === 'user') userTurns += 1;
    chars += m.text.length;
  }
  const before = state.dropped;
  const firstHeld = before.messages + drop;
  const cut = before.cut.filter((index) => index >= firstHeld);
  if (tail > 0) cut.push(before.messages + held.length);
  const dropped: SessionDropped = { messages: firstHeld, userTurns: before.userTurns + userTurns, chars: before.chars + chars + tail, cut };
  let messages = held;
  let analyses = state.analyses;
  if (drop > 0) {
    messages = held.slice(drop);
    analyses = state.analyses.slice(drop);
    totals.set(messages, { count: messages.length, chars: total - text.length });
  }
  return {
    state: { ...state, messages, analyses, dropped },
    message: tail === 0 ? message : { ...message, text },
    truncated: sessionTruncation(dropped),
  };
}

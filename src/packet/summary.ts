import type { MessageAnalysis, SensitiveTopic } from '../schema/analysis';
import type { Message } from '../schema/conversation';
import type { HandoffPacket } from '../schema/packet';
import { isRepeat } from '../analysis/repetition';
import { redactText } from './redact';
import { shorten } from './shorten';
import { userTurns } from './turns';
import type { PacketInput } from './types';
import { TOPIC_LABEL } from './labels';

export type Summary = HandoffPacket['summary'];

const ISSUE_MAX_CHARS = 300;
const REPLY_MAX_CHARS = 100;
/** Under this many words the first message rarely states the issue ("refund", "my order"). */
const SHORT_ISSUE_WORDS = 4;
/** An agent skims the bot's attempts; beyond this many the rest are counted, not listed. */
const MAX_BOT_ATTEMPTS = 12;
const MAX_LISTED_TURNS = 5;
const TREND_THRESHOLD = 0.1;
/** How many earlier user turns a message is compared with, as the `user.repeats` fact does. */
const REPEAT_WINDOW = 8;

/** Words that greet or fill without saying what the problem is. */
const GREETING_WORDS = new Set(
  (
    'hi hello hey heya hiya howdy yo hallo hola greetings good morning afternoon evening day there all team ' +
    'folks guys ok okay thanks thank you please bot chatbot support anyone'
  ).split(' '),
);


/** Issue, bot attempts and key points; `redacted` (index-aligned texts) avoids redacting twice. */
export function buildSummary(input: PacketInput, redacted?: readonly string[]): Summary {
  const texts = redacted ?? input.messages.map((message) => redactText(message.text).text);
  return {
    issue: customerIssue(input.messages, texts),
    botAttempts: botAttempts(input.messages, input.analyses, texts),
    keyPoints: keyPoints(input),
  };
}

/** True when a message only greets or thanks ("hi", "Hello there!", "ok thanks"). */
export function isBareGreeting(text: string): boolean {
  const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
  return words.every((word) => GREETING_WORDS.has(word));
}

/** The first user message with content, plus the next one when the first is only a few words. */
export function customerIssue(messages: readonly Message[], redacted: readonly string[]): string {
  const users = messages.flatMap((message, index) =>
    message.role === 'user' ? [(redacted[index] ?? '').trim()] : [],
  );
  const start = users.findIndex((text) => !isBareGreeting(text));
  if (start === -1) return shorten(users.find((text) => text !== '') ?? '', ISSUE_MAX_CHARS);
  const first = users[start]!;
  const next = users[start + 1];
  const words = first.split(/\s+/).length;
  const addNext = words < SHORT_ISSUE_WORDS && next !== undefined && !isBareGreeting(next);
  const joined = addNext ? `${endSentence(first)} ${next}` : first;
  return shorten(joined, ISSUE_MAX_CHARS);
}

function endSentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

/** The intents the bot recognised and what it replied, in order and without repeats. */
export function botAttempts(
  messages: readonly Message[],
  analyses: readonly MessageAnalysis[],
  redacted: readonly string[],
): string[] {
  const attempts: string[] = [];
  const seen = new Set<string>();
  const add = (key: string, line: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    attempts.push(line);
  };
  messages.forEach((message, index) => {
    if (message.intent) add(`intent:${message.intent.name}`, `Recognised intent "${message.intent.name}"`);
    if (message.role !== 'bot') return;
    const text = shorten(redacted[index] ?? '', REPLY_MAX_CHARS);
    if (text === '') return;
    const failure = analyses[index]?.botFailure;
    const fallback = message.fallback === true || (failure?.detected === true && failure.kind !== 'low_confidence');
    const key = `reply:${text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()}`;
    add(key, fallback ? `Said "${text}" (did not understand)` : `Said "${text}"`);
  });
  if (attempts.length <= MAX_BOT_ATTEMPTS) return attempts;
  const more = attempts.length - (MAX_BOT_ATTEMPTS - 1);
  return [...attempts.slice(0, MAX_BOT_ATTEMPTS - 1), `…and ${more} more`];
}

/** Short lines for the agent: why it escalated, topics, requests, failures, repeats, mood. */
export function keyPoints(input: PacketInput): string[] {
  const turns = userTurns(input.messages, input.offset?.userTurns);
  const user = input.messages.flatMap((message, index) => {
    const analysis = input.analyses[index];
    const turn = turns[index];
    return message.role === 'user' && analysis !== undefined && turn != null ? [{ turn, analysis }] : [];
  });
  const points: string[] = [];

  const topics = new Map<SensitiveTopic, number>();
  for (const { turn, analysis } of user) {
    for (const match of analysis.topics) if (!topics.has(match.topic)) topics.set(match.topic, turn);
  }
  if (topics.size > 0) {
    const listed = [...topics].map(([topic, turn]) => `${TOPIC_LABEL[topic]} (turn ${turn})`);
    points.push(`Sensitive ${topics.size === 1 ? 'topic' : 'topics'}: ${listed.join(', ')}`);
  }

  const requests = user.filter(({ analysis }) => analysis.humanRequest.detected).map(({ turn }) => turn);
  if (requests.length > 0) points.push(`Asked for a person at ${turnList(requests)}`);

  const failures = countBotFailures(input.messages, input.analyses);
  if (failures > 0) points.push(`Bot failed ${failures === 1 ? 'once' : `${failures} times`}`);

  const repeats = repeatedTurns(user);
  if (repeats.length > 0) {
    const listed = repeats.slice(0, 3).map(([later, earlier]) => `turn ${later} repeats turn ${earlier}`);
    points.push(`Customer repeated themselves (${listed.join('; ')})`);
  }

  const sentiment = sentimentLine(
    user.map(({ analysis }) => analysis.sentiment),
    input.sentimentTrend,
  );
  if (sentiment !== null) points.push(sentiment);

  if (input.frustration.level === 'medium' || input.frustration.level === 'high') {
    const kinds = [
      ...new Set(user.flatMap(({ analysis }) => analysis.frustration.signals.map((signal) => signal.kind))),
    ];
    const why = kinds.length > 0 ? `: ${kinds.join(', ')}` : '';
    points.push(`Frustration ${input.frustration.level} (${input.frustration.score.toFixed(2)})${why}`);
  }

  const resolved = user.filter(({ analysis }) => analysis.resolution.detected).map(({ turn }) => turn);
  if (resolved.length > 0) points.push(`Said the problem was solved at ${turnList(resolved)}`);

  const reasons = new Set<string>();
  for (const reason of input.decision.reasons) {
    const line = `Escalated: ${reason.description.trim() || reason.reason}`;
    if (reasons.has(line)) continue;
    reasons.add(line);
    points.push(line);
  }
  return points;
}

/**
 * Exchanges (a user message and the bot replies after it) where the bot failed: a low-confidence
 * reading or a fallback reply. Counted once per exchange, as the conversation facts count them.
 */
export function countBotFailures(messages: readonly Message[], analyses: readonly MessageAnalysis[]): number {
  let failures = 0;
  let exchangeFailed = false;
  messages.forEach((message, index) => {
    const failure = analyses[index]?.botFailure;
    if (message.role === 'user') {
      exchangeFailed = failure?.detected === true && failure.kind === 'low_confidence';
      if (exchangeFailed) failures += 1;
    } else if (message.role === 'bot' && !exchangeFailed && (message.fallback === true || failure?.detected === true)) {
      exchangeFailed = true;
      failures += 1;
    }
  });
  return failures;
}

function turnList(turns: readonly number[]): string {
  const listed = turns.slice(0, MAX_LISTED_TURNS);
  const rest = turns.length - listed.length;
  const head =
    listed.length === 1
      ? `turn ${listed[0]}`
      : `turns ${listed.slice(0, -1).join(', ')} and ${listed[listed.length - 1]}`;
  return rest > 0 ? `${head} (+${rest} more)` : head;
}

/** Pairs [later turn, earlier turn] where the customer repeated themselves, by the same test as the facts. */
function repeatedTurns(user: readonly { turn: number; analysis: MessageAnalysis }[]): [number, number][] {
  const pairs: [number, number][] = [];
  const withContent = user.filter(({ analysis }) => analysis.tokens.length >= 2);
  withContent.forEach((later, j) => {
    const earlier = withContent
      .slice(Math.max(0, j - REPEAT_WINDOW), j)
      .find((candidate) => isRepeat(candidate.analysis.tokens, later.analysis.tokens));
    if (earlier) pairs.push([later.turn, earlier.turn]);
  });
  return pairs;
}

function sentimentLine(
  sentiments: readonly MessageAnalysis['sentiment'][],
  trend: number,
): string | null {
  const last = sentiments[sentiments.length - 1];
  if (last === undefined) return null;
  const direction = trend <= -TREND_THRESHOLD ? 'worsening' : trend >= TREND_THRESHOLD ? 'improving' : 'steady';
  return `Sentiment ${direction} (trend ${signed(trend)}), last turn ${last.label} (${signed(last.score)})`;
}

function signed(value: number): string {
  const fixed = value.toFixed(2);
  return value > 0 ? `+${fixed}` : fixed === '-0.00' ? '0.00' : fixed;
}

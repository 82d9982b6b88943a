import { lazySchema } from './lazy-schema';

/**
 * The rule vocabulary. Rules speak only in these names (plus `attributes.*`); each entry
 * says what the value is, so the README table and the rule-pack validator share one source.
 */
export const FACTS = {
  'sentiment.current': { type: 'number', description: 'Sentiment of the latest user message, -1 to 1.' },
  'sentiment.average': { type: 'number', description: 'Mean sentiment over all user messages, -1 to 1.' },
  'sentiment.minimum': { type: 'number', description: 'Lowest sentiment of any user message, -1 to 1.' },
  'sentiment.trend': {
    type: 'number',
    description: 'Slope of sentiment per user turn over the last 5 user turns; negative means getting worse.',
  },
  'sentiment.negativeStreak': {
    type: 'number',
    description: 'How many of the latest user messages in a row are negative.',
  },
  'frustration.score': {
    type: 'number',
    description: 'Frustration 0 to 1, accumulated over turns with decay: signals, repetition and bot failures.',
  },
  'frustration.level': { type: 'string', description: "Frustration as a level: 'none', 'low', 'medium' or 'high'." },
  'frustration.signals': {
    type: 'number',
    description: 'Frustration signals (shouting, insults, phrases, ...) in the latest user message.',
  },
  'humanRequest.detected': {
    type: 'boolean',
    description: 'The customer asked for a person at some user turn since the last handback.',
  },
  'humanRequest.latest': { type: 'boolean', description: 'The latest user message asks for a person.' },
  'humanRequest.count': { type: 'number', description: 'User messages that asked for a person.' },
  'bot.consecutiveFallbacks': {
    type: 'number',
    description: 'Bot failures in a row (fallback flag, fallback-like text, low intent confidence) since the bot last answered.',
  },
  'bot.totalFallbacks': { type: 'number', description: 'Bot failures in the whole conversation.' },
  'bot.loop': { type: 'boolean', description: 'The bot sent the same (or nearly the same) reply twice in a row, with the same numbers.' },
  'bot.error': {
    type: 'boolean',
    description: 'The bot reports a technical failure: `environment.botError`, or its latest message has `error: true`.',
  },
  'bot.lowConfidence': {
    type: 'boolean',
    description: 'The intent read from the latest user message has confidence under the low-confidence bound.',
  },
  'user.repeats': {
    type: 'number',
    description: 'User messages that repeat or rephrase an earlier user message.',
  },
  'user.repeatedLatest': {
    type: 'boolean',
    description: 'The latest user message repeats or rephrases an earlier one.',
  },
  'user.saysResolved': {
    type: 'boolean',
    description: 'The latest user message says the problem is solved or nothing more is needed.',
  },
  'topics.sensitive': {
    type: 'array',
    description:
      "Sensitive topics raised so far: 'fraud', 'account_compromise', 'bereavement', 'legal', 'safety', 'cancellation'.",
  },
  'topics.latest': { type: 'array', description: 'Sensitive topics raised in the latest user message.' },
  'turns.user': { type: 'number', description: 'User messages so far.' },
  'turns.bot': { type: 'number', description: 'Bot messages so far.' },
  'turns.total': { type: 'number', description: 'All messages so far.' },
  'customer.tier': { type: 'string', description: "The customer's tier, or 'standard' when not given." },
  'customer.value': { type: 'number', description: "The customer's value, or 0 when not given." },
  'channel': { type: 'string', description: "The conversation's channel, or 'unknown'." },
  'environment.agentsAvailable': {
    type: 'number',
    description: 'Agents free across all queues, or -1 when the environment does not say.',
  },
  'environment.withinBusinessHours': {
    type: 'boolean',
    description: 'The desk is open at `environment.now` (true when no business hours or no time are given).',
  },
} as const satisfies Record<string, { type: 'number' | 'string' | 'boolean' | 'array'; description: string }>;

export type FactName = keyof typeof FACTS;

export const FactNameSchema = lazySchema((z) => z.enum(Object.keys(FACTS) as [FactName, ...FactName[]]));

/** Prefix of facts read from `conversation.attributes`, e.g. `attributes.plan`. */
export const ATTRIBUTE_FACT_PREFIX = 'attributes.';

/** The values of every fact at one point in the conversation. */
export type Facts = {
  [K in FactName]: (typeof FACTS)[K]['type'] extends 'number'
    ? number
    : (typeof FACTS)[K]['type'] extends 'boolean'
      ? boolean
      : (typeof FACTS)[K]['type'] extends 'array'
        ? string[]
        : string;
};

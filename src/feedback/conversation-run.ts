import type { Escalator, Session } from '../escalator';
import type { Conversation } from '../schema/conversation';
import type { EnvironmentInput } from '../schema/environment';
import { excerptOf } from '../facts/excerpt';
import { redactText } from '../packet/redact';

/** An escalation (the first of the conversation) or a bot fallback, with what came just before it. */
export interface GapEvent {
  readonly kind: 'escalation' | 'fallback';
  readonly messageIndex: number;
  /** User turn of the event (0 before any user message). */
  readonly turn: number;
  /** Intent of the latest user message at the event; null when it has none. */
  readonly intent: string | null;
  /** Sensitive topics raised so far. */
  readonly topics: readonly string[];
  /** The bot reply before the event, normalised and redacted; null when there is none. */
  readonly botReply: string | null;
  /** The latest user message at the event, redacted and shortened; null before any. */
  readonly excerpt: string | null;
}

/** What the replay of one conversation leaves for the report: small, plain, safe to send between threads. */
export interface ConversationRun {
  readonly id: string;
  readonly escalated: boolean;
  /** User turn of the first escalation, or null. */
  readonly firstEscalationTurn: number | null;
  /** Rules that fired at some message, sorted. */
  readonly rulesFired: readonly string[];
  readonly events: readonly GapEvent[];
}

/** Bot replies grouped by this key: redacted, lower case, numbers as `#`, whitespace collapsed, shortened. */
export function normaliseReply(text: string): string {
  return excerptOf(redactText(text).text.toLowerCase().replace(/\d+/g, '#'));
}

function numberFact(facts: Record<string, unknown>, name: string): number {
  const v = facts[name];
  return typeof v === 'number' ? v : 0;
}

function topicsFact(facts: Record<string, unknown>): string[] {
  const v = facts['topics.sensitive'];
  return Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [];
}

/** A session opened with the conversation's own id, channel, locale, customer and attributes, as the bot had them. */
export function sessionFor(escalator: Escalator, conversation: Conversation): Session {
  const { id, channel, locale, customer, attributes } = conversation;
  return escalator.session({
    conversationId: id,
    ...(channel === undefined ? {} : { channel }),
    ...(locale === undefined ? {} : { locale }),
    ...(customer === undefined ? {} : { customer }),
    ...(attributes === undefined ? {} : { attributes }),
  });
}

/**
 * Replays one validated conversation message by message through a session, as a bot would,
 * noting the first escalation, every rule that fired, and each bot fallback (a rise of
 * `bot.totalFallbacks`) with the intent, topics and bot reply before it.
 */
export async function runConversation(escalator: Escalator, conversation: Conversation, environment?: EnvironmentInput): Promise<ConversationRun> {
  const id = conversation.id;
  const session = sessionFor(escalator, conversation);
  const fired = new Set<string>();
  const events: GapEvent[] = [];
  let firstEscalationTurn: number | null = null;
  let fallbacks = 0;
  let lastUser: { text: string; intent: string | null } | null = null;
  let lastBot: string | null = null;
  const messages = conversation.messages;
  for (let i = 0; i < messages.length; i++) {
    const message = messages[i]!;
    const { decision, trace } = await session.push(message, environment);
    if (message.role === 'user') lastUser = { text: message.text, intent: message.intent?.name ?? null };
    for (const rule of trace.rules) if (rule.fired) fired.add(rule.rule);
    const facts = trace.facts as Record<string, unknown>;
    const event = (kind: GapEvent['kind']): GapEvent => ({
      kind,
      messageIndex: i,
      turn: trace.turn,
      intent: lastUser?.intent ?? null,
      topics: topicsFact(facts),
      botReply: lastBot === null ? null : normaliseReply(lastBot),
      excerpt: lastUser === null ? null : excerptOf(lastUser.text),
    });
    const total = numberFact(facts, 'bot.totalFallbacks');
    if (total > fallbacks) events.push(event('fallback'));
    fallbacks = total;
    if (decision.escalate && firstEscalationTurn === null) {
      firstEscalationTurn = decision.triggeredAtTurn ?? trace.turn;
      events.push(event('escalation'));
    }
    // Read after the event: the reply *before* a fallback is the script the customer could not follow.
    if (message.role === 'bot') lastBot = message.text;
  }
  return { id, escalated: firstEscalationTurn !== null, firstEscalationTurn, rulesFired: [...fired].sort(), events };
}


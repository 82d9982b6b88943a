import type { SensitiveTopic } from '../schema/analysis';
import type { Reason } from '../schema/decision';
import {
  PACKET_VERSION,
  RedactionKindSchema,
  type HandoffPacket,
  type RedactionKind,
  type TranscriptLine,
} from '../schema/packet';
import { extractEntities } from './entities';
import { suggestOpening } from './opening';
import { redactText } from './redact';
import { buildSummary, countBotFailures } from './summary';
import { userTurns } from './turns';
import type { PacketInput, PacketOffset } from './types';
import { invalidArgument, isPlainObject } from '../schema/argument';

const NO_OFFSET: PacketOffset = { messages: 0, userTurns: 0 };

/** The shape the builder relies on, checked so a caller without types gets a ValidationError. */
function checkPacketInput(input: PacketInput): void {
  if (!isPlainObject(input)) invalidArgument('packet input', 'an object', input);
  if (!Array.isArray(input.messages)) invalidArgument('packet input', 'an array of messages', input.messages, 'messages');
  if (!Array.isArray(input.analyses)) invalidArgument('packet input', 'an array of analyses', input.analyses, 'analyses');
  if (input.analyses.length !== input.messages.length) {
    invalidArgument('packet input', `one analysis per message (${input.messages.length})`, input.analyses, 'analyses');
  }
  if (!isPlainObject(input.decision)) invalidArgument('packet input', 'a decision', input.decision, 'decision');
}

/** Below this average sentiment the opening apologises even when the bot never failed. */
const NEGATIVE_AVERAGE = -0.2;

/** The warm handoff packet for the agent; deterministic, redacted, and valid against `HandoffPacketSchema`. */
export function buildPacket(input: PacketInput): HandoffPacket {
  checkPacketInput(input);
  const offset = input.offset ?? NO_OFFSET;
  const turns = userTurns(input.messages, offset.userTurns);
  // Every kind is listed, zeros included: the schema's record over the kind enum requires all keys.
  const byKind = Object.fromEntries(RedactionKindSchema.options.map((kind) => [kind, 0])) as Record<
    RedactionKind,
    number
  >;
  const redacted = input.messages.map((message) => {
    const result = redactText(message.text);
    for (const [kind, count] of Object.entries(result.counts) as [RedactionKind, number][]) byKind[kind] += count;
    return result.text;
  });

  const transcript = input.messages.map((message, index): TranscriptLine => {
    const line: TranscriptLine = { index: offset.messages + index, role: message.role, turn: turns[index] ?? null, text: redacted[index] ?? '' };
    if (message.timestamp !== undefined) line.timestamp = message.timestamp;
    if (message.intent !== undefined) line.intent = message.intent.name;
    if (message.fallback !== undefined) line.fallback = message.fallback;
    return line;
  });

  const userAnalyses = input.messages.flatMap((message, index) => {
    const analysis = input.analyses[index];
    const turn = turns[index];
    return message.role === 'user' && analysis !== undefined && turn != null ? [{ turn, analysis }] : [];
  });

  const perTurn = userAnalyses.map(({ turn, analysis }) => ({
    turn,
    score: analysis.sentiment.score,
    label: analysis.sentiment.label,
  }));
  const average = perTurn.length === 0 ? 0 : perTurn.reduce((sum, entry) => sum + entry.score, 0) / perTurn.length;

  const signals = userAnalyses.flatMap(({ turn, analysis }) =>
    analysis.frustration.signals.map((signal) => ({
      turn,
      kind: signal.kind,
      excerpt: redactText(signal.excerpt).text,
    })),
  );

  const topics: SensitiveTopic[] = [];
  for (const { analysis } of userAnalyses) {
    for (const match of analysis.topics) if (!topics.includes(match.topic)) topics.push(match.topic);
  }

  const summary = buildSummary(input, redacted);
  const entities = extractEntities(input.messages, input.analyses, offset);
  const botFailed = countBotFailures(input.messages, input.analyses) > 0;
  const negative =
    average <= NEGATIVE_AVERAGE ||
    perTurn[perTurn.length - 1]?.label === 'negative' ||
    input.frustration.level === 'medium' ||
    input.frustration.level === 'high';

  return {
    version: PACKET_VERSION,
    conversationId: input.conversationId,
    createdAt: input.now ?? null,
    channel: input.channel ?? null,
    locale: input.locale ?? null,
    customer: {
      id: input.customer?.id ?? null,
      name: input.customer?.name ?? null,
      tier: input.customer?.tier ?? null,
    },
    decision: {
      action: input.decision.action,
      priority: input.decision.priority,
      queue: input.decision.queue,
      risk: input.decision.risk,
      triggeredAtTurn: input.decision.triggeredAtTurn,
      reasons: input.decision.reasons.map(redactReason),
    },
    summary,
    entities,
    sentiment: { perTurn, trend: input.sentimentTrend, average },
    frustration: { score: input.frustration.score, level: input.frustration.level, signals },
    topics,
    transcript,
    redactions: { total: Object.values(byKind).reduce((sum, count) => sum + count, 0), byKind },
    suggestedOpening: suggestOpening({
      customerName: input.customer?.name ?? null,
      issue: summary.issue,
      topics,
      entities,
      negative,
      botFailed,
    }),
    truncated: input.truncated ?? null,
  };
}

/** Evidence excerpts should arrive redacted; redacting again costs little and is idempotent. */
function redactReason(reason: Reason): Reason {
  return {
    ...reason,
    evidence: reason.evidence.map((evidence) => ({ ...evidence, excerpt: redactText(evidence.excerpt).text })),
  };
}

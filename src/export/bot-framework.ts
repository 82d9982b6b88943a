import type { Action, Priority, Reason } from '../schema/decision';
import type { SensitiveTopic } from '../schema/analysis';
import type { Entity, HandoffPacket, TranscriptLine } from '../schema/packet';
import { checkExportOptions, checkPacket, lastSentiment, type JsonValue } from './common';

/*
 * Microsoft Bot Framework handoff protocol. A bot asks an agent hub for a person by sending an
 * event activity named `handoff.initiate` whose `value` is the hub-specific routing context and
 * whose attachment is the transcript of the conversation so far:
 * - "Transition conversations from bot to human", Azure AI Bot Service docs,
 *   https://learn.microsoft.com/en-us/azure/bot-service/bot-service-design-pattern-handoff-human
 *   (the handoff initiation event: "the context of the handoff request that is necessary to route
 *   the conversation to the right agent" and "the transcript of the conversation").
 * - `EventFactory.createHandoffInitiation(context, handoffContext, transcript)`, botbuilder for
 *   JavaScript, https://learn.microsoft.com/en-us/javascript/api/botbuilder/eventfactory: the
 *   reference implementation this exporter matches field for field (test/export/bot-framework.test.ts
 *   compares the two). It attaches the transcript as `{ name: 'Transcript', contentType:
 *   'application/json', content: { activities } }`, copies `from`, `conversation`, `channelId`,
 *   `serviceUrl` and the conversation reference (`relatesTo`) of the user's latest activity, and
 *   replies to it (`replyToId`).
 * - Bot Framework Activity schema (event activity, channel and conversation accounts):
 *   https://github.com/microsoft/botframework-sdk/blob/main/specs/botframework-activity/botframework-activity.md
 *
 * The SDK stamps a random id, the machine's clock and its time zone; here the id and timestamp
 * come from the packet or the options, so the same packet always gives the same activity.
 */

import { BOT_FRAMEWORK_HANDOFF_INITIATE } from './names';
export { BOT_FRAMEWORK_HANDOFF_INITIATE };

/** A Bot Framework channel account (`from`, `recipient`, `user`, `bot`). */
export interface BotFrameworkAccount {
  readonly id: string;
  readonly name: string;
  /** `user`, `bot` or `skill`. */
  readonly role?: string;
  readonly aadObjectId?: string;
}

/** A Bot Framework conversation account. */
export interface BotFrameworkConversation {
  readonly id: string;
  readonly name: string;
  readonly isGroup: boolean;
  readonly conversationType: string;
  readonly tenantId?: string;
  readonly aadObjectId?: string;
}

/** Where the conversation lives: botbuilder's `ConversationReference`. */
export interface BotFrameworkConversationReference {
  readonly activityId?: string;
  readonly user: BotFrameworkAccount;
  readonly bot: BotFrameworkAccount;
  readonly conversation: BotFrameworkConversation;
  readonly channelId: string;
  readonly serviceUrl?: string;
  readonly locale?: string;
}

/** The routing context in the event's `value`, read by the agent hub. */
export interface BotFrameworkHandoffContext {
  /** The skill (queue) to route to, as in the protocol's example `{ Skill: 'credit cards' }`. */
  readonly skill: string;
  readonly queue: string;
  readonly priority: Priority;
  readonly action: Action;
  readonly risk: number;
  readonly triggeredAtTurn: number | null;
  readonly reasons: readonly Reason[];
  readonly conversationId: string;
  readonly customer: HandoffPacket['customer'];
  readonly summary: HandoffPacket['summary'];
  readonly topics: readonly SensitiveTopic[];
  readonly entities: readonly Entity[];
  readonly sentiment: {
    readonly trend: number;
    readonly average: number;
    readonly last: 'negative' | 'neutral' | 'positive' | null;
  };
  readonly frustration: { readonly level: HandoffPacket['frustration']['level']; readonly score: number };
  /** Secrets redacted from the transcript. */
  readonly redactions: number;
  /** Null when the whole conversation was evaluated; else what the escalator's limits left out. */
  readonly truncated: HandoffPacket['truncated'];
  readonly suggestedOpening: string;
  readonly packetVersion: HandoffPacket['version'];
  readonly [key: string]: unknown;
}

/** One message of the transcript attachment, as a message activity. */
export interface BotFrameworkTranscriptActivity {
  readonly type: 'message';
  readonly timestamp?: string;
  readonly channelId: string;
  readonly conversation: BotFrameworkConversation;
  readonly from: BotFrameworkAccount;
  readonly recipient: BotFrameworkAccount;
  readonly locale?: string;
  /** The message, redacted. */
  readonly text: string;
  readonly textFormat: 'plain';
  /** What the activity schema has no field for: the packet's role, user turn, intent and fallback flag. */
  readonly channelData: {
    readonly role: TranscriptLine['role'];
    readonly turn: number | null;
    readonly intent?: string;
    readonly fallback?: boolean;
  };
}

export interface BotFrameworkTranscriptAttachment {
  readonly name: 'Transcript';
  readonly contentType: 'application/json';
  readonly content: { readonly activities: readonly BotFrameworkTranscriptActivity[] };
}

/** The `handoff.initiate` event activity, as JSON on the wire. */
export interface BotFrameworkHandoffActivity {
  readonly type: 'event';
  readonly name: typeof BOT_FRAMEWORK_HANDOFF_INITIATE;
  readonly id: string;
  /** ISO 8601, from the options or the packet's `createdAt`; absent when neither gives one. */
  readonly timestamp?: string;
  readonly localTimezone?: string;
  readonly channelId: string;
  readonly serviceUrl?: string;
  /** As botbuilder's factory sets it: the `from` of the user's latest activity. Sending through a `TurnContext` makes it the bot. */
  readonly from: BotFrameworkAccount;
  readonly conversation: BotFrameworkConversation;
  readonly relatesTo: BotFrameworkConversationReference;
  readonly replyToId?: string;
  readonly value: BotFrameworkHandoffContext;
  readonly attachments: readonly [BotFrameworkTranscriptAttachment];
  readonly entities: readonly [];
}

/** Where the conversation lives; each field left out is filled from the packet. */
export interface BotFrameworkReferenceInput {
  readonly activityId?: string | undefined;
  readonly user?: BotFrameworkAccount | undefined;
  readonly bot?: BotFrameworkAccount | undefined;
  readonly conversation?: BotFrameworkConversation | undefined;
  readonly channelId?: string | undefined;
  readonly serviceUrl?: string | undefined;
  readonly locale?: string | undefined;
}

export interface BotFrameworkHandoffOptions {
  /**
   * The conversation reference of the user's latest activity, e.g.
   * `TurnContext.getConversationReference(context.activity)`.
   * @default the packet's conversation id, channel and locale; the customer as user; `{ id: 'bot', name: 'Bot' }` as bot
   */
  readonly reference?: BotFrameworkReferenceInput;
  /** The skill (queue) the hub routes to. @default packet.decision.queue */
  readonly skill?: string;
  /** Hub-specific fields added to `value` (they win over the packet's). */
  readonly context?: Readonly<Record<string, JsonValue>>;
  /** The activity id. @default `<conversationId>/handoff/<triggeredAtTurn>` */
  readonly id?: string;
  /** ISO 8601 time of the event. @default packet.createdAt */
  readonly timestamp?: string;
  /** IANA time zone of the sender, e.g. `Europe/London`. @default absent */
  readonly localTimezone?: string;
  /** The account human agents' messages in the transcript come from. @default `{ id: 'agent', name: 'Agent', role: 'user' }` */
  readonly agent?: BotFrameworkAccount;
}

const DEFAULT_BOT: BotFrameworkAccount = { id: 'bot', name: 'Bot', role: 'bot' };
const DEFAULT_AGENT: BotFrameworkAccount = { id: 'agent', name: 'Agent', role: 'user' };
const SYSTEM: BotFrameworkAccount = { id: 'system', name: 'System', role: 'bot' };

/**
 * The packet as a Bot Framework `handoff.initiate` event: routing context in `value`, the
 * redacted transcript as a `Transcript` attachment of message activities.
 * @example await context.sendActivity(toBotFrameworkHandoff(packet, { reference: TurnContext.getConversationReference(context.activity) }))
 */
export function toBotFrameworkHandoff(packet: HandoffPacket, options: BotFrameworkHandoffOptions = {}): BotFrameworkHandoffActivity {
  const p = checkPacket(packet);
  checkExportOptions(options, 'Bot Framework options');
  const reference = resolveReference(p, options.reference ?? {});
  const timestamp = options.timestamp ?? p.createdAt ?? undefined;
  const activities = p.transcript.map((line) => transcriptActivity(line, reference, options.agent ?? DEFAULT_AGENT));
  return {
    type: 'event',
    name: BOT_FRAMEWORK_HANDOFF_INITIATE,
    id: options.id ?? `${p.conversationId}/handoff/${p.decision.triggeredAtTurn ?? 0}`,
    ...(timestamp === undefined ? {} : { timestamp }),
    ...(options.localTimezone === undefined ? {} : { localTimezone: options.localTimezone }),
    channelId: reference.channelId,
    ...(reference.serviceUrl === undefined ? {} : { serviceUrl: reference.serviceUrl }),
    from: { ...reference.user },
    conversation: { ...reference.conversation },
    relatesTo: reference,
    ...(reference.activityId === undefined ? {} : { replyToId: reference.activityId }),
    value: { ...handoffContext(p, options.skill ?? p.decision.queue), ...options.context },
    attachments: [{ name: 'Transcript', contentType: 'application/json', content: { activities } }],
    entities: [],
  };
}

function resolveReference(packet: HandoffPacket, input: BotFrameworkReferenceInput): BotFrameworkConversationReference {
  const locale = input.locale ?? packet.locale ?? undefined;
  return {
    ...(input.activityId === undefined ? {} : { activityId: input.activityId }),
    user: { ...(input.user ?? customerAccount(packet)) },
    bot: { ...(input.bot ?? DEFAULT_BOT) },
    conversation: {
      ...(input.conversation ?? { id: packet.conversationId, name: '', isGroup: false, conversationType: 'personal' }),
    },
    channelId: input.channelId ?? packet.channel ?? 'unknown',
    ...(input.serviceUrl === undefined ? {} : { serviceUrl: input.serviceUrl }),
    ...(locale === undefined ? {} : { locale }),
  };
}

function customerAccount(packet: HandoffPacket): BotFrameworkAccount {
  return { id: packet.customer.id ?? 'customer', name: packet.customer.name ?? 'Customer', role: 'user' };
}

function handoffContext(packet: HandoffPacket, skill: string): BotFrameworkHandoffContext {
  const { decision } = packet;
  return {
    skill,
    queue: decision.queue,
    priority: decision.priority,
    action: decision.action,
    risk: decision.risk,
    triggeredAtTurn: decision.triggeredAtTurn,
    reasons: decision.reasons,
    conversationId: packet.conversationId,
    customer: packet.customer,
    summary: packet.summary,
    topics: packet.topics,
    entities: packet.entities,
    sentiment: {
      trend: packet.sentiment.trend,
      average: packet.sentiment.average,
      last: lastSentiment(packet)?.label ?? null,
    },
    frustration: { level: packet.frustration.level, score: packet.frustration.score },
    redactions: packet.redactions.total,
    truncated: packet.truncated,
    suggestedOpening: packet.suggestedOpening,
    packetVersion: packet.version,
  };
}

function transcriptActivity(
  line: TranscriptLine,
  reference: BotFrameworkConversationReference,
  agent: BotFrameworkAccount,
): BotFrameworkTranscriptActivity {
  const from = line.role === 'user' ? reference.user : line.role === 'bot' ? reference.bot : line.role === 'agent' ? agent : SYSTEM;
  const recipient = line.role === 'user' ? reference.bot : reference.user;
  return {
    type: 'message',
    ...(line.timestamp === undefined ? {} : { timestamp: line.timestamp }),
    channelId: reference.channelId,
    conversation: { ...reference.conversation },
    from: { ...from },
    recipient: { ...recipient },
    ...(reference.locale === undefined ? {} : { locale: reference.locale }),
    text: line.text,
    textFormat: 'plain',
    channelData: {
      role: line.role,
      turn: line.turn,
      ...(line.intent === undefined ? {} : { intent: line.intent }),
      ...(line.fallback === undefined ? {} : { fallback: line.fallback }),
    },
  };
}

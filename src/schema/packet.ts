import type { z } from 'zod';
import { lazySchema } from './lazy-schema';
import { ActionSchema, PrioritySchema, ReasonSchema } from './decision';
import { FrustrationSignalKindSchema, SentimentLabelSchema, SensitiveTopicSchema } from './analysis';
import { RoleSchema } from './conversation';

export const PACKET_VERSION = 1;

export const RedactionKindSchema = lazySchema((z) => z.enum(['card', 'cvv', 'iban', 'ssn', 'password', 'otp']));

export const EntityKindSchema = lazySchema((z) => z.enum(['person', 'email', 'phone', 'amount', 'date', 'orderId']));

export const EntitySchema = lazySchema((z) => z.strictObject({
  kind: EntityKindSchema,
  value: z.string(),
  /** User turn (from 1) where it was said, or null when a bot or agent message said it. */
  turn: z.number().int().min(1).nullable(),
  messageIndex: z.number().int().min(0),
}));

export const TranscriptLineSchema = lazySchema((z) => z.strictObject({
  index: z.number().int().min(0),
  role: RoleSchema,
  /** User turn (from 1) for user messages, null for others. */
  turn: z.number().int().min(1).nullable(),
  text: z.string(),
  timestamp: z.string().optional(),
  intent: z.string().optional(),
  fallback: z.boolean().optional(),
}));

/**
 * What `limits.overflow: 'truncate'` left out of the evaluation (and so of this packet). A
 * session read its dropped messages before letting them go: there, only the transcript (and
 * what the packet draws from it) lacks them, and indexes and turns stay the conversation's.
 */
export const TruncationSchema = lazySchema((z) => z.strictObject({
  /**
   * The oldest messages dropped. After `evaluate` and `replay`, message indexes and turns in the
   * packet count from the first message kept; after a session push, from the conversation's first.
   */
  droppedMessages: z.number().int().min(0),
  /** Characters not evaluated (a session: no longer held): those of the dropped messages and the cut tails of long ones. */
  droppedChars: z.number().int().min(0),
  /** Messages kept but cut to their first `limits.maxMessageChars` characters. */
  cutMessages: z.number().int().min(0),
}));

export const HandoffPacketSchema = lazySchema((z) => z.strictObject({
  version: z.literal(PACKET_VERSION),
  conversationId: z.string(),
  /** `environment.now` when given, else null: the library reads no clock. */
  createdAt: z.string().nullable(),
  channel: z.string().nullable(),
  locale: z.string().nullable(),
  customer: z.strictObject({
    id: z.string().nullable(),
    name: z.string().nullable(),
    tier: z.string().nullable(),
  }),
  decision: z.strictObject({
    action: ActionSchema,
    priority: PrioritySchema,
    queue: z.string(),
    risk: z.number().min(0).max(1),
    triggeredAtTurn: z.number().int().min(1).nullable(),
    reasons: z.array(ReasonSchema),
  }),
  summary: z.strictObject({
    /** The customer's issue in their own words (redacted). */
    issue: z.string(),
    /** What the bot tried: its intents and replies, in order, without repeats. */
    botAttempts: z.array(z.string()),
    /** Short lines for the agent: topics, requests, failures, sentiment. */
    keyPoints: z.array(z.string()),
  }),
  entities: z.array(EntitySchema),
  sentiment: z.strictObject({
    perTurn: z.array(z.strictObject({ turn: z.number().int().min(1), score: z.number(), label: SentimentLabelSchema })),
    trend: z.number(),
    average: z.number(),
  }),
  frustration: z.strictObject({
    score: z.number().min(0).max(1),
    level: z.enum(['none', 'low', 'medium', 'high']),
    signals: z.array(
      z.strictObject({ turn: z.number().int().min(1), kind: FrustrationSignalKindSchema, excerpt: z.string() }),
    ),
  }),
  topics: z.array(SensitiveTopicSchema),
  transcript: z.array(TranscriptLineSchema),
  redactions: z.strictObject({
    total: z.number().int().min(0),
    byKind: z.record(RedactionKindSchema, z.number().int().min(0)),
  }),
  /** A first line the agent can send, greeting the customer by name and naming the issue. */
  suggestedOpening: z.string(),
  /** Null when the whole conversation was evaluated; else what the limits left out. */
  truncated: TruncationSchema.nullable(),
}));

export type RedactionKind = z.infer<typeof RedactionKindSchema>;
export type EntityKind = z.infer<typeof EntityKindSchema>;
export type Entity = z.infer<typeof EntitySchema>;
export type TranscriptLine = z.infer<typeof TranscriptLineSchema>;
export type HandoffPacket = z.infer<typeof HandoffPacketSchema>;
export type Truncation = z.infer<typeof TruncationSchema>;

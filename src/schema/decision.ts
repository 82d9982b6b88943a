import type { z } from 'zod';
import { lazySchema } from './lazy-schema';

export const ActionSchema = lazySchema((z) => z.enum(['continue', 'watch', 'handoff', 'callback', 'ticket']));
export const PrioritySchema = lazySchema((z) => z.enum(['urgent', 'high', 'normal', 'low']));

/** Where a reason comes from in the conversation. */
export const EvidenceSchema = lazySchema((z) => z.strictObject({
  /** User turn, counted from 1; bot and system messages do not count. */
  turn: z.number().int().min(1),
  /** Index of the message in `conversation.messages`. */
  messageIndex: z.number().int().min(0),
  /** The words that showed the signal, redacted. */
  excerpt: z.string(),
  /** What was seen, e.g. `human request`, `bot fallback`, `negative sentiment -0.62`. */
  signal: z.string(),
}));

export const ReasonSchema = lazySchema((z) => z.strictObject({
  rule: z.string(),
  reason: z.string(),
  description: z.string(),
  priority: PrioritySchema,
  queue: z.string().optional(),
  evidence: z.array(EvidenceSchema),
}));

export const DecisionSchema = lazySchema((z) => z.strictObject({
  escalate: z.boolean(),
  action: ActionSchema,
  priority: PrioritySchema,
  queue: z.string(),
  /** 0 to 1: how likely this conversation needs a person, given on every turn. */
  risk: z.number().min(0).max(1),
  reasons: z.array(ReasonSchema),
  /** What to tell the customer now; null when the bot simply carries on. */
  customerMessage: z.string().nullable(),
  /** User turn (from 1) at which the current escalation first triggered; null when not escalating. */
  triggeredAtTurn: z.number().int().min(1).nullable(),
  /** Rules whose `suppress` event held back an escalation on this turn, with their reason. */
  suppressed: z.array(z.strictObject({ rule: z.string(), reason: z.string() })),
}));

export type Action = z.infer<typeof ActionSchema>;
export type Priority = z.infer<typeof PrioritySchema>;
export type Evidence = z.infer<typeof EvidenceSchema>;
export type Reason = z.infer<typeof ReasonSchema>;
export type Decision = z.infer<typeof DecisionSchema>;

/** Order of priorities from most to least pressing. */
export const PRIORITY_ORDER: readonly Priority[] = ['urgent', 'high', 'normal', 'low'];

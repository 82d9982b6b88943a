import type { z } from 'zod';
import { lazySchema } from './lazy-schema';

/** Who wrote a message. Only `user` messages count as turns. */
export const RoleSchema = lazySchema((z) => z.enum(['user', 'bot', 'agent', 'system']));

/** Free-form data a bot platform wants to keep next to a message, customer or conversation. */
export const AttributesSchema = lazySchema((z) => z.record(z.string(), z.unknown()));

/** The NLU reading of a message: intent name and its confidence in [0, 1]. */
export const IntentSchema = lazySchema((z) => z.strictObject({
  name: z.string().min(1),
  confidence: z.number().min(0).max(1),
}));

export const MessageSchema = lazySchema((z) => z.strictObject({
  role: RoleSchema,
  text: z.string(),
  /** ISO 8601 date-time with offset, e.g. `2026-05-01T10:00:00Z`. */
  timestamp: z.iso.datetime({ offset: true }).optional(),
  intent: IntentSchema.optional(),
  /** Set by the bot on its own message when it did not understand the customer. */
  fallback: z.boolean().optional(),
  /** Set by the bot on its own message when a technical failure stopped it from answering. */
  error: z.boolean().optional(),
  attributes: AttributesSchema.optional(),
}));

export const CustomerSchema = lazySchema((z) => z.strictObject({
  id: z.string().min(1).optional(),
  name: z.string().min(1).optional(),
  /** Free text so teams keep their own tiers; the default pack treats `vip` and `gold` as high value. */
  tier: z.string().min(1).optional(),
  /** Lifetime or account value in the team's own unit; rules compare it with their own thresholds. */
  value: z.number().finite().optional(),
  phone: z.string().min(1).optional(),
  email: z.string().min(1).optional(),
  attributes: AttributesSchema.optional(),
}));

export const ConversationSchema = lazySchema((z) => z
  .strictObject({
    id: z.string().min(1),
    channel: z.string().min(1).optional(),
    /** BCP 47 language tag, e.g. `en`, `en-GB`, `es`. */
    locale: z.string().min(2).optional(),
    customer: CustomerSchema.optional(),
    messages: z.array(MessageSchema).min(1),
    attributes: AttributesSchema.optional(),
  })
  .superRefine((conversation, ctx) => {
    let previous: number | undefined;
    conversation.messages.forEach((message, index) => {
      if (message.timestamp === undefined) return;
      const at = Date.parse(message.timestamp);
      if (previous !== undefined && at < previous) {
        ctx.addIssue({
          code: 'custom',
          path: ['messages', index, 'timestamp'],
          message: 'expected a time at or after the previous message, found an earlier one',
        });
      }
      previous = at;
    });
  }));

export type Role = z.infer<typeof RoleSchema>;
export type Intent = z.infer<typeof IntentSchema>;
export type Message = z.infer<typeof MessageSchema>;
export type Customer = z.infer<typeof CustomerSchema>;
export type Conversation = z.infer<typeof ConversationSchema>;
/** What a caller may pass: the same as {@link Conversation}. */
export type ConversationInput = z.input<typeof ConversationSchema>;

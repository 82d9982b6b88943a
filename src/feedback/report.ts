import type { z } from 'zod';
import { lazySchema } from '../schema/lazy-schema';

const share = lazySchema((z) => z.number().min(0).max(1).nullable());

/** One redacted example behind a bot-gap group: the customer's words just before the event. */
export const GapExampleSchema = lazySchema((z) => z.strictObject({
  conversationId: z.string(),
  turn: z.number().int().min(0).describe('User turn (from 1) of the event; 0 before any user message.'),
  excerpt: z.string().describe('The latest user message at the event, redacted and shortened.'),
}));

/** Escalations and bot fallbacks that followed one intent, topic or bot reply. */
export const GapGroupSchema = lazySchema((z) => z.strictObject({
  key: z.string().describe('The intent name, sensitive topic, or normalised and redacted bot reply.'),
  events: z.number().int().min(0).describe('Escalations plus fallbacks in this group.'),
  escalations: z.number().int().min(0),
  fallbacks: z.number().int().min(0),
  conversations: z.number().int().min(0).describe('Distinct conversations with at least one event in this group.'),
  labelled: z.number().int().min(0).describe('Of those, conversations with an outcome.'),
  needed: z.number().int().min(0).describe("Of those, conversations whose outcome says a person was needed ('needed', 'late' or 'missed')."),
  neededShare: share.describe('needed / labelled; null when none is labelled.'),
  examples: z.array(GapExampleSchema).max(3),
}));

export const RuleStatsSchema = lazySchema((z) => z.strictObject({
  rule: z.string(),
  event: z.enum(['escalate', 'route', 'suppress']),
  fired: z.number().int().min(0).describe('Conversations in which the rule fired at least once.'),
  firedWithOutcome: z.number().int().min(0).describe('Of those, conversations with an outcome.'),
  unneeded: z.number().int().min(0).describe("Of those, conversations marked 'unneeded'."),
  unneededShare: share.describe('unneeded / firedWithOutcome: how often this rule fires where no person was needed.'),
  shareOfUnneeded: share.describe("unneeded / all conversations marked 'unneeded': this rule's part in the unneeded escalations."),
}));

export const TimingSchema = lazySchema((z) => z.strictObject({
  withIdealTurn: z.number().int().min(0).describe('Conversations that should escalate and give an ideal turn.'),
  measured: z.number().int().min(0).describe('Of those, the ones the replay escalated: each gives an offset.'),
  notEscalated: z.number().int().min(0).describe('Of those, the ones the replay did not escalate.'),
  early: z.number().int().min(0),
  onTime: z.number().int().min(0),
  late: z.number().int().min(0),
  meanOffset: z.number().nullable().describe('Mean of first escalation turn − ideal turn; negative is early.'),
  histogram: z.array(z.strictObject({ offset: z.number().int(), count: z.number().int().min(1) })).describe('Offsets, ascending.'),
}));

/** What `measure` returns: the rule pack replayed on logs, scored against agent outcomes. */
export const MeasureReportSchema = lazySchema((z) => z.strictObject({
  counts: z.strictObject({
    conversations: z.number().int().min(0).describe('Conversations replayed.'),
    withOutcome: z.number().int().min(0),
    withoutOutcome: z.number().int().min(0).describe('Replayed, but left out of precision and recall.'),
    outcomesWithoutConversation: z.number().int().min(0).describe('Outcome records whose conversation is not in the logs.'),
    byOutcome: z.strictObject({ needed: z.number().int(), unneeded: z.number().int(), late: z.number().int(), missed: z.number().int() }),
  }),
  escalated: z.number().int().min(0).describe('Conversations the replay escalated at some point.'),
  escalationRate: share.describe('escalated / conversations.'),
  confusion: z
    .strictObject({ tp: z.number().int(), fp: z.number().int(), fn: z.number().int(), tn: z.number().int() })
    .describe("Over conversations with an outcome: predicted = the replay escalated; actual = 'needed', 'late' or 'missed'."),
  precision: share,
  recall: share,
  f1: share,
  timing: TimingSchema,
  rules: z.array(RuleStatsSchema).describe('Every rule of the pack, most fired first.'),
  botGaps: z.strictObject({
    intents: z.array(GapGroupSchema).describe('By the intent of the latest user message at each escalation or fallback.'),
    topics: z.array(GapGroupSchema).describe('By the sensitive topics raised before each escalation or fallback.'),
    botReplies: z.array(GapGroupSchema).describe('By the bot reply just before each escalation or fallback (normalised, redacted, shortened).'),
  }),
}));

export type GapExample = z.infer<typeof GapExampleSchema>;
export type GapGroup = z.infer<typeof GapGroupSchema>;
export type RuleStats = z.infer<typeof RuleStatsSchema>;
export type Timing = z.infer<typeof TimingSchema>;
export type MeasureReport = z.infer<typeof MeasureReportSchema>;

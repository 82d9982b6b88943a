import type { z } from 'zod';
import { lazySchema } from './schema/lazy-schema';
import { AttributesSchema, CustomerSchema, MessageSchema } from './schema/conversation';
import { MessageAnalysisSchema } from './schema/analysis';
import { FactsStateSchema, initialFactsState } from './facts/state';
import { LatchSchema } from './decision/decide';

export const SESSION_STATE_VERSION = 1;

/** Who the session is about; the same fields as a conversation, without its messages. */
export const SessionInfoSchema = lazySchema((z) => z.strictObject({
  conversationId: z.string().min(1),
  channel: z.string().min(1).optional(),
  locale: z.string().min(2).optional(),
  customer: CustomerSchema.optional(),
  attributes: AttributesSchema.optional(),
}));

/**
 * Who has the conversation: the bot; nobody yet (`waiting` for a person after an escalation);
 * an `agent` (an agent message arrived); or no one any more (`closed`).
 */
export const SessionStatusSchema = lazySchema((z) => z.enum(['bot', 'waiting', 'agent', 'closed']));
export type SessionStatus = z.infer<typeof SessionStatusSchema>;

const count = lazySchema((z) => z.number().int().min(0));

/**
 * What `limits.overflow: 'truncate'` has taken out of a session: message `i` of `messages` is
 * message `messages + i` of the whole conversation, and its user turns are numbered after
 * `userTurns`, so indexes and turns stay those of the conversation however much was dropped.
 */
export const SessionDroppedSchema = lazySchema((z) => z.strictObject({
  /** The oldest messages dropped (with their analyses). */
  messages: count,
  /** How many of those were user messages. */
  userTurns: count,
  /** Characters no longer held: those of the dropped messages and the cut tails of long ones. */
  chars: count,
  /** Conversation indexes of the messages still held that were cut to their head. */
  cut: z.array(count),
}));

export type SessionDropped = z.infer<typeof SessionDroppedSchema>;

export function noneDropped(): SessionDropped {
  return { messages: 0, userTurns: 0, chars: 0, cut: [] };
}

/** Everything a session knows, as plain JSON: store it anywhere between turns and resume. */
export const SessionStateSchema = lazySchema((z) => z.strictObject({
  version: z.literal(SESSION_STATE_VERSION),
  info: SessionInfoSchema,
  messages: z.array(MessageSchema),
  /** One per message, without sentiment contributions, for the packet. */
  analyses: z.array(MessageAnalysisSchema),
  facts: FactsStateSchema,
  latch: LatchSchema.nullable(),
  risk: z.number().min(0).max(1),
  status: SessionStatusSchema,
  /** `environment.now` (or the message time) when the customer started waiting for a person. */
  waitingSince: z.iso.datetime({ offset: true }).nullable(),
  /** The last handback from an agent, if any; `atMessage` is the conversation index of the message after it. */
  handback: z.strictObject({ resolved: z.boolean(), atMessage: z.number().int().min(0) }).nullable(),
  /** Optional so that states saved before sessions could truncate still resume. */
  dropped: SessionDroppedSchema.default(noneDropped),
}));

export type SessionInfo = z.infer<typeof SessionInfoSchema>;
export type SessionInfoInput = z.input<typeof SessionInfoSchema>;
export type SessionState = z.infer<typeof SessionStateSchema>;

export function initialSessionState(info: SessionInfo): SessionState {
  return {
    version: SESSION_STATE_VERSION,
    info,
    messages: [],
    analyses: [],
    facts: initialFactsState(),
    latch: null,
    risk: 0,
    status: 'bot',
    waitingSince: null,
    handback: null,
    dropped: noneDropped(),
  };
}

/**
 * The state after a message, with the fields a step changes: a literal naming every field,
 * since an object spread of the state costs about ten times more (see copyFactsState).
 */
export function nextSessionState(
  s: SessionState,
  change: Pick<SessionState, 'facts' | 'latch' | 'risk' | 'status' | 'waitingSince'>,
): SessionState {
  return {
    version: s.version,
    info: s.info,
    messages: s.messages,
    analyses: s.analyses,
    facts: change.facts,
    latch: change.latch,
    risk: change.risk,
    status: change.status,
    waitingSince: change.waitingSince,
    handback: s.handback,
    dropped: s.dropped,
  };
}

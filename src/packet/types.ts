import type { Customer, Message } from '../schema/conversation';
import type { MessageAnalysis } from '../schema/analysis';
import type { Decision } from '../schema/decision';
import type { Truncation } from '../schema/packet';

/** Everything the packet builder needs; all of it is already computed by the earlier stages. */
export interface PacketInput {
  readonly conversationId: string;
  readonly channel?: string | undefined;
  readonly locale?: string | undefined;
  readonly customer?: Customer | undefined;
  /** The conversation so far, unredacted, in order. */
  readonly messages: readonly Message[];
  /** One analysis per message, index-aligned with `messages`. */
  readonly analyses: readonly MessageAnalysis[];
  readonly decision: Decision;
  readonly frustration: { readonly score: number; readonly level: 'none' | 'low' | 'medium' | 'high' };
  readonly sentimentTrend: number;
  /** `environment.now`, copied into `createdAt`; the builder reads no clock. */
  readonly now?: string | undefined;
  /** What the limits left out of the conversation, copied into `truncated`. @default null */
  readonly truncated?: Truncation | null | undefined;
  /**
   * Messages and user turns of the conversation before `messages[0]` (a session that dropped
   * its oldest messages), so transcript indexes and turns stay the conversation's.
   * @default { messages: 0, userTurns: 0 }
   */
  readonly offset?: PacketOffset | undefined;
}

export interface PacketOffset {
  readonly messages: number;
  readonly userTurns: number;
}

// A tiny support bot: a few intents matched by keyword, a fallback when it does not
// understand, and a handoff step that asks warm-handoff, after every message, whether a
// person should take over.
import { randomUUID } from 'node:crypto';
import { createEscalator, type Customer, type EnvironmentInput, type Escalator, type HandoffPacket, type Message } from 'warm-handoff';

interface Intent {
  readonly name: string;
  readonly keywords: readonly string[];
  readonly reply: string;
}

const INTENTS: readonly Intent[] = [
  { name: 'greeting', keywords: ['hi', 'hello', 'hey'], reply: 'Hello! What can I do for you today?' },
  { name: 'order_status', keywords: ['order', 'parcel', 'delivery', 'package'], reply: 'Your order is on its way: you can follow it from the Orders page.' },
  { name: 'returns', keywords: ['return', 'refund'], reply: 'You can return any item within 30 days from the Orders page.' },
  { name: 'opening_hours', keywords: ['open', 'opening', 'hours'], reply: 'Our team is there from 9:00 to 17:00, Monday to Friday.' },
];

export const FALLBACK = "Sorry, I didn't catch that. Try asking about an order, a return or our opening hours.";

/** What the bot did after one customer message. */
export interface BotTurn {
  /** The bot's messages, in order (its answer, then the handoff message when it hands over). */
  readonly replies: readonly string[];
  /** Set when the conversation went to a person: how, where, and the packet for the agent. */
  readonly handoff: { readonly action: string; readonly queue: string; readonly priority: string; readonly packet: HandoffPacket } | null;
}

export interface BotOptions {
  readonly escalator?: Escalator;
  readonly customer?: Customer;
  /** The desk's state (agents, queues, hours); the bot adds `now` from its clock. */
  readonly environment?: EnvironmentInput;
  /** @default () => new Date() */
  readonly clock?: () => Date;
}

/** The intent whose keyword the text contains, as a whole word, or null. */
export function classify(text: string): Intent | null {
  const words = new Set(text.toLowerCase().match(/[a-z']+/g) ?? []);
  return INTENTS.find((intent) => intent.keywords.some((k) => words.has(k))) ?? null;
}

export function createBot(options: BotOptions = {}) {
  const escalator = options.escalator ?? createEscalator();
  const clock = options.clock ?? (() => new Date());
  const session = escalator.session({ conversationId: randomUUID(), ...(options.customer === undefined ? {} : { customer: options.customer }) });
  const transcript: Message[] = [];
  let handedOff = false;

  async function record(message: Omit<Message, 'timestamp'>) {
    const now = clock().toISOString();
    const stamped = { ...message, timestamp: now };
    transcript.push(stamped);
    return session.push(stamped, { ...options.environment, now });
  }

  return {
    /** Every message so far, customer's and bot's, as warm-handoff reads them. */
    transcript: transcript as readonly Message[],

    /** Handles one customer message. */
    async reply(text: string): Promise<BotTurn> {
      const intent = classify(text);
      let result = await record({ role: 'user', text, ...(intent === null ? {} : { intent: { name: intent.name, confidence: 0.9 } }) });
      const replies: string[] = [];
      if (!handedOff && !result.decision.escalate) {
        const answer = intent?.reply ?? FALLBACK;
        replies.push(answer);
        result = await record({ role: 'bot', text: answer, ...(intent === null ? { fallback: true } : {}) });
      }
      // The handoff step: once warm-handoff says so, a person takes over with the packet.
      if (!handedOff && result.decision.escalate && result.packet !== undefined) {
        handedOff = true;
        const message = result.decision.customerMessage ?? 'I am passing you to a member of our team.';
        replies.push(message);
        await record({ role: 'bot', text: message });
        const { action, queue, priority } = result.decision;
        return { replies, handoff: { action, queue, priority, packet: result.packet } };
      }
      return { replies, handoff: null };
    },
  };
}

export type Bot = ReturnType<typeof createBot>;

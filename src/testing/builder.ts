import type { z } from 'zod';
import { ConversationSchema, type ConversationInput, type CustomerSchema, type MessageSchema } from '../schema/conversation';
import type { EnvironmentInput } from '../schema/environment';
import { parseOrThrow } from '../schema/parse';
import { ValidationError } from '../errors';
import { invalidArgument, isPlainObject } from '../schema/argument';

type MessageInput = z.input<typeof MessageSchema>;
type CustomerInput = z.input<typeof CustomerSchema>;

/** Optional fields of one message added with `.user()`, `.bot()`, ...: timestamp, intent, attributes. */
export type MessageExtra = Omit<MessageInput, 'role' | 'text'>;

interface BuilderState {
  readonly conversation: Omit<ConversationInput, 'messages'>;
  readonly messages: readonly MessageInput[];
  readonly environment: EnvironmentInput | undefined;
}

const BRAND = Symbol.for('warm-handoff.conversation-builder');

/** The id `conversation()` gives when none is passed. */
export const DEFAULT_CONVERSATION_ID = 'test-conversation';

/**
 * An immutable, fluent conversation for tests: every method returns a new builder.
 * @example conversation().customer({ tier: 'vip' }).user('hi').bot('Hello!').botFallback('Sorry?').user('agent please')
 */
export class ConversationBuilder {
  readonly #state: BuilderState;

  /** Use {@link conversation} to start one. */
  constructor(state: BuilderState) {
    this.#state = state;
    Object.defineProperty(this, BRAND, { value: true });
    Object.freeze(this);
  }

  #with(change: Partial<BuilderState>): ConversationBuilder {
    return new ConversationBuilder({ ...this.#state, ...change });
  }

  #add(message: MessageInput): ConversationBuilder {
    return this.#with({ messages: [...this.#state.messages, message] });
  }

  /** Sets the conversation id. @default 'test-conversation' */
  id(id: string): ConversationBuilder {
    return this.#with({ conversation: { ...this.#state.conversation, id } });
  }

  /** Sets the channel, e.g. `web`, `whatsapp`, `voice`. */
  channel(channel: string): ConversationBuilder {
    return this.#with({ conversation: { ...this.#state.conversation, channel } });
  }

  /** Sets the BCP 47 locale, e.g. `en-GB`. */
  locale(locale: string): ConversationBuilder {
    return this.#with({ conversation: { ...this.#state.conversation, locale } });
  }

  /** Sets customer fields, merged over the ones given before. */
  customer(customer: CustomerInput): ConversationBuilder {
    if (!isPlainObject(customer as unknown)) invalidArgument('customer', 'an object such as { tier, name }', customer);
    return this.#with({ conversation: { ...this.#state.conversation, customer: { ...this.#state.conversation.customer, ...customer } } });
  }

  /** Sets conversation attributes (rule facts `attributes.<key>`), merged over the ones given before. */
  attributes(attributes: Record<string, unknown>): ConversationBuilder {
    if (!isPlainObject(attributes)) invalidArgument('attributes', 'an object of attribute values', attributes);
    return this.#with({ conversation: { ...this.#state.conversation, attributes: { ...this.#state.conversation.attributes, ...attributes } } });
  }

  /** Adds a customer message: one user turn. */
  user(text: string, extra: MessageExtra = {}): ConversationBuilder {
    return this.#add({ ...extra, role: 'user', text });
  }

  /** Adds a bot reply. */
  bot(text: string, extra: MessageExtra = {}): ConversationBuilder {
    return this.#add({ ...extra, role: 'bot', text });
  }

  /** Adds a bot reply flagged `fallback: true`: the bot did not understand. @default text "Sorry, I didn't get that." */
  botFallback(text = "Sorry, I didn't get that.", extra: MessageExtra = {}): ConversationBuilder {
    return this.#add({ ...extra, role: 'bot', text, fallback: true });
  }

  /** Adds a human agent's message. */
  agent(text: string, extra: MessageExtra = {}): ConversationBuilder {
    return this.#add({ ...extra, role: 'agent', text });
  }

  /** Adds a system message (not a turn). */
  system(text: string, extra: MessageExtra = {}): ConversationBuilder {
    return this.#add({ ...extra, role: 'system', text });
  }

  /** Adds messages as they are, e.g. a transcript recorded from your bot. */
  messages(messages: readonly MessageInput[]): ConversationBuilder {
    if (!Array.isArray(messages)) invalidArgument('messages', 'an array of messages', messages);
    const bad = messages.findIndex((m) => !isPlainObject(m as unknown));
    if (bad >= 0) invalidArgument('messages', 'a message { role, text }', messages[bad], `[${bad}]`);
    return this.#with({ messages: [...this.#state.messages, ...messages.map((m) => ({ ...m }))] });
  }

  /** Sets the NLU intent read from the latest user message. Throws a `ValidationError` when there is none. */
  intent(name: string, confidence: number): ConversationBuilder {
    const messages = [...this.#state.messages];
    for (let i = messages.length - 1; i >= 0; i--) {
      const message = messages[i]!;
      if (message.role === 'user') {
        messages[i] = { ...message, intent: { name, confidence } };
        return this.#with({ messages });
      }
    }
    throw new ValidationError('Invalid conversation: 1 problem', [
      { code: 'custom', path: 'messages', message: `expected a user message before .intent('${name}'), found none` },
    ]);
  }

  /** Holds the environment (agents, queues, business hours, now) that `replay` and the matchers evaluate with. */
  env(environment: EnvironmentInput): ConversationBuilder {
    return this.#with({ environment });
  }

  /** The environment given with `.env()`, if any. */
  get environment(): EnvironmentInput | undefined {
    return this.#state.environment;
  }

  /** User messages so far. */
  get userTurns(): number {
    return this.#state.messages.filter((m) => m.role === 'user').length;
  }

  /** The conversation, validated; throws one `ValidationError` naming every bad path. */
  build(): ConversationInput {
    return parseOrThrow(ConversationSchema, { ...this.#state.conversation, messages: this.#state.messages }, 'conversation');
  }

  /** `JSON.stringify(builder)` gives the conversation (unvalidated), e.g. to save it as a scenario. */
  toJSON(): ConversationInput {
    return structuredClone({ ...this.#state.conversation, messages: [...this.#state.messages] });
  }
}

/** Starts a conversation for a test. @default id 'test-conversation' */
export function conversation(id: string = DEFAULT_CONVERSATION_ID): ConversationBuilder {
  return new ConversationBuilder({ conversation: { id }, messages: [], environment: undefined });
}

/** True for a {@link ConversationBuilder}, even one from another copy of the library. */
export function isConversationBuilder(value: unknown): value is ConversationBuilder {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/** What `replay` and the matchers accept: a builder, or a plain conversation. */
export type ConversationLike = ConversationBuilder | ConversationInput;

/** The conversation and the environment the builder holds (a plain conversation holds none). */
export function unwrapConversation(value: ConversationLike): { conversation: ConversationInput; environment: EnvironmentInput | undefined } {
  if (isConversationBuilder(value)) return { conversation: value.build(), environment: value.environment };
  return { conversation: value, environment: undefined };
}

import type { Conversation, Message } from './conversation';
import type { Environment } from './environment';
import type { SessionInfo } from '../session-state';

/*
 * Loading zod takes about 60 ms, more than all the library's own start-up, and a process that
 * only evaluates well-formed conversations of the common shapes (a jest test file, one run of
 * the CLI, a replay worker) need not pay it. These functions accept those shapes as the schemas
 * do and return what the schema's parse returns: a copy, its keys in the schema's order, an
 * optional key given as undefined kept as undefined. Anything else (a timestamp, attributes, a
 * customer, an object that is not plain, a key or value they do not check) gives undefined, and
 * the caller parses with zod, which accepts it or names the problem. A property test holds each
 * to its schema on generated input, valid and not.
 */

type Plain = Record<string, unknown>;

const ROLES: ReadonlySet<string> = new Set(['user', 'bot', 'agent', 'system']);
const MESSAGE_KEYS: ReadonlySet<string> = new Set(['role', 'text', 'intent', 'fallback', 'error']);
const INTENT_KEYS: ReadonlySet<string> = new Set(['name', 'confidence']);
const CONVERSATION_KEYS: ReadonlySet<string> = new Set(['id', 'channel', 'locale', 'messages']);
const SESSION_INFO_KEYS: ReadonlySet<string> = new Set(['conversationId', 'channel', 'locale']);
const NO_KEYS: ReadonlySet<string> = new Set();

/** A plain object whose enumerable keys, inherited ones included, are all its own and all in `keys`. */
function isPlainWith(value: unknown, keys: ReadonlySet<string>): value is Plain {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key in value) if (!keys.has(key) || !Object.hasOwn(value, key)) return false;
  return true;
}

/**
 * Whether an optional key is there, as the schema sees it; undefined when it can be seen only
 * through the prototype (a polluted Object.prototype), which is left to zod.
 */
function presence(value: Plain, key: string): boolean | undefined {
  if (Object.hasOwn(value, key)) return true;
  return key in value ? undefined : false;
}

function nonEmpty(value: unknown, min = 1): value is string {
  return typeof value === 'string' && value.length >= min;
}

/**
 * Copies an optional key into `out` when `check` accepts its value (undefined is always
 * accepted, as `.optional()` does); false when the value is refused or only inherited.
 */
function optional(value: Plain, key: string, out: Plain, check: (v: unknown) => unknown): boolean {
  const present = presence(value, key);
  if (present === undefined) return false;
  if (!present) return true;
  const v = value[key];
  if (v === undefined) {
    out[key] = undefined;
    return true;
  }
  const accepted = check(v);
  if (accepted === undefined) return false;
  out[key] = accepted;
  return true;
}

function simpleIntent(value: unknown): Plain | undefined {
  if (!isPlainWith(value, INTENT_KEYS) || !Object.hasOwn(value, 'name') || !Object.hasOwn(value, 'confidence')) return undefined;
  const { name, confidence } = value;
  if (!nonEmpty(name) || typeof confidence !== 'number' || !(confidence >= 0 && confidence <= 1)) return undefined;
  return { name, confidence };
}

const aBoolean = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);

/** The message `MessageSchema.parse` would return, or undefined: parse it with the schema. */
export function simpleMessage(value: unknown): Message | undefined {
  if (!isPlainWith(value, MESSAGE_KEYS)) return undefined;
  const { role, text } = value;
  if (typeof role !== 'string' || !ROLES.has(role) || typeof text !== 'string') return undefined;
  const out: Plain = { role, text };
  if (!optional(value, 'intent', out, simpleIntent) || !optional(value, 'fallback', out, aBoolean) || !optional(value, 'error', out, aBoolean)) {
    return undefined;
  }
  return out as Message;
}

const aName = (v: unknown): string | undefined => (nonEmpty(v) ? v : undefined);
const aLocale = (v: unknown): string | undefined => (nonEmpty(v, 2) ? v : undefined);

/** `{ [idKey], channel?, locale? }` as the conversation and session-info schemas begin, or undefined. */
function header(value: Plain, idKey: string): Plain | undefined {
  const id = value[idKey];
  if (!nonEmpty(id)) return undefined;
  const out: Plain = { [idKey]: id };
  return optional(value, 'channel', out, aName) && optional(value, 'locale', out, aLocale) ? out : undefined;
}

/** The conversation `ConversationSchema.parse` would return, or undefined: parse it with the schema. */
export function simpleConversation(value: unknown): Conversation | undefined {
  if (!isPlainWith(value, CONVERSATION_KEYS)) return undefined;
  const { messages } = value;
  if (!Array.isArray(messages) || Object.getPrototypeOf(messages) !== Array.prototype || messages.length === 0) return undefined;
  const out = header(value, 'id');
  if (out === undefined) return undefined;
  const parsed: Message[] = new Array<Message>(messages.length);
  for (let i = 0; i < messages.length; i++) {
    const message = simpleMessage(messages[i]);
    if (message === undefined) return undefined;
    parsed[i] = message;
  }
  out.messages = parsed;
  return out as Conversation;
}

/** The session info `SessionInfoSchema.parse` would return, or undefined: parse it with the schema. */
export function simpleSessionInfo(value: unknown): SessionInfo | undefined {
  return isPlainWith(value, SESSION_INFO_KEYS) ? (header(value, 'conversationId') as SessionInfo | undefined) : undefined;
}

/** `{}` for an environment with nothing in it (what the schema returns for one), else undefined. */
export function emptyEnvironment(value: unknown): Environment | undefined {
  return isPlainWith(value, NO_KEYS) ? {} : undefined;
}

/** True for options with nothing in them: the defaults, which need no parsing. */
export function isEmptyOptions(value: unknown): boolean {
  return isPlainWith(value, NO_KEYS);
}

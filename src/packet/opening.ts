import type { SensitiveTopic } from '../schema/analysis';
import type { Entity } from '../schema/packet';
import { shorten } from './shorten';
import { trimEndOf } from './trim';

/** What the opening line is built from; every text in it is already redacted. */
export interface OpeningInput {
  /** The customer's name as the business knows it, e.g. `customer.name`. */
  readonly customerName?: string | null | undefined;
  /** The customer's issue in their own words (redacted), e.g. `summary.issue`. */
  readonly issue: string;
  readonly topics: readonly SensitiveTopic[];
  readonly entities: readonly Entity[];
  /** The customer sounded negative or frustrated. */
  readonly negative: boolean;
  /** The bot failed to understand at least once. */
  readonly botFailed: boolean;
}

/** How the agent names a sensitive topic back to the customer, most delicate first. */
const TOPIC_PHRASES: readonly (readonly [SensitiveTopic, string])[] = [
  ['safety', 'your safety concern'],
  ['bereavement', 'your loved one\'s account'],
  ['account_compromise', 'the security of your account'],
  ['fraud', 'the activity on your account that you did not recognise'],
  ['legal', 'your complaint'],
  ['cancellation', 'cancelling your service'],
];

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'madam']);
const QUOTE_MAX_CHARS = 60;
const LEADING_GREETING = /^\s{0,8}(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening))(?: there)?[\s,!.]{1,4}/i;
const QUOTE_MIN_CHARS = 12;

/** A first line for the agent: greets by first name, names the issue, apologises when it went badly. */
export function suggestOpening(input: OpeningInput): string {
  const name = addressName(input.customerName);
  const greeting = name === null ? 'Hi there,' : `Hi ${name},`;
  const sentences = [
    `${greeting} thanks for waiting. I'm from the support team and I've read your conversation so far${aboutWhat(input)}.`,
  ];
  if (input.topics.includes('bereavement')) {
    sentences.push("I'm so sorry for your loss.");
  } else if (input.botFailed) {
    sentences.push("I'm sorry our assistant couldn't sort this out for you.");
  } else if (input.negative) {
    sentences.push("I'm sorry for the trouble.");
  }
  sentences.push("You don't need to repeat anything: I'll take it from here.");
  return sentences.join(' ');
}

/** "Maria" from "Maria Lopez", "Dr. Lopez" from "Dr. Maria Lopez"; null when it does not read as a name. */
function addressName(raw: string | null | undefined): string | null {
  const words = (raw ?? '').trim().split(/\s+/).filter((word) => word !== '');
  if (words.length === 0 || words.some((word) => /[\d@[\]]/.test(word))) return null;
  const first = words[0]!;
  const title = first.toLowerCase().replace(/\.$/, '');
  if (HONORIFICS.has(title)) {
    const last = words[words.length - 1];
    return words.length > 1 && last !== undefined ? `${capitalise(first)} ${capitalise(last)}` : null;
  }
  return capitalise(first);
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function aboutWhat(input: OpeningInput): string {
  for (const [topic, phrase] of TOPIC_PHRASES) if (input.topics.includes(topic)) return ` about ${phrase}`;
  const order = input.entities.find((entity) => entity.kind === 'orderId' && entity.turn !== null);
  if (order) return ` about your order ${order.value}`;
  const quote = quotable(input.issue);
  return quote === null ? '' : ` about "${quote}"`;
}

/** The start of the issue, cut before any redaction placeholder so no hint of a secret is echoed. */
function quotable(issue: string): string | null {
  const placeholder = issue.search(/\[(?:card|cvv|iban|ssn|password|otp)\]/);
  const clean = (placeholder === -1 ? issue : issue.slice(0, placeholder))
    .replace(/["“”]/g, "'")
    .replace(LEADING_GREETING, '')
    .trim();
  const firstSentence = clean.split(/(?<=[.!?])\s/)[0] ?? '';
  const quote = trimEndOf(shorten(firstSentence, QUOTE_MAX_CHARS), ',;:.!?', true);
  return quote.length >= QUOTE_MIN_CHARS ? quote : null;
}

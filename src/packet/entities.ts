import type { MessageAnalysis } from '../schema/analysis';
import type { Message } from '../schema/conversation';
import type { Entity, EntityKind } from '../schema/packet';
import { redactText } from './redact';
import { trimEndOf, trimStartOf } from './trim';
import { userTurns } from './turns';
import type { PacketOffset } from './types';

/** The slice of compromise this module uses; its own typings resolve poorly under node10. */
interface NlpMatch {
  json(options: { offset: true }): unknown[];
}
interface NlpDocument {
  people(): NlpMatch;
  money(): NlpMatch;
  match(pattern: string): NlpMatch;
}
type Nlp = (text: string) => NlpDocument;

interface Found {
  readonly kind: EntityKind;
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

/** compromise takes ~0.1 s to load, so it is required on first use and kept. */
let nlpCache: Nlp | undefined;

function nlp(): Nlp {
  nlpCache ??= require('compromise') as Nlp;
  return nlpCache;
}

/** compromise costs ~15 ms per 1,000 characters; past this a message is only scanned by the regexes. */
const NLP_MAX_CHARS = 4000;

const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,6}/g;

const PHONE_INTERNATIONAL = /(?<![\w+])\+\d[\d ().-]{6,22}\d(?!\d)/g;

const PHONE_US = /(?<![\w+-])(?:1[ .-]?)?(?:\(\d{3}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![\w-])/g;

/** An id announced by what it is: "order #A12345", "ticket 99812", "reference: ABC123". */
const ORDER_ANNOUNCED =
  /\b(?:order|ticket|case|ref|reference|booking|invoice|tracking|reservation|claim|incident|rma|confirmation|shipment|parcel|package)\b(?:\s{1,2}(?:number|num|no\.?|id|#))?(?:\s{0,2}(?:is|was|:|=)\s{0,2}|\s{1,2})?#?([A-Za-z0-9][A-Za-z0-9-]{2,39})(?![A-Za-z0-9-])/dgi;

/** A self-describing id: upper-case prefix and dashed parts ("ORD-2024-0001", "INC-88123"). */
const ORDER_STRUCTURED = /(?<![\w-])[A-Z]{2,5}(?:-[A-Z0-9]{2,12}){1,3}(?![\w-])/g;

const ORDER_HASHED = /(?<![\w#&])#([A-Za-z0-9]{4,20})(?![\w])/dg;

/** Date words that name no date on their own ("week." from "a week ago"). */
const BARE_DATE_UNITS = new Set(['day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'time', 'now']);

/** Quotes, brackets and punctuation that compromise leaves on the edges of a match (trimmed with white space). */
const LEADING_EDGE = `"'([{`;
const TRAILING_EDGE = `"')]},.;:!?`;

/**
 * Person names, amounts, dates (compromise) and emails, phones, order ids (patterns) found in the
 * redacted text of each message, first mention kept, in conversation order.
 */
export function extractEntities(
  messages: readonly Message[],
  analyses?: readonly MessageAnalysis[],
  offset: PacketOffset = { messages: 0, userTurns: 0 },
): Entity[] {
  const turns = userTurns(messages, offset.userTurns);
  const seen = new Set<string>();
  const entities: Entity[] = [];
  messages.forEach((message, messageIndex) => {
    const text = redactText(message.text).text;
    const shouted = analyses?.[messageIndex]?.frustration.signals.some((signal) => signal.kind === 'shouting');
    // Bots and agents name themselves ("I'm Ava, your assistant"); only the customer's names help the agent.
    const people = message.role === 'user' && !(shouted ?? looksShouted(text));
    for (const found of entitiesInText(text, { people })) {
      const key = `${found.kind}:${dedupeKey(found)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      entities.push({ kind: found.kind, value: found.value, turn: turns[messageIndex] ?? null, messageIndex: offset.messages + messageIndex });
    }
  });
  return entities;
}

/** Entities in one (already redacted) text, in reading order; pattern matches win over NLP ones. */
function entitiesInText(text: string, options: { readonly people: boolean } = { people: true }): Found[] {
  const candidates = [...findEmails(text), ...findPhones(text), ...findOrderIds(text)];
  if (text.trim() !== '') candidates.push(...findWithNlp(text.slice(0, NLP_MAX_CHARS), options.people));
  return firstClaims(text.length, candidates).sort((a, b) => a.start - b.start);
}

/** Keeps candidates that overlap no earlier one; marking characters keeps long texts linear. */
function firstClaims(length: number, candidates: readonly Found[]): Found[] {
  const claimed = new Uint8Array(length);
  const kept: Found[] = [];
  for (const candidate of candidates) {
    if (claimed.subarray(candidate.start, candidate.end).includes(1)) continue;
    claimed.fill(1, candidate.start, candidate.end);
    kept.push(candidate);
  }
  return kept;
}

function findEmails(text: string): Found[] {
  const found: Found[] = [];
  for (const match of text.matchAll(EMAIL)) {
    const value = match[0];
    const tld = value.slice(value.lastIndexOf('.') + 1);
    if (!/^[A-Za-z]{2,24}$/.test(tld)) continue;
    found.push({ kind: 'email', value, start: match.index, end: match.index + value.length });
  }
  return found;
}

function findPhones(text: string): Found[] {
  const found: Found[] = [];
  for (const match of text.matchAll(PHONE_INTERNATIONAL)) {
    const digits = match[0].replace(/\D/g, '').length;
    // E.164 allows at most 15 digits; fewer than 8 is a short code or a fragment.
    if (digits < 8 || digits > 15 || /[ ().-]{2}/.test(match[0].replace(/ \(|\) /g, '('))) continue;
    found.push({ kind: 'phone', value: match[0], start: match.index, end: match.index + match[0].length });
  }
  for (const match of text.matchAll(PHONE_US)) {
    found.push({ kind: 'phone', value: match[0], start: match.index, end: match.index + match[0].length });
  }
  return found;
}

function findOrderIds(text: string): Found[] {
  const found: Found[] = [];
  const add = (value: string, start: number): void => {
    if (!looksLikeId(value)) return;
    found.push({ kind: 'orderId', value, start, end: start + value.length });
  };
  for (const match of text.matchAll(ORDER_ANNOUNCED)) {
    const at = match.indices?.[1];
    if (at && match[1] !== undefined) add(match[1], at[0]);
  }
  for (const match of text.matchAll(ORDER_STRUCTURED)) add(match[0], match.index);
  for (const match of text.matchAll(ORDER_HASHED)) {
    const at = match.indices?.[1];
    if (at && match[1] !== undefined) add(match[1], at[0]);
  }
  return found;
}

/** Ids carry several digits; "2nd" or a dashed date after "order" are not ids. */
function looksLikeId(value: string): boolean {
  const digits = value.replace(/\D/g, '').length;
  if (digits < 3) return false;
  return !/^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}-\d{1,2}-\d{2,4})$/.test(value);
}

function findWithNlp(text: string, people: boolean): Found[] {
  const document = nlp()(text);
  const found: Found[] = [];
  if (people) found.push(...fromMatches(text, 'person', document.people()));
  found.push(...fromMatches(text, 'amount', document.money()));
  const dates = fromMatches(text, 'date', document.match('(last|next|this|since)? #Date+'));
  found.push(...dates.filter((date) => !BARE_DATE_UNITS.has(date.value.toLowerCase())));
  return found.filter((entity) => !/[[\]@]/.test(entity.value));
}

function fromMatches(text: string, kind: EntityKind, match: NlpMatch): Found[] {
  const found: Found[] = [];
  for (const item of match.json({ offset: true })) {
    const offset = offsetOf(item);
    if (offset === null) continue;
    const raw = text.slice(offset.start, offset.start + offset.length);
    const value = trimEndOf(trimStartOf(raw, LEADING_EDGE, true), TRAILING_EDGE, true);
    if (value === '') continue;
    const start = offset.start + raw.indexOf(value);
    found.push({ kind, value, start, end: start + value.length });
  }
  return found;
}

function offsetOf(item: unknown): { start: number; length: number } | null {
  if (typeof item !== 'object' || item === null || !('offset' in item)) return null;
  const offset: unknown = item.offset;
  if (typeof offset !== 'object' || offset === null || !('start' in offset) || !('length' in offset)) return null;
  const { start, length } = offset;
  return typeof start === 'number' && typeof length === 'number' ? { start, length } : null;
}

/** Mostly upper-case text makes compromise read every word as a proper noun. */
function looksShouted(text: string): boolean {
  const letters = text.replace(/[^A-Za-z]/g, '');
  return letters.length >= 8 && letters.replace(/[^A-Z]/g, '').length / letters.length > 0.7;
}

function dedupeKey(entity: Found): string {
  switch (entity.kind) {
    case 'phone':
      return entity.value.replace(/\D/g, '');
    case 'orderId':
      return entity.value.toUpperCase();
    default:
      return entity.value.toLowerCase().replace(/\s+/g, ' ');
  }
}

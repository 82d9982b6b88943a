import type { EntityKind, HandoffPacket, TranscriptLine } from '../schema/packet';
import { HandoffPacketSchema } from '../schema/packet';
import { parseOrThrow } from '../schema/parse';
import { invalidArgument, isPlainObject } from '../schema/argument';

/*
 * Shared by the exporters. Every exporter reads only the packet (already redacted by
 * `buildPacket`) and its options: no clock, no random ids, no raw conversation text.
 */

/**
 * Checks a packet at the exporter's door: one may come from storage or another process.
 * Throws a `ValidationError` naming every bad path; returns a fresh, validated copy.
 */
export function checkPacket(packet: HandoffPacket): HandoffPacket {
  return parseOrThrow(HandoffPacketSchema, packet, 'handoff packet');
}

/** Refuses exporter options that are not an object (from plain JavaScript), rather than ignore them. */
export function checkExportOptions(options: object, what: string): void {
  if (!isPlainObject(options)) invalidArgument(what, 'an object of options', options);
}

export const ROLE_LABEL: Readonly<Record<TranscriptLine['role'], string>> = {
  user: 'Customer',
  bot: 'Bot',
  agent: 'Agent',
  system: 'System',
};

export const ENTITY_LABEL: Readonly<Record<EntityKind, string>> = {
  person: 'name',
  email: 'email',
  phone: 'phone',
  amount: 'amount',
  date: 'date',
  orderId: 'order id',
};

export { TOPIC_LABEL } from '../packet/labels';

/** `+0.42`, `-0.21`, `0.00`: a score with its sign, for people. */
export function signed(value: number, digits = 2): string {
  const fixed = value.toFixed(digits);
  if (Number(fixed) === 0) return (0).toFixed(digits);
  return value > 0 ? `+${fixed}` : fixed;
}

/** Below this slope per turn (either way) the sentiment reads as steady, as in the packet's key points. */
const TREND_THRESHOLD = 0.1;

export function trendWord(trend: number): 'improving' | 'worsening' | 'steady' {
  if (trend >= TREND_THRESHOLD) return 'improving';
  if (trend <= -TREND_THRESHOLD) return 'worsening';
  return 'steady';
}

/** The last sentiment label of the customer, or null before any user turn. */
export function lastSentiment(packet: HandoffPacket): HandoffPacket['sentiment']['perTurn'][number] | null {
  return packet.sentiment.perTurn[packet.sentiment.perTurn.length - 1] ?? null;
}

/** A value that survives `JSON.stringify` and `JSON.parse` unchanged. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

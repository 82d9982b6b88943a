import { ValidationError } from '../errors';
import type { HandoffPacket } from '../schema/packet';
import { checkExportOptions, checkPacket, ENTITY_LABEL, lastSentiment, ROLE_LABEL, TOPIC_LABEL } from './common';

/*
 * Zendesk Sunshine Conversations API v2, switchboard `passControl`:
 * POST /v2/apps/{appId}/conversations/{conversationId}/passControl with body
 * `{ switchboardIntegration, metadata }`, where `switchboardIntegration` is "the id or the name of
 * the switchboard integration that will become active", or `next`, and `metadata` is a "flat object
 * containing custom properties. Strings, numbers and booleans are the only supported format that
 * can be passed to metadata. The metadata is limited to 4KB in size. The metadata object will be
 * included in the `switchboard:passControl` webhook."
 * - The PassControlBody model of Zendesk's official clients, generated from the API's OpenAPI
 *   document: https://github.com/zendesk/sunshine-conversations-python/blob/master/docs/PassControlBody.md
 *   (quoted above), and `PassControlBody` of the npm package sunshine-conversations-client, which
 *   the tests build this output through (`SwitchboardActionsApi.passControl(appId, conversationId, body)`).
 * - Switchboard actions: https://rubydoc.info/gems/sunshine-conversations-client/14.1.0/SunshineConversationsClient/SwitchboardActionsApi
 *
 * A packet does not fit in 4 KB, so this exporter chooses: the routing facts first, then the
 * customer, the issue, the signals, the evidence, the newest messages (up to 1.6 KB), then the
 * entities, key points and the bot's attempts, each capped. Whatever it cut short is named under
 * `<prefix>truncated`, and what it left out under `<prefix>omitted`.
 */

/** The body of `passControl`. */
export interface SunshinePassControlBody {
  readonly switchboardIntegration: string;
  /** Flat: strings, numbers and booleans only; at most `maxBytes` as UTF-8 JSON. */
  readonly metadata: Readonly<Record<string, string | number | boolean>>;
}

export interface SunshinePassControlOptions {
  /**
   * Id or name of the switchboard integration to make active, or `next` for the next one in the
   * switchboard's hierarchy (Zendesk's agent workspace is usually `zd-agentWorkspace`).
   * @default 'next'
   */
  readonly switchboardIntegration?: string;
  /** Prefix of every key this exporter writes. @default 'handoff.' */
  readonly prefix?: string;
  /**
   * Size limit of `metadata` as UTF-8 JSON, from 512 to 4096 bytes. The platform's limit is 4 KB;
   * the default leaves room for a server that counts a little differently.
   * @default 4000
   */
  readonly maxBytes?: number;
  /**
   * Your own entries, kept first and as they are, e.g. Zendesk's
   * `{ 'dataCapture.systemField.tags': 'vip' }`; they count toward `maxBytes`.
   */
  readonly metadata?: Readonly<Record<string, string | number | boolean>>;
}

import { SUNSHINE_METADATA_MAX_BYTES } from './names';
export { SUNSHINE_METADATA_MAX_BYTES };
const DEFAULT_MAX_BYTES = 4000;
const MIN_MAX_BYTES = 512;
/** Below this much room a string is left out rather than cut to a stub. */
const MIN_TRUNCATED_BYTES = 24;
/** The newest messages get this much, before entities, key points and the bot's attempts. */
const TRANSCRIPT_MAX_BYTES = 1600;
/** One message of the transcript takes at most this much, so one long message cannot crowd out the rest. */
const LINE_MAX_BYTES = 320;
const ELLIPSIS = '…';
/** Past this many, the note on left-out fields names the first and counts the rest. */
const MAX_OMITTED_NAMES = 4;

type Scalar = string | number | boolean;

/**
 * One candidate entry, in priority order; `max` caps a string's JSON size in bytes. The
 * transcript is one string of the newest messages that fit under its cap.
 */
type Field =
  | { readonly name: string; readonly value: Scalar; readonly max?: number }
  | { readonly name: 'transcript'; readonly lines: readonly string[]; readonly max: number };

/**
 * The packet as a Sunshine Conversations `passControl` body: a flat `metadata` under 4 KB that
 * keeps what an agent needs first and says what it cut.
 * @example await switchboardActionsApi.passControl(appId, conversationId, toSunshinePassControl(packet, { switchboardIntegration: 'zd-agentWorkspace' }))
 */
export function toSunshinePassControl(packet: HandoffPacket, options: SunshinePassControlOptions = {}): SunshinePassControlBody {
  const p = checkPacket(packet);
  checkExportOptions(options, 'Sunshine options');
  const prefix = options.prefix ?? 'handoff.';
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  checkOptions(options, maxBytes);
  const own = Object.entries(options.metadata ?? {});
  const ownBytes = objectBytes(own);
  if (ownBytes > maxBytes - MIN_MAX_BYTES / 2) {
    throw new ValidationError('Invalid Sunshine options: 1 problem', [
      {
        code: 'too_big',
        path: 'metadata',
        message: `expected your own entries to leave at least ${MIN_MAX_BYTES / 2} of ${maxBytes} bytes, found ${ownBytes} bytes`,
      },
    ]);
  }

  const fields = candidateFields(p);
  const body = (entries: readonly (readonly [string, Scalar])[]): SunshinePassControlBody => ({
    switchboardIntegration: options.switchboardIntegration ?? 'next',
    metadata: Object.fromEntries(entries),
  });
  // The note naming what was cut must fit too; it is only known once the rest is packed, so pack
  // again with room for it until it fits (once or twice in practice: the note is a few names).
  for (let reserve = 0; reserve < maxBytes; ) {
    const packed = pack(own, fields, prefix, maxBytes - reserve);
    const entries = [...packed.entries];
    if (packed.truncated.length > 0) entries.push([`${prefix}truncated`, packed.truncated.join(',')]);
    if (packed.omitted.length > 0) entries.push([`${prefix}omitted`, omittedNote(packed.omitted)]);
    const over = objectBytes(entries) - maxBytes;
    if (over <= 0) return body(entries);
    reserve += over;
  }
  // Your own entries leave no room for the packet and the list of what is missing: say so in one word.
  return body([...own, [`${prefix}omitted`, 'all']]);
}

/** The fields left out, by name; when there are many, the first of them and how many follow. */
function omittedNote(names: readonly string[]): string {
  return names.length <= MAX_OMITTED_NAMES ? names.join(',') : `${names[0]} and the ${names.length - 1} fields after it`;
}

function checkOptions(options: SunshinePassControlOptions, maxBytes: number): void {
  const problems: { code: string; path: string; message: string }[] = [];
  if (!Number.isInteger(maxBytes) || maxBytes < MIN_MAX_BYTES || maxBytes > SUNSHINE_METADATA_MAX_BYTES) {
    problems.push({
      code: 'invalid_value',
      path: 'maxBytes',
      message: `expected a whole number from ${MIN_MAX_BYTES} to ${SUNSHINE_METADATA_MAX_BYTES}, found ${String(maxBytes)}`,
    });
  }
  if (options.switchboardIntegration !== undefined && options.switchboardIntegration.trim() === '') {
    problems.push({ code: 'invalid_value', path: 'switchboardIntegration', message: 'expected an integration id or name, found an empty string' });
  }
  for (const [key, value] of Object.entries(options.metadata ?? {})) {
    const ok = typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
    if (!ok) {
      problems.push({ code: 'invalid_type', path: `metadata[${JSON.stringify(key)}]`, message: `expected a string, a finite number or a boolean, found ${typeof value === 'number' ? String(value) : typeof value}` });
    }
  }
  if (problems.length > 0) {
    throw new ValidationError(`Invalid Sunshine options: ${problems.length} problem${problems.length === 1 ? '' : 's'}`, problems);
  }
}

/** What the metadata may hold, most needed first. */
function candidateFields(packet: HandoffPacket): Field[] {
  const { decision, customer, sentiment, frustration } = packet;
  const last = lastSentiment(packet);
  const optional = <T extends Scalar>(name: string, value: T | null, max?: number): Field[] =>
    value === null ? [] : [{ name, value, ...(max === undefined ? {} : { max }) }];
  const list = (name: string, values: readonly string[], separator: string, max: number): Field[] =>
    values.length === 0 ? [] : [{ name, value: values.join(separator), max }];
  return [
    { name: 'version', value: packet.version },
    { name: 'conversationId', value: packet.conversationId, max: 256 },
    { name: 'queue', value: decision.queue, max: 128 },
    { name: 'priority', value: decision.priority },
    { name: 'action', value: decision.action },
    { name: 'risk', value: decision.risk },
    ...optional('triggeredAtTurn', decision.triggeredAtTurn),
    ...list('reasons', decision.reasons.map((r) => r.reason), ',', 256),
    // The escalator's limits left part of the conversation out: the agent must know.
    ...optional('droppedMessages', packet.truncated?.droppedMessages ?? null),
    ...optional('cutMessages', packet.truncated?.cutMessages ?? null),
    ...optional('customerName', customer.name, 128),
    ...optional('customerId', customer.id, 128),
    ...optional('customerTier', customer.tier, 64),
    ...optional('channel', packet.channel, 64),
    ...optional('locale', packet.locale, 64),
    ...optional('createdAt', packet.createdAt, 64),
    { name: 'issue', value: packet.summary.issue, max: 600 },
    ...list('topics', packet.topics.map((t) => TOPIC_LABEL[t]), ',', 160),
    { name: 'sentimentTrend', value: sentiment.trend },
    { name: 'sentimentAverage', value: round(sentiment.average) },
    ...optional('sentimentLast', last?.label ?? null),
    { name: 'frustrationLevel', value: frustration.level },
    { name: 'frustrationScore', value: frustration.score },
    { name: 'redactions', value: packet.redactions.total },
    { name: 'suggestedOpening', value: packet.suggestedOpening, max: 480 },
    ...list('evidence', evidenceLines(packet), ' | ', 480),
    ...(packet.transcript.length === 0 ? [] : [{ name: 'transcript' as const, lines: transcriptLines(packet), max: TRANSCRIPT_MAX_BYTES }]),
    ...list('entities', packet.entities.map((e) => `${ENTITY_LABEL[e.kind]}: ${e.value}`), '; ', 400),
    ...list('keyPoints', packet.summary.keyPoints, ' | ', 600),
    ...list('botAttempts', packet.summary.botAttempts, ' | ', 400),
  ];
}

/** `human_request turn 2: "I want to talk to a human"` for each reason's first evidence. */
function evidenceLines(packet: HandoffPacket): string[] {
  return packet.decision.reasons.flatMap((r) => {
    const e = r.evidence[0];
    return e === undefined ? [] : [`${r.reason} turn ${e.turn}: "${oneLine(e.excerpt)}"`];
  });
}

/** `Customer: text`, oldest first, each message on one line. */
function transcriptLines(packet: HandoffPacket): string[] {
  return packet.transcript.map((line) => `${ROLE_LABEL[line.role]}: ${oneLine(line.text)}`);
}

interface Packed {
  readonly entries: [string, Scalar][];
  readonly truncated: string[];
  readonly omitted: string[];
}

function pack(own: readonly [string, Scalar][], fields: readonly Field[], prefix: string, budget: number): Packed {
  const entries: [string, Scalar][] = [...own];
  const truncated: string[] = [];
  const omitted: string[] = [];
  let size = objectBytes(entries);
  /** Bytes left for the value of one more entry named `key`. */
  const room = (key: string): number => budget - size - (entries.length > 0 ? 1 : 0) - jsonBytes(key) - 1;
  const add = (key: string, value: Scalar): void => {
    size += (entries.length > 0 ? 1 : 0) + jsonBytes(key) + 1 + jsonBytes(value);
    entries.push([key, value]);
  };

  // Fields come most needed first: once one does not fit, the rest are left out too, so what is
  // missing is always the tail of the list and the note can name it by its first field.
  for (const field of fields) {
    const key = prefix + field.name;
    const space = omitted.length > 0 ? -1 : room(key);
    if ('lines' in field) {
      const transcript = fitTranscript(field.lines, Math.min(space, field.max));
      if (transcript === null) {
        omitted.push(field.name);
      } else {
        add(key, transcript.text);
        if (transcript.cut) truncated.push(field.name);
      }
      continue;
    }
    if (typeof field.value !== 'string') {
      if (jsonBytes(field.value) <= space) add(key, field.value);
      else omitted.push(field.name);
      continue;
    }
    const limit = Math.min(space, field.max ?? Infinity);
    const fitted = fitString(field.value, limit);
    if (fitted === null || (fitted.cut && limit < MIN_TRUNCATED_BYTES)) {
      omitted.push(field.name);
      continue;
    }
    add(key, fitted.text);
    if (fitted.cut) truncated.push(field.name);
  }

  return { entries, truncated, omitted };
}

/**
 * The newest messages whose JSON fits in `space` bytes, oldest of them first, each cut to
 * LINE_MAX_BYTES; a first line counts the earlier messages left out.
 */
function fitTranscript(lines: readonly string[], space: number): { text: string; cut: boolean } | null {
  if (lines.length === 0 || space < MIN_TRUNCATED_BYTES) return null;
  const note = (left: number): string => (left > 0 ? `${earlierNote(left)}\n` : '');
  let kept: string[] = [];
  let linesCut = false;
  let best: { text: string; cut: boolean } | null = null;
  // Kept text stays under 4 KB, so measuring it whole at each step costs little.
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const line = fitString(lines[i]!, LINE_MAX_BYTES)!;
    const candidate = [line.text, ...kept];
    const text = note(i) + candidate.join('\n');
    if (jsonBytes(text) > space) break;
    kept = candidate;
    linesCut ||= line.cut;
    best = { text, cut: linesCut || i > 0 };
  }
  if (best !== null) return best;
  // Not even the newest message fits whole: keep what fits of it.
  const left = lines.length - 1;
  const partial = fitString(lines[left]!, Math.min(LINE_MAX_BYTES, space - (jsonBytes(note(left)) - 2)));
  return partial === null ? null : { text: note(left) + partial.text, cut: true };
}

function earlierNote(count: number): string {
  return `[${count} earlier message${count === 1 ? '' : 's'} left out]`;
}

/**
 * The longest prefix of `value` (whole code points) whose JSON string, with an ellipsis when
 * cut, takes at most `maxBytes` bytes as UTF-8; null when not even the ellipsis fits.
 */
function fitString(value: string, maxBytes: number): { text: string; cut: boolean } | null {
  if (jsonBytes(value) <= maxBytes) return { text: value, cut: false };
  // Every UTF-16 unit takes at least one byte in the JSON: nothing past maxBytes units can fit.
  const head = value.slice(0, Math.max(0, maxBytes));
  let low = 0;
  let high = head.length;
  const fits = (length: number): boolean => jsonBytes(clip(head, length)) <= maxBytes;
  if (!fits(0)) return null;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  return { text: clip(head, low), cut: true };
}

function clip(value: string, length: number): string {
  let end = length;
  // Never split a surrogate pair.
  const code = value.charCodeAt(end - 1);
  if (end > 0 && code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${value.slice(0, end).trimEnd()}${ELLIPSIS}`;
}

function oneLine(text: string): string {
  // Starts only where a run of spaces starts: `\s*[\r\n]+\s*` is quadratic on long runs of spaces (test/redos.test.ts).
  return text.replace(/(?<![^\S\r\n])[^\S\r\n]*[\r\n]\s*/g, ' / ');
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** UTF-8 size of `JSON.stringify(value)`. */
function jsonBytes(value: Scalar): number {
  return utf8Bytes(JSON.stringify(value));
}

/** UTF-8 size of the JSON object holding these entries. */
function objectBytes(entries: readonly (readonly [string, Scalar])[]): number {
  let size = 2;
  entries.forEach(([key, value], index) => {
    size += (index > 0 ? 1 : 0) + jsonBytes(key) + 1 + jsonBytes(value);
  });
  return size;
}

/** UTF-8 size of a string from JSON.stringify (lone surrogates arrive escaped as ASCII). */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

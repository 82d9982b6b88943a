import type { HandoffPacket } from '../schema/packet';
import { invalidArgument, isPlainObject } from '../schema/argument';

/** The shape of a jest (pretty-format) snapshot serializer, without depending on jest's types. */
export interface SnapshotSerializer {
  test(value: unknown): boolean;
  serialize(
    value: unknown,
    config: unknown,
    indentation: string,
    depth: number,
    refs: unknown,
    printer: (value: unknown, config: never, indentation: string, depth: number, refs: never) => string,
  ): string;
}

/** Which packet fields change from run to run and are replaced by `<name>` placeholders. */
export interface StablePacketOptions {
  /** Replace `createdAt` (the `environment.now` of the evaluation). @default true */
  readonly createdAt?: boolean;
  /** Replace generated ids: `conversationId` and `customer.id`. @default true */
  readonly ids?: boolean;
  /** Replace the message timestamps in the transcript. @default true */
  readonly timestamps?: boolean;
}

function checkStableOptions(options: StablePacketOptions): void {
  if (!isPlainObject(options)) invalidArgument('stable packet options', 'an object { createdAt?, ids?, timestamps? }', options);
  for (const key of ['createdAt', 'ids', 'timestamps'] as const) {
    if (options[key] !== undefined && typeof options[key] !== 'boolean') invalidArgument('stable packet options', 'true or false', options[key], key);
  }
}

/** The placeholder a volatile field is replaced with, e.g. `<createdAt>`. */
export const placeholder = (field: string): string => `<${field}>`;

/** True for a value shaped like a handoff packet (its fields may be jest property matchers). */
export function isHandoffPacket(value: unknown): value is HandoffPacket {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return ['version', 'conversationId', 'createdAt', 'customer', 'transcript', 'suggestedOpening'].every((key) => key in v);
}

/**
 * A copy of the packet whose volatile fields (creation time, generated ids, message
 * timestamps) hold stable placeholders, so a snapshot of it does not change between runs.
 * Only the changed parts are copied: other fields keep their values (and any jest matchers).
 */
export function stablePacket(packet: HandoffPacket, options: StablePacketOptions = {}): HandoffPacket {
  if (!isPlainObject(packet)) invalidArgument('handoff packet', 'a packet object', packet);
  checkStableOptions(options);
  const { createdAt = true, ids = true, timestamps = true } = options;
  const copy: HandoffPacket = { ...packet };
  if (createdAt && typeof copy.createdAt === 'string') copy.createdAt = placeholder('createdAt');
  if (ids) {
    if (typeof copy.conversationId === 'string') copy.conversationId = placeholder('conversationId');
    if (typeof copy.customer === 'object' && copy.customer !== null && typeof copy.customer.id === 'string') {
      copy.customer = { ...copy.customer, id: placeholder('customer.id') };
    }
  }
  if (timestamps && Array.isArray(copy.transcript)) {
    copy.transcript = copy.transcript.map((line) => (typeof line.timestamp === 'string' ? { ...line, timestamp: placeholder('timestamp') } : line));
  }
  return copy;
}

/** A snapshot serializer for handoff packets (wherever they sit in the snapshotted value). */
export function createPacketSerializer(options: StablePacketOptions = {}): SnapshotSerializer {
  checkStableOptions(options);
  const stable = new WeakSet<object>();
  return {
    test(value) {
      return isHandoffPacket(value) && !stable.has(value);
    },
    serialize(value, config, indentation, depth, refs, printer) {
      const copy = stablePacket(value as HandoffPacket, options);
      stable.add(copy);
      return printer(copy, config as never, indentation, depth, refs as never);
    },
  };
}

/** The serializer `warm-handoff/jest` registers: every volatile field replaced. */
export const packetSerializer: SnapshotSerializer = createPacketSerializer();

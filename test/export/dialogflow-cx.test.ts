import { protos } from '@google-cloud/dialogflow-cx';
import Ajv2020 from 'ajv/dist/2020';
import { isValidationError } from '../../src/errors';
import { toDialogflowCxLiveAgentHandoff } from '../../src/export/dialogflow-cx';
import { packetJsonSchema } from '../../src/json-schemas';
import type { HandoffPacket } from '../../src/schema/packet';
import { fixturePackets, packetOf, secretConversation } from './packets';
import { catchError } from '../helpers';

// Shape: Dialogflow CX ResponseMessage.liveAgentHandoff, `metadata` a google.protobuf.Struct
// ("Dialogflow doesn't impose any structure on this"), e.g.
// https://cloud.google.com/ruby/docs/reference/google-cloud-dialogflow-cx-v3/latest/Google-Cloud-Dialogflow-CX-V3-ResponseMessage-LiveAgentHandoff,
// checked with the ResponseMessage of @google-cloud/dialogflow-cx itself.

const cx = protos.google.cloud.dialogflow.cx.v3;
type StructValue = protos.google.protobuf.IValue;

// The JSON mapping of a Struct (a plain object) and its message form ({ fields: { k: Value } }):
// the REST API and webhooks speak the first, the RPC client the second.
function toValue(value: unknown): StructValue {
  if (value === null) return { nullValue: protos.google.protobuf.NullValue.NULL_VALUE };
  if (typeof value === 'number') return { numberValue: value };
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  if (Array.isArray(value)) return { listValue: { values: value.map(toValue) } };
  if (typeof value === 'object') return { structValue: toStruct(value as Record<string, unknown>) };
  throw new Error(`not representable in a Struct: ${typeof value}`);
}
function toStruct(object: Record<string, unknown>): protos.google.protobuf.IStruct {
  return { fields: Object.fromEntries(Object.entries(object).map(([k, v]) => [k, toValue(v)])) };
}
/** Reads a decoded Value by the member of its `kind` oneof that is set. */
function fromValue(value: StructValue): unknown {
  switch ((value as protos.google.protobuf.Value).kind) {
    case 'nullValue':
      return null;
    case 'numberValue':
      return value.numberValue;
    case 'stringValue':
      return value.stringValue;
    case 'boolValue':
      return value.boolValue;
    case 'listValue':
      return (value.listValue?.values ?? []).map(fromValue);
    case 'structValue':
      return fromStruct(value.structValue ?? {});
    default:
      throw new Error('empty Value');
  }
}
function fromStruct(struct: protos.google.protobuf.IStruct): Record<string, unknown> {
  return Object.fromEntries(Object.entries(struct.fields ?? {}).map(([k, v]) => [k, fromValue(v)]));
}

let packets: { name: string; packet: HandoffPacket }[];
let secretPacket: HandoffPacket;

beforeAll(async () => {
  packets = await fixturePackets();
  secretPacket = await packetOf(secretConversation(), { now: '2026-03-10T10:02:30Z' });
});

describe('toDialogflowCxLiveAgentHandoff', () => {
  it('is a ResponseMessage that @google-cloud/dialogflow-cx verifies, for every escalating fixture', () => {
    for (const { packet } of packets) {
      const message = toDialogflowCxLiveAgentHandoff(packet);
      expect(Object.keys(message)).toEqual(['liveAgentHandoff']);
      expect(cx.ResponseMessage.verify(message)).toBeNull();
      // The same inside a webhook response, where it is sent.
      expect(cx.WebhookResponse.verify({ fulfillmentResponse: { messages: [message] } })).toBeNull();
    }
  });

  it('survives the protobuf wire: encoded as a Struct and decoded, the metadata comes back equal', () => {
    for (const { packet } of [...packets, { name: 'secrets', packet: secretPacket }]) {
      const { metadata } = toDialogflowCxLiveAgentHandoff(packet).liveAgentHandoff;
      const wire = { liveAgentHandoff: { metadata: toStruct(metadata) }, channel: 'DF_MESSENGER' };
      expect(cx.ResponseMessage.verify(wire)).toBeNull();
      const decoded = cx.ResponseMessage.decode(cx.ResponseMessage.encode(cx.ResponseMessage.fromObject(wire)).finish());
      expect(decoded.channel).toBe('DF_MESSENGER');
      expect(fromStruct(decoded.liveAgentHandoff!.metadata!)).toEqual(metadata);
    }
  });

  it('verify is not a formality: it refuses metadata that is not an object', () => {
    expect(cx.ResponseMessage.verify({ liveAgentHandoff: { metadata: 'packet' } })).toMatch(/metadata/);
  });

  it('carries the packet itself as metadata, valid against `warm-handoff schema packet`', () => {
    const validate = new Ajv2020().compile(packetJsonSchema());
    const { metadata } = toDialogflowCxLiveAgentHandoff(secretPacket).liveAgentHandoff;
    expect(metadata).toEqual(JSON.parse(JSON.stringify(secretPacket)));
    expect(validate(metadata)).toBe(true);
  });

  it('keeps the newest transcript lines with their indices, and sets the channel', () => {
    const message = toDialogflowCxLiveAgentHandoff(secretPacket, { maxTranscriptLines: 2, channel: 'DF_MESSENGER' });
    expect(message.channel).toBe('DF_MESSENGER');
    const transcript = message.liveAgentHandoff.metadata.transcript as { index: number }[];
    expect(transcript.map((l) => l.index)).toEqual([3, 4]);
    expect(toDialogflowCxLiveAgentHandoff(secretPacket, { maxTranscriptLines: 0 }).liveAgentHandoff.metadata.transcript).toEqual([]);
    expect(isValidationError(catchError(() => toDialogflowCxLiveAgentHandoff(secretPacket, { maxTranscriptLines: -1 })))).toBe(true);
  });

  it('leaves out keys whose value is undefined, as a Struct cannot hold them', () => {
    const line = { ...secretPacket.transcript[0]!, intent: undefined };
    const packet = { ...secretPacket, transcript: [line] } as unknown as HandoffPacket;
    const { metadata } = toDialogflowCxLiveAgentHandoff(packet).liveAgentHandoff;
    expect(Object.keys((metadata.transcript as object[])[0]!)).not.toContain('intent');
  });
});

import '../../src/testing/jest'; // registers packetSerializer with expect
import { format } from 'pretty-format';
import { buildPacket } from '../../src/packet/build-packet';
import type { PacketInput } from '../../src/packet/types';
import type { HandoffPacket } from '../../src/schema/packet';
import { createPacketSerializer, isHandoffPacket, packetSerializer, stablePacket } from '../../src/testing/serializer';
import { analysis, bot, decision, user } from '../packet/factories';

/** The same conversation as a bot would record it on two different runs: other ids and clock. */
function packetOfRun(run: { id: string; customerId: string; day: string }): HandoffPacket {
  const input: PacketInput = {
    conversationId: run.id,
    channel: 'web',
    customer: { id: run.customerId, name: 'Lena Park', tier: 'gold' },
    messages: [
      user('my parcel 88123 has not arrived', { timestamp: `${run.day}T09:00:00Z` }),
      bot('Your parcel arrives on Tuesday.', { timestamp: `${run.day}T09:00:02Z` }),
      user('I want to speak to a person', { timestamp: `${run.day}T09:01:00Z` }),
    ],
    analyses: [analysis({ score: -0.2 }), analysis(), analysis({ humanRequest: true })],
    decision: decision({ triggeredAtTurn: 2 }),
    frustration: { score: 0.1, level: 'none' },
    sentimentTrend: 0.1,
    now: `${run.day}T09:01:00Z`,
  };
  return buildPacket(input);
}

const monday = packetOfRun({ id: '5f0c2a9e-1b7d-4c1e-9d53-0f7f1a2b3c4d', customerId: 'cust-1001', day: '2026-05-04' });
const tuesday = packetOfRun({ id: 'b81d7e02-9a44-4f6b-8c2e-6d5e4f3a2b1c', customerId: 'cust-2002', day: '2026-05-05' });

describe('packet snapshot serializer', () => {
  it('replaces createdAt, the generated ids and the message timestamps with placeholders', () => {
    const stable = stablePacket(monday);
    expect(stable.createdAt).toBe('<createdAt>');
    expect(stable.conversationId).toBe('<conversationId>');
    expect(stable.customer).toEqual({ id: '<customer.id>', name: 'Lena Park', tier: 'gold' });
    expect(stable.transcript.map((l) => l.timestamp)).toEqual(['<timestamp>', '<timestamp>', '<timestamp>']);
    expect({ ...stable, createdAt: monday.createdAt, conversationId: monday.conversationId, customer: monday.customer, transcript: monday.transcript }).toEqual(monday);
    expect(monday.createdAt).toBe('2026-05-04T09:01:00Z'); // the input is not changed
  });

  it('keeps nulls, and keeps a field when asked to', () => {
    const bare = { ...monday, createdAt: null, customer: { ...monday.customer, id: null } };
    expect(stablePacket(bare)).toMatchObject({ createdAt: null, customer: { id: null } });
    expect(stablePacket(monday, { createdAt: false, ids: false, timestamps: false })).toEqual(monday);
  });

  it('makes two runs of the same conversation serialise identically', () => {
    const plugins = [packetSerializer as never];
    expect(format(monday)).not.toBe(format(tuesday));
    expect(format(monday, { plugins })).toBe(format(tuesday, { plugins }));
    expect(format({ result: { packet: monday } }, { plugins })).toContain('"conversationId": "<conversationId>"');
  });

  it('only serialises handoff packets', () => {
    expect(packetSerializer.test(monday)).toBe(true);
    expect(packetSerializer.test({ createdAt: '2026-05-04T09:01:00Z', id: 'x' })).toBe(false);
    expect(packetSerializer.test(null)).toBe(false);
    expect(isHandoffPacket('packet')).toBe(false);
    const keepIds = createPacketSerializer({ ids: false });
    expect(format(monday, { plugins: [keepIds as never] })).toContain('"conversationId": "5f0c2a9e-1b7d-4c1e-9d53-0f7f1a2b3c4d"');
  });

  it('is registered by warm-handoff/jest: snapshots hold the placeholders', () => {
    const small = {
      ...monday,
      entities: [], sentiment: 'omitted', frustration: 'omitted', summary: 'omitted', transcript: monday.transcript.slice(0, 1), decision: 'omitted', redactions: 'omitted', suggestedOpening: 'omitted' };
    expect(small).toMatchInlineSnapshot(`
{
  "channel": "web",
  "conversationId": "<conversationId>",
  "createdAt": "<createdAt>",
  "customer": {
    "id": "<customer.id>",
    "name": "Lena Park",
    "tier": "gold",
  },
  "decision": "omitted",
  "entities": [],
  "frustration": "omitted",
  "locale": null,
  "redactions": "omitted",
  "sentiment": "omitted",
  "suggestedOpening": "omitted",
  "summary": "omitted",
  "topics": [],
  "transcript": [
    {
      "index": 0,
      "role": "user",
      "text": "my parcel 88123 has not arrived",
      "timestamp": "<timestamp>",
      "turn": 1,
    },
  ],
  "truncated": null,
  "version": 1,
}
`);
    expect(monday).toMatchSnapshot('packet');
  });

  it('works with snapshot property matchers', () => {
    expect(monday).toMatchSnapshot({ sentiment: expect.any(Object), suggestedOpening: expect.any(String) });
  });
});

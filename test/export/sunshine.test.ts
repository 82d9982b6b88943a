import { ApiClient, PassControlBody, SwitchboardActionsApi } from 'sunshine-conversations-client';
import { isValidationError } from '../../src/errors';
import { SUNSHINE_METADATA_MAX_BYTES, toSunshinePassControl, type SunshinePassControlBody } from '../../src/export/sunshine';
import type { HandoffPacket } from '../../src/schema/packet';
import { extremePacket, fixturePackets, longConversation, packetOf, secretConversation } from './packets';

// Shape: Sunshine Conversations API v2 `passControl`, body `{ switchboardIntegration, metadata }`,
// metadata a "flat object [...] Strings, numbers and booleans are the only supported format [...]
// limited to 4KB in size" (PassControlBody in Zendesk's clients, e.g.
// https://github.com/zendesk/sunshine-conversations-python/blob/master/docs/PassControlBody.md),
// checked against the PassControlBody model and SwitchboardActionsApi of sunshine-conversations-client.

const bytes = (metadata: object): number => Buffer.byteLength(JSON.stringify(metadata), 'utf8');

function expectFlatAndSmall(body: SunshinePassControlBody, limit = 4000): void {
  for (const value of Object.values(body.metadata)) {
    expect(['string', 'number', 'boolean']).toContain(typeof value);
    if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
  }
  expect(bytes(body.metadata)).toBeLessThanOrEqual(limit);
  expect(bytes(body.metadata)).toBeLessThanOrEqual(SUNSHINE_METADATA_MAX_BYTES);
}

let packets: { name: string; packet: HandoffPacket }[];
let secretPacket: HandoffPacket;
let longPacket: HandoffPacket;

beforeAll(async () => {
  packets = await fixturePackets();
  secretPacket = await packetOf(secretConversation(), { now: '2026-03-10T10:02:30Z' });
  longPacket = await packetOf(longConversation());
}, 60_000);

describe('toSunshinePassControl', () => {
  it('builds a body the client model takes as it is, for every escalating fixture', () => {
    for (const { packet } of packets) {
      const body = toSunshinePassControl(packet);
      const model = PassControlBody.constructFromObject(body);
      expect(model).toBeInstanceOf(PassControlBody);
      expect(model.getSwitchboardIntegration()).toBe('next');
      expect(model.getMetadata()).toEqual(body.metadata);
      expect(JSON.parse(JSON.stringify(model))).toEqual(body);
      expectFlatAndSmall(body);
    }
  });

  it('is what SwitchboardActionsApi.passControl posts', async () => {
    const client = new ApiClient();
    const calls: unknown[][] = [];
    client.callApi = (...args: unknown[]) => {
      calls.push(args);
      return Promise.resolve({ data: {}, response: {} });
    };
    const body = toSunshinePassControl(secretPacket, { switchboardIntegration: 'zd-agentWorkspace' });
    await new SwitchboardActionsApi(client).passControl('app-1', 'conv-1', PassControlBody.constructFromObject(body));
    const [path, method, pathParams, , , , postBody] = calls[0]!;
    expect([path, method, pathParams]).toEqual(['/v2/apps/{appId}/conversations/{conversationId}/passControl', 'POST', { appId: 'app-1', conversationId: 'conv-1' }]);
    expect(JSON.parse(JSON.stringify(postBody))).toEqual({ switchboardIntegration: 'zd-agentWorkspace', metadata: body.metadata });
  });

  it('puts routing first and the customer, issue, signals and latest messages after', () => {
    const { metadata } = toSunshinePassControl(secretPacket);
    const d = secretPacket.decision;
    expect(metadata).toMatchObject({
      'handoff.version': 1,
      'handoff.conversationId': 'conv-secrets',
      'handoff.queue': d.queue,
      'handoff.priority': d.priority,
      'handoff.action': d.action,
      'handoff.risk': d.risk,
      'handoff.triggeredAtTurn': d.triggeredAtTurn!,
      'handoff.reasons': d.reasons.map((r) => r.reason).join(','),
      'handoff.customerName': 'Ana Lopez',
      'handoff.customerId': 'cust-42',
      'handoff.customerTier': 'gold',
      'handoff.channel': 'web',
      'handoff.locale': 'en-GB',
      'handoff.createdAt': '2026-03-10T10:02:30Z',
      'handoff.issue': secretPacket.summary.issue,
      'handoff.redactions': 3,
      'handoff.suggestedOpening': secretPacket.suggestedOpening,
    });
    expect(Object.keys(metadata).slice(0, 6)).toEqual([
      'handoff.version',
      'handoff.conversationId',
      'handoff.queue',
      'handoff.priority',
      'handoff.action',
      'handoff.risk',
    ]);
    expect(metadata['handoff.transcript']).toBe(
      secretPacket.transcript.map((l) => `${l.role === 'user' ? 'Customer' : 'Bot'}: ${l.text}`).join('\n'),
    );
    // Nothing was cut: no note says so.
    expect(metadata).not.toHaveProperty('handoff.truncated');
    expect(metadata).not.toHaveProperty('handoff.omitted');
  });

  it('stays flat and under 4 KB for a long conversation, keeps the newest messages and says what it cut', () => {
    expect(bytes(longPacket)).toBeGreaterThan(50_000);
    const { metadata } = toSunshinePassControl(longPacket);
    expectFlatAndSmall({ switchboardIntegration: 'next', metadata });
    const transcript = String(metadata['handoff.transcript']);
    const lines = transcript.split('\n');
    expect(lines[0]).toMatch(/^\[\d+ earlier messages left out\]$/);
    expect(lines[lines.length - 1]).toBe('Customer: I want to talk to a human');
    const left = Number(/^\[(\d+)/.exec(lines[0]!)![1]);
    expect(left + lines.length - 1).toBe(longPacket.transcript.length);
    expect(String(metadata['handoff.truncated']).split(',')).toContain('transcript');
    // The routing facts always make it.
    expect(metadata['handoff.queue']).toBe(longPacket.decision.queue);
    expect(metadata['handoff.reasons']).toBe(longPacket.decision.reasons.map((r) => r.reason).join(','));
  });

  it('stays under 4 KB when every field is far too long, cutting on whole characters and naming each cut', () => {
    const packet = extremePacket(secretPacket);
    const { metadata } = toSunshinePassControl(packet);
    expectFlatAndSmall({ switchboardIntegration: 'next', metadata });
    const truncated = String(metadata['handoff.truncated'] ?? '').split(',');
    const omitted = String(metadata['handoff.omitted'] ?? '').split(',');
    for (const name of ['conversationId', 'queue', 'reasons', 'issue']) expect(truncated).toContain(name);
    // Every field the packet has is either present or named as left out.
    const present = new Set(Object.keys(metadata).map((key) => key.slice('handoff.'.length)));
    for (const name of ['customerName', 'suggestedOpening', 'keyPoints', 'botAttempts', 'entities', 'transcript']) {
      expect({ name, accounted: present.has(name) || omitted.includes(name) }).toEqual({ name, accounted: true });
    }
    for (const value of Object.values(metadata)) {
      // No lone surrogate: a cut never splits an emoji.
      if (typeof value === 'string') expect(value).toBe(Buffer.from(value, 'utf8').toString('utf8'));
    }
    expect(String(metadata['handoff.conversationId'])).toMatch(/…$/);
  });

  it('honours maxBytes and the prefix, and keeps your own entries first', () => {
    const own = { 'dataCapture.systemField.tags': 'vip', 'dataCapture.ticketField.123': 42 };
    const body = toSunshinePassControl(longPacket, { maxBytes: 1500, prefix: 'wh_', metadata: own, switchboardIntegration: 'zd-agentWorkspace' });
    expect(body.switchboardIntegration).toBe('zd-agentWorkspace');
    expectFlatAndSmall(body, 1500);
    expect(Object.entries(body.metadata).slice(0, 2)).toEqual(Object.entries(own));
    expect(Object.keys(body.metadata).slice(2).every((k) => k.startsWith('wh_'))).toBe(true);
    expect(body.metadata['wh_queue']).toBe(longPacket.decision.queue);
    expect(String(body.metadata['wh_omitted'])).toMatch(/\w/);
  });

  it('fits any size it is given, from 512 bytes to 4 KB', () => {
    const packet = extremePacket(secretPacket);
    for (let max = 512; max <= 4096; max += 257) {
      const body = toSunshinePassControl(packet, { maxBytes: max });
      expect(bytes(body.metadata)).toBeLessThanOrEqual(max);
      expect(body.metadata['handoff.version']).toBe(1);
    }
  });

  it('still fits when your own entries leave little room, saying everything else was left out', () => {
    const own = { note: 'x'.repeat(240) };
    const body = toSunshinePassControl(extremePacket(secretPacket), { maxBytes: 512, metadata: own });
    expect(bytes(body.metadata)).toBeLessThanOrEqual(512);
    expect(body.metadata['note']).toBe(own.note);
    expect(body.metadata['handoff.omitted']).toMatch(/\w/);
  });

  it('refuses options it cannot honour, naming each', () => {
    const attempt = (options: Parameters<typeof toSunshinePassControl>[1]): unknown => {
      try {
        toSunshinePassControl(secretPacket, options);
      } catch (error) {
        return error;
      }
      return null;
    };
    const error = attempt({ maxBytes: 5000, switchboardIntegration: ' ', metadata: { bad: Number.NaN } });
    expect(isValidationError(error)).toBe(true);
    expect((error as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['maxBytes', 'switchboardIntegration', 'metadata["bad"]']);
    expect(isValidationError(attempt({ maxBytes: 600, metadata: { big: 'x'.repeat(500) } }))).toBe(true);
  });
});

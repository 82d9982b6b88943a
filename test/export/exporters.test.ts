import * as api from '../../src/index';
import { isValidationError } from '../../src/errors';
import type { HandoffPacket } from '../../src/schema/packet';
import { packetOf, secretConversation, SECRETS } from './packets';
import { catchError } from '../helpers';

/** Every exporter with default options, as text an agent desk would receive. */
const EXPORTERS: readonly [string, (packet: HandoffPacket) => string][] = [
  ['bot framework', (p) => JSON.stringify(api.toBotFrameworkHandoff(p))],
  ['sunshine', (p) => JSON.stringify(api.toSunshinePassControl(p))],
  ['dialogflow cx', (p) => JSON.stringify(api.toDialogflowCxLiveAgentHandoff(p))],
  ['plain text', (p) => api.toPlainText(p)],
  ['markdown', (p) => api.toMarkdown(p)],
];

let packet: HandoffPacket;

beforeAll(async () => {
  packet = await packetOf(secretConversation(), { now: '2026-03-10T10:02:30Z' });
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

describe('every exporter', () => {
  it('is exported by name from the package', () => {
    expect(Object.keys(api)).toEqual(
      expect.arrayContaining(['toBotFrameworkHandoff', 'toSunshinePassControl', 'toDialogflowCxLiveAgentHandoff', 'toPlainText', 'toMarkdown']),
    );
  });

  it('starts from a packet whose transcript had card numbers and a password redacted', () => {
    expect(packet.redactions.byKind).toMatchObject({ card: 2, password: 1 });
    expect(JSON.stringify(packet)).not.toContain(SECRETS.password);
  });

  it.each(EXPORTERS)('%s: never includes a card number or the password', (_name, exporter) => {
    const out = exporter(packet);
    for (const secret of [...Object.values(SECRETS), 'Hunter2', '4111 1111', '5555-5555']) expect(out).not.toContain(secret);
    expect(out.replace(/\D+/g, ' ')).not.toMatch(/4111 ?1111|5555 ?5555/);
  });

  it.each(EXPORTERS)('%s: shows where a secret was, as the placeholder', (_name, exporter) => {
    const out = exporter(packet);
    expect(out).toMatch(/\\?\[card\\?\]/);
    expect(out).toMatch(/\\?\[password\\?\]/);
  });

  it.each(EXPORTERS)('%s: reads no clock and no randomness, and leaves the packet as it was', (_name, exporter) => {
    const frozen = deepFreeze(JSON.parse(JSON.stringify(packet)) as HandoffPacket);
    const now = jest.spyOn(Date, 'now');
    const random = jest.spyOn(Math, 'random');
    let first: string;
    try {
      first = exporter(frozen);
      expect(now).not.toHaveBeenCalled();
      expect(random).not.toHaveBeenCalled();
    } finally {
      now.mockRestore();
      random.mockRestore();
    }
    try {
      jest.useFakeTimers({ now: new Date('2031-01-01T00:00:00Z') });
      expect(exporter(frozen)).toBe(first);
      jest.setSystemTime(new Date('2045-06-30T12:00:00Z'));
      expect(exporter(packet)).toBe(first);
    } finally {
      jest.useRealTimers();
    }
  });

  it('refuse options that are not an object, naming the exporter', () => {
    const refusals: [string, () => unknown, string][] = [
      ['bot framework', () => api.toBotFrameworkHandoff(packet, 'x' as never), 'Invalid Bot Framework options'],
      ['sunshine', () => api.toSunshinePassControl(packet, 5 as never), 'Invalid Sunshine options'],
      ['dialogflow cx', () => api.toDialogflowCxLiveAgentHandoff(packet, [] as never), 'Invalid Dialogflow CX options'],
      ['plain text', () => api.toPlainText(packet, 'x' as never), 'Invalid text export options'],
      ['markdown', () => api.toMarkdown(packet, null as never), 'Invalid text export options'],
    ];
    for (const [name, run, message] of refusals) {
      const thrown = catchError(run);
      expect([name, isValidationError(thrown), (thrown as Error).message]).toEqual([name, true, expect.stringContaining(`${message}: 1 problem\n  (root): expected an object of options`)]);
    }
  });

  it('tell the agent when the limits left part of the conversation out', () => {
    const truncated = { droppedMessages: 12, droppedChars: 5000, cutMessages: 1 };
    const cut: HandoffPacket = { ...packet, truncated };
    expect(api.toBotFrameworkHandoff(cut).value.truncated).toEqual(truncated);
    expect(api.toSunshinePassControl(cut).metadata).toMatchObject({ 'handoff.droppedMessages': 12, 'handoff.cutMessages': 1 });
    expect(api.toSunshinePassControl(packet).metadata).not.toHaveProperty('handoff.droppedMessages');
    expect(api.toDialogflowCxLiveAgentHandoff(cut).liveAgentHandoff.metadata.truncated).toEqual(truncated);
    for (const text of [api.toPlainText(cut), api.toMarkdown(cut)]) {
      expect(text).toContain('12 earlier messages were over the limits and not evaluated; 1 long message was evaluated only in part');
    }
  });

  it.each(EXPORTERS)('%s: refuses an invalid packet with a ValidationError naming the path', (_name, exporter) => {
    const broken = { ...packet, decision: { ...packet.decision, priority: 'asap' } } as unknown as HandoffPacket;
    let error: unknown;
    try {
      exporter(broken);
    } catch (caught) {
      error = caught;
    }
    expect(isValidationError(error)).toBe(true);
    expect((error as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['decision.priority']);
  });
});

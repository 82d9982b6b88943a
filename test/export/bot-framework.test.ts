import {
  EventFactory,
  TestAdapter,
  TurnContext,
  isAttachment,
  isChannelAccount,
  isConversationAccount,
  isConversationReference,
  type Activity,
  type ConversationReference,
} from 'botbuilder';
import {
  BOT_FRAMEWORK_HANDOFF_INITIATE,
  toBotFrameworkHandoff,
  type BotFrameworkHandoffActivity,
  type BotFrameworkReferenceInput,
} from '../../src/export/bot-framework';
import type { HandoffPacket } from '../../src/schema/packet';
import { fixturePackets, packetOf, secretConversation } from './packets';

// Shape: "Transition conversations from bot to human" (the handoff initiation event carries the
// routing context and the transcript), https://learn.microsoft.com/en-us/azure/bot-service/bot-service-design-pattern-handoff-human,
// and botbuilder's own EventFactory.createHandoffInitiation, compared field for field below.

/** The user's latest activity, as a channel would deliver it to the bot. */
const incoming: Partial<Activity> = {
  type: 'message',
  id: 'act-0007',
  text: 'I want to talk to a human',
  channelId: 'webchat',
  serviceUrl: 'https://smba.example.net/emea/',
  locale: 'en-GB',
  from: { id: 'user-29', name: 'Ana Lopez', role: 'user' },
  recipient: { id: 'bot-1', name: 'Support Bot', role: 'bot' },
  conversation: { id: 'conv-abc', name: 'support', isGroup: false, conversationType: 'personal' },
};

/** What botbuilder builds for the same context, value and transcript, as JSON on the wire. */
function sdkActivity(ours: BotFrameworkHandoffActivity, activity: Partial<Activity>): Record<string, unknown> {
  const context = new TurnContext(new TestAdapter(), activity);
  const transcript = ours.attachments[0].content as unknown as { activities: Activity[] };
  const event = EventFactory.createHandoffInitiation(context, ours.value, transcript);
  return JSON.parse(JSON.stringify(event)) as Record<string, unknown>;
}

/** The SDK stamps a random id, the clock and the machine's zone: the only fields allowed to differ. */
function withOurStamps(sdk: Record<string, unknown>, ours: BotFrameworkHandoffActivity): Record<string, unknown> {
  expect(sdk['id']).toMatch(/^[0-9a-f-]{36}$/);
  expect(typeof sdk['timestamp']).toBe('string');
  expect(typeof sdk['localTimezone']).toBe('string');
  return { ...sdk, id: ours.id, timestamp: ours.timestamp, localTimezone: ours.localTimezone };
}

let packets: { name: string; packet: HandoffPacket }[];
let secretPacket: HandoffPacket;

beforeAll(async () => {
  packets = await fixturePackets();
  secretPacket = await packetOf(secretConversation(), { now: '2026-03-10T10:02:30Z' });
});

describe('toBotFrameworkHandoff', () => {
  it('is a handoff.initiate event with the routing context in value and a Transcript attachment', () => {
    const activity = toBotFrameworkHandoff(secretPacket);
    expect(activity).toMatchObject({
      type: 'event',
      name: 'handoff.initiate',
      id: `conv-secrets/handoff/${secretPacket.decision.triggeredAtTurn}`,
      timestamp: '2026-03-10T10:02:30Z',
      channelId: 'web',
      conversation: { id: 'conv-secrets' },
      value: {
        skill: secretPacket.decision.queue,
        queue: secretPacket.decision.queue,
        priority: secretPacket.decision.priority,
        action: 'handoff',
        reasons: secretPacket.decision.reasons,
        conversationId: 'conv-secrets',
        customer: { id: 'cust-42', name: 'Ana Lopez', tier: 'gold' },
        summary: secretPacket.summary,
        packetVersion: 1,
      },
      entities: [],
    });
    expect(BOT_FRAMEWORK_HANDOFF_INITIATE).toBe('handoff.initiate');
    expect(activity.attachments).toHaveLength(1);
    const [attachment] = activity.attachments;
    expect(attachment.name).toBe('Transcript');
    expect(attachment.contentType).toBe('application/json');
    expect(isAttachment(attachment)).toBe(true);
    expect(attachment.content.activities.map((a) => [a.type, a.from.role, a.text])).toEqual(
      secretPacket.transcript.map((line) => ['message', line.role === 'user' ? 'user' : 'bot', line.text]),
    );
  });

  it('gives every transcript message valid accounts, the conversation, its time and the packet role and turn', () => {
    const { activities } = toBotFrameworkHandoff(secretPacket).attachments[0].content;
    for (const [i, a] of activities.entries()) {
      const line = secretPacket.transcript[i]!;
      expect(isChannelAccount(a.from)).toBe(true);
      expect(isChannelAccount(a.recipient)).toBe(true);
      expect(isConversationAccount(a.conversation)).toBe(true);
      expect(a.from.id).not.toBe(a.recipient.id);
      expect(a.timestamp).toBe(line.timestamp);
      expect(a.textFormat).toBe('plain');
      expect(a.channelData).toEqual({ role: line.role, turn: line.turn, ...(line.fallback === undefined ? {} : { fallback: line.fallback }) });
    }
  });

  it('equals EventFactory.createHandoffInitiation for the same context, value and transcript', () => {
    const reference = TurnContext.getConversationReference(incoming);
    const ours = toBotFrameworkHandoff(secretPacket, { reference, localTimezone: 'Europe/London' });
    expect(ours).toEqual(withOurStamps(sdkActivity(ours, incoming), ours));
    expect(ours).toMatchObject({
      from: incoming.from,
      conversation: incoming.conversation,
      replyToId: 'act-0007',
      serviceUrl: 'https://smba.example.net/emea/',
      channelId: 'webchat',
      relatesTo: { activityId: 'act-0007', user: incoming.from, bot: incoming.recipient, locale: 'en-GB' },
    });
    expect(isConversationReference(ours.relatesTo)).toBe(true);
  });

  it('equals the SDK on every escalating fixture, with the references it fills from the packet', () => {
    expect(packets.length).toBeGreaterThanOrEqual(25);
    for (const { packet } of packets) {
      const ours = toBotFrameworkHandoff(packet);
      const { user, bot, conversation, channelId, locale } = ours.relatesTo;
      const activity = { type: 'message', from: user, recipient: bot, conversation, channelId, ...(locale === undefined ? {} : { locale }) };
      expect(ours).toEqual(withOurStamps(sdkActivity(ours, activity as Partial<Activity>), ours));
    }
  });

  it('takes a reference straight from botbuilder (type and value)', () => {
    const reference: Partial<ConversationReference> = TurnContext.getConversationReference(incoming);
    const input: BotFrameworkReferenceInput = reference;
    expect(toBotFrameworkHandoff(secretPacket, { reference: input }).relatesTo).toEqual(JSON.parse(JSON.stringify(reference)));
  });

  it('can be sent through a TurnContext, which addresses it from the bot to the user', async () => {
    const adapter = new TestAdapter();
    const context = new TurnContext(adapter, incoming);
    const ours = toBotFrameworkHandoff(secretPacket, { reference: TurnContext.getConversationReference(incoming) });
    // botbuilder types `timestamp` as a Date; on the wire, and here, it is an ISO 8601 string.
    await context.sendActivity(ours as unknown as Partial<Activity>);
    const sent = adapter.activeQueue[0]!;
    expect(sent).toMatchObject({
      type: 'event',
      name: 'handoff.initiate',
      from: incoming.recipient,
      recipient: incoming.from,
      conversation: incoming.conversation,
      value: ours.value,
      attachments: ours.attachments,
    });
  });

  it('routes to a given skill and adds hub-specific context; ids and times come from the options', () => {
    const activity = toBotFrameworkHandoff(secretPacket, {
      skill: 'credit cards',
      context: { BotHandoffTopic: 'CreditCard', queue: 'cards-tier-2' },
      id: 'handoff-1',
      timestamp: '2026-03-10T10:03:00.000Z',
      agent: { id: 'agent-7', name: 'Sam', role: 'user' },
    });
    expect(activity.value).toMatchObject({ skill: 'credit cards', BotHandoffTopic: 'CreditCard', queue: 'cards-tier-2' });
    expect(activity.id).toBe('handoff-1');
    expect(activity.timestamp).toBe('2026-03-10T10:03:00.000Z');
  });

  it('leaves out the timestamp when neither the packet nor the options give one', async () => {
    const packet = await packetOf(secretConversation());
    expect(packet.createdAt).toBeNull();
    expect(toBotFrameworkHandoff(packet)).not.toHaveProperty('timestamp');
  });

  it('sends agent and system lines from their own accounts', () => {
    const packet: HandoffPacket = {
      ...secretPacket,
      transcript: [
        ...secretPacket.transcript,
        { index: 5, role: 'agent', turn: null, text: 'Hi Ana, Sam here.' },
        { index: 6, role: 'system', turn: null, text: 'Sam joined the conversation' },
      ],
    };
    const { activities } = toBotFrameworkHandoff(packet, { agent: { id: 'agent-7', name: 'Sam', role: 'user' } }).attachments[0].content;
    expect(activities.slice(-2).map((a) => [a.from.id, a.recipient.id, a.channelData.role])).toEqual([
      ['agent-7', 'cust-42', 'agent'],
      ['system', 'cust-42', 'system'],
    ]);
  });
});

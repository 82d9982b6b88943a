import { buildPacket } from '../../src/packet/build-packet';
import type { PacketInput } from '../../src/packet/types';
import { HandoffPacketSchema } from '../../src/schema/packet';
import { analysis, bot, decision, reason, user } from './factories';

const SECRETS = ['4111 1111 1111 1111', '4111111111111111', 'hunter2', '482913', 'DE89370400440532013000', '123-45-6789', ' 737'];

function conversation(): PacketInput {
  const messages = [
    user('hi', { timestamp: '2026-05-01T10:00:00Z' }),
    bot('Hello! How can I help?', { timestamp: '2026-05-01T10:00:01Z' }),
    user('I see two charges of $49.99 I never made on my card 4111 1111 1111 1111 exp 12/27 737', {
      intent: { name: 'billing_dispute', confidence: 0.82 },
    }),
    bot("Sorry, I didn't get that.", { fallback: true }),
    { role: 'system' as const, text: 'customer verified by OTP' },
    user('my password is hunter2 and the code is 482913, refund to DE89370400440532013000 please'),
    bot("Sorry, I didn't get that.", { fallback: true }),
    user('THIS IS FRAUD. Get me a person NOW. ssn 123-45-6789, order #A12345'),
  ];
  const analyses = [
    analysis(),
    analysis(),
    analysis({ score: -0.4, topics: [['fraud', 'charges of $49.99 I never made']], tokens: ['charg', 'never', 'made', 'card'] }),
    analysis({ botFailure: 'flag' }),
    analysis(),
    analysis({ score: -0.2, signals: [['phrase', 'the code is 482913']], tokens: ['password', 'code', 'refund'] }),
    analysis({ botFailure: 'flag' }),
    analysis({
      score: -0.9,
      humanRequest: true,
      signals: [['shouting', 'THIS IS FRAUD'], ['urgency', 'NOW']],
      topics: [['fraud', 'FRAUD'], ['legal', 'ssn 123-45-6789']],
      tokens: ['fraud', 'person'],
    }),
  ];
  return {
    conversationId: 'conv-42',
    channel: 'web',
    customer: { id: 'cust-7', name: 'Maria Lopez', value: 1200 },
    messages,
    analyses,
    decision: decision({
      action: 'handoff',
      priority: 'urgent',
      queue: 'fraud',
      risk: 0.93,
      triggeredAtTurn: 4,
      reasons: [
        reason({
          rule: 'fraud',
          reason: 'sensitive_topic',
          description: 'Fraud goes to the fraud team.',
          priority: 'urgent',
          queue: 'fraud',
          evidence: [{ turn: 4, messageIndex: 7, excerpt: 'ssn 123-45-6789', signal: 'topic fraud' }],
        }),
      ],
    }),
    frustration: { score: 0.8, level: 'high' },
    sentimentTrend: -0.25,
    now: '2026-05-01T10:05:00Z',
  };
}

describe('buildPacket', () => {
  const input = conversation();
  const packet = buildPacket(input);

  it('produces a packet that the exported schema accepts as is', () => {
    expect(HandoffPacketSchema.parse(packet)).toEqual(packet);
  });

  it('copies ids, channel, customer, decision and the given time', () => {
    expect(packet.version).toBe(1);
    expect(packet.conversationId).toBe('conv-42');
    expect(packet.createdAt).toBe('2026-05-01T10:05:00Z');
    expect(packet.channel).toBe('web');
    expect(packet.locale).toBeNull();
    expect(packet.customer).toEqual({ id: 'cust-7', name: 'Maria Lopez', tier: null });
    expect(packet.decision).toMatchObject({ action: 'handoff', priority: 'urgent', queue: 'fraud', risk: 0.93, triggeredAtTurn: 4 });
  });

  it('redacts every message and counts what it redacted', () => {
    expect(packet.transcript.map((line) => line.text)).toEqual([
      'hi',
      'Hello! How can I help?',
      'I see two charges of $49.99 I never made on my card [card] exp 12/27 [cvv]',
      "Sorry, I didn't get that.",
      'customer verified by OTP',
      'my password is [password] and the code is [otp], refund to [iban] please',
      "Sorry, I didn't get that.",
      'THIS IS FRAUD. Get me a person NOW. ssn [ssn], order #A12345',
    ]);
    expect(packet.redactions).toEqual({
      total: 6,
      byKind: { card: 1, cvv: 1, iban: 1, ssn: 1, password: 1, otp: 1 },
    });
  });

  it('never lets a secret through, anywhere in the packet', () => {
    const json = JSON.stringify(packet);
    for (const secret of SECRETS) expect(json).not.toContain(secret);
    expect(packet.frustration.signals[0]?.excerpt).toBe('the code is [otp]');
    expect(packet.decision.reasons[0]?.evidence[0]?.excerpt).toBe('ssn [ssn]');
  });

  it('numbers user turns and keeps optional message fields only where given', () => {
    expect(packet.transcript.map((line) => [line.index, line.role, line.turn])).toEqual([
      [0, 'user', 1],
      [1, 'bot', null],
      [2, 'user', 2],
      [3, 'bot', null],
      [4, 'system', null],
      [5, 'user', 3],
      [6, 'bot', null],
      [7, 'user', 4],
    ]);
    expect(packet.transcript[0]).toEqual({ index: 0, role: 'user', turn: 1, text: 'hi', timestamp: '2026-05-01T10:00:00Z' });
    expect(packet.transcript[2]?.intent).toBe('billing_dispute');
    expect(packet.transcript[3]?.fallback).toBe(true);
    expect(packet.transcript[4]).not.toHaveProperty('timestamp');
    expect(packet.transcript[4]).not.toHaveProperty('fallback');
  });

  it('gives sentiment per user turn with the trend and the average', () => {
    expect(packet.sentiment.perTurn).toEqual([
      { turn: 1, score: 0, label: 'neutral' },
      { turn: 2, score: -0.4, label: 'negative' },
      { turn: 3, score: -0.2, label: 'negative' },
      { turn: 4, score: -0.9, label: 'negative' },
    ]);
    expect(packet.sentiment.trend).toBe(-0.25);
    expect(packet.sentiment.average).toBeCloseTo(-0.375, 10);
  });

  it('lists frustration signals with their turns, and distinct topics in order of first appearance', () => {
    expect(packet.frustration).toEqual({
      score: 0.8,
      level: 'high',
      signals: [
        { turn: 3, kind: 'phrase', excerpt: 'the code is [otp]' },
        { turn: 4, kind: 'shouting', excerpt: 'THIS IS FRAUD' },
        { turn: 4, kind: 'urgency', excerpt: 'NOW' },
      ],
    });
    expect(packet.topics).toEqual(['fraud', 'legal']);
  });

  it('summarises the issue, the bot attempts and key points', () => {
    expect(packet.summary.issue).toBe('I see two charges of $49.99 I never made on my card [card] exp 12/27 [cvv]');
    expect(packet.summary.botAttempts).toEqual([
      'Said "Hello! How can I help?"',
      'Recognised intent "billing_dispute"',
      'Said "Sorry, I didn\'t get that." (did not understand)',
    ]);
    expect(packet.summary.keyPoints).toEqual([
      'Sensitive topics: fraud (turn 2), legal (turn 4)',
      'Asked for a person at turn 4',
      'Bot failed 2 times',
      'Sentiment worsening (trend -0.25), last turn negative (-0.90)',
      'Frustration high (0.80): phrase, shouting, urgency',
      'Escalated: Fraud goes to the fraud team.',
    ]);
  });

  it('extracts entities from the redacted text with user turns', () => {
    expect(packet.entities).toEqual([
      { kind: 'amount', value: '$49.99', turn: 2, messageIndex: 2 },
      { kind: 'orderId', value: 'A12345', turn: 4, messageIndex: 7 },
    ]);
  });

  it('suggests an opening that greets by first name, names the topic and apologises', () => {
    expect(packet.suggestedOpening).toBe(
      "Hi Maria, thanks for waiting. I'm from the support team and I've read your conversation so far about " +
        "the activity on your account that you did not recognise. I'm sorry our assistant couldn't sort this out for you. " +
        "You don't need to repeat anything: I'll take it from here.",
    );
  });

  it('is deterministic: the same input gives a deep-equal packet', () => {
    expect(buildPacket(conversation())).toEqual(packet);
    expect(JSON.stringify(buildPacket(input))).toBe(JSON.stringify(packet));
  });

  it('does not mutate its input', () => {
    const fresh = conversation();
    buildPacket(fresh);
    expect(fresh).toEqual(conversation());
  });

  it('fills nulls and zeros for a minimal conversation', () => {
    const minimal = buildPacket({
      conversationId: 'c-min',
      messages: [user('hello')],
      analyses: [analysis()],
      decision: decision({ reasons: [], triggeredAtTurn: null }),
      frustration: { score: 0, level: 'none' },
      sentimentTrend: 0,
    });
    expect(HandoffPacketSchema.parse(minimal)).toEqual(minimal);
    expect(minimal.createdAt).toBeNull();
    expect(minimal.customer).toEqual({ id: null, name: null, tier: null });
    expect(minimal.redactions).toEqual({ total: 0, byKind: { card: 0, cvv: 0, iban: 0, ssn: 0, password: 0, otp: 0 } });
    expect(minimal.sentiment).toEqual({ perTurn: [{ turn: 1, score: 0, label: 'neutral' }], trend: 0, average: 0 });
    expect(minimal.summary).toEqual({ issue: 'hello', botAttempts: [], keyPoints: ['Sentiment steady (trend 0.00), last turn neutral (0.00)'] });
    expect(minimal.suggestedOpening.startsWith('Hi there, ')).toBe(true);
  });
});

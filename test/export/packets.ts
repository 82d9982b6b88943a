import { join } from 'node:path';
import { createEscalator } from '../../src/escalator';
import type { ConversationInput, Message } from '../../src/schema/conversation';
import type { EnvironmentInput } from '../../src/schema/environment';
import type { HandoffPacket } from '../../src/schema/packet';
import { readScenario, scenarioFiles } from '../../src/testing/run-scenarios';

const escalator = createEscalator();

/** The packet of a conversation that must escalate. */
export async function packetOf(conversation: ConversationInput, environment: EnvironmentInput = {}): Promise<HandoffPacket> {
  const result = await escalator.evaluate(conversation, environment);
  if (result.packet === undefined) throw new Error(`${conversation.id} did not escalate`);
  return result.packet;
}

/** Every escalating fixture with its packet, evaluated as the README shows. */
export async function fixturePackets(): Promise<{ name: string; packet: HandoffPacket }[]> {
  const scenarios = scenarioFiles([join(__dirname, '..', '..', 'fixtures')])
    .map((file) => readScenario(file))
    .filter((s) => s.expect.escalate);
  return Promise.all(scenarios.map(async (s) => ({ name: s.name, packet: await packetOf(s.conversation, s.environment) })));
}

/** Secrets a customer typed: none may reach any export. */
export const SECRETS = {
  card: '4111 1111 1111 1111', // Luhn-valid (a well-known test number)
  cardCompact: '4111111111111111',
  secondCard: '5555-5555-5555-4444', // Luhn-valid
  password: 'Hunter2!xyz',
} as const;

/** A conversation that gives away two card numbers and a password, then asks for a person. */
export function secretConversation(): ConversationInput {
  return {
    id: 'conv-secrets',
    channel: 'web',
    locale: 'en-GB',
    customer: { id: 'cust-42', name: 'Ana Lopez', tier: 'gold' },
    messages: [
      { role: 'user', text: `my card ${SECRETS.card} was charged twice for order 88123`, timestamp: '2026-03-10T10:00:00Z' },
      { role: 'bot', text: "Sorry, I didn't understand that.", fallback: true, timestamp: '2026-03-10T10:00:05Z' },
      { role: 'user', text: `also tried my other card ${SECRETS.secondCard}, and my password is ${SECRETS.password}`, timestamp: '2026-03-10T10:01:00Z' },
      { role: 'bot', text: "Sorry, I didn't understand that.", fallback: true, timestamp: '2026-03-10T10:01:05Z' },
      { role: 'user', text: 'I want to talk to a human', timestamp: '2026-03-10T10:02:00Z' },
    ],
  };
}

/** A long conversation: many long messages in several scripts, then a request for a person. */
export function longConversation(pairs = 40): ConversationInput {
  const words = 'the parcel never arrived and the tracking page says delivered but nothing is here at all, 包裹 没有 到达 😡'.split(' ');
  const messages: Message[] = [];
  for (let i = 0; i < pairs; i += 1) {
    let text = `Message ${i}: `;
    for (let j = 0; text.length < 1500; j += 1) text += `${words[(i * 7 + j) % words.length]} `;
    messages.push({ role: 'user', text: i % 5 === 0 ? `${text}\nsecond line "quoted"\tand a tab` : text });
    messages.push({ role: 'bot', text: `Sorry, I did not understand that (${i}).`, fallback: true });
  }
  messages.push({ role: 'user', text: 'I want to talk to a human' });
  return { id: 'conv-long', customer: { name: 'Ana Lopez' }, messages };
}

/**
 * A packet pushed past every limit by hand: long ids and names, thousands of lines, multi-byte
 * text and control characters. Still valid against HandoffPacketSchema.
 */
export function extremePacket(base: HandoffPacket): HandoffPacket {
  const long = (seed: string, n: number): string => seed.repeat(Math.ceil(n / seed.length)).slice(0, n);
  const transcript = Array.from({ length: 3000 }, (_, index) => ({
    index,
    role: index % 2 === 0 ? ('user' as const) : ('bot' as const),
    turn: index % 2 === 0 ? index / 2 + 1 : null,
    text: long(index % 3 === 0 ? '😡包裹é "x" \\ ' : 'plain words ', 900 + (index % 7) * 100),
  }));
  return {
    ...base,
    conversationId: long('conversation-id-', 2000),
    customer: { id: long('id', 1000), name: long('Ñame 名前 ', 1000), tier: long('tier', 500) },
    channel: long('channel', 300),
    locale: long('en-GB-', 300),
    decision: {
      ...base.decision,
      queue: long('queue', 800),
      reasons: Array.from({ length: 40 }, (_, i) => ({
        rule: `rule-${i}`,
        reason: long(`reason_${i}_`, 60),
        description: long('description ', 400),
        priority: 'high' as const,
        evidence: [{ turn: 1, messageIndex: 0, excerpt: long('excerpt ', 300), signal: 'signal' }],
      })),
    },
    summary: {
      issue: long('issue \u0007\u001b[31m ', 10000),
      botAttempts: Array.from({ length: 50 }, () => long('attempt ', 300)),
      keyPoints: Array.from({ length: 50 }, () => long('point ', 300)),
    },
    entities: Array.from({ length: 200 }, (_, i) => ({ kind: 'orderId' as const, value: `ORD-${i}`, turn: 1, messageIndex: 0 })),
    suggestedOpening: long('Hello ', 5000),
    transcript,
  };
}

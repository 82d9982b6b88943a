import { createEscalator } from '../src/escalator';
import { ValidationError, isValidationError } from '../src/errors';
import { DEFAULT_LIMITS, fitConversation, resolveLimits } from '../src/limits';
import { HandoffPacketSchema } from '../src/schema/packet';
import type { Message } from '../src/schema/conversation';
import { bot, user } from './helpers';

function issuesOf(error: unknown): { path: string; message: string }[] {
  expect(isValidationError(error)).toBe(true);
  return (error as ValidationError).issues.map(({ path, message }) => ({ path, message }));
}

async function rejection(promise: Promise<unknown>): Promise<{ path: string; message: string }[]> {
  try {
    await promise;
  } catch (error) {
    return issuesOf(error);
  }
  throw new Error('expected a ValidationError');
}

describe('limits: defaults', () => {
  it('are documented numbers, rejecting by default', () => {
    expect(DEFAULT_LIMITS).toEqual({ maxMessageChars: 20_000, maxMessages: 2_000, maxTotalChars: 500_000, overflow: 'reject' });
    expect(resolveLimits({ maxMessages: 10 })).toEqual({ ...DEFAULT_LIMITS, maxMessages: 10 });
  });

  it('refuses bad limit options', () => {
    expect(() => createEscalator({ limits: { maxMessages: 0 } })).toThrow(ValidationError);
    expect(() => createEscalator({ limits: { overflow: 'drop' as never } })).toThrow(/limits\.overflow/);
    expect(() => createEscalator({ limits: { maxTotalChars: 1.5 } })).toThrow(ValidationError);
  });
});

describe('limits: reject (the default)', () => {
  const escalator = createEscalator({ limits: { maxMessageChars: 100, maxMessages: 5, maxTotalChars: 300 } });

  it('names maxMessageChars and the message over it', async () => {
    const issues = await rejection(escalator.evaluate({ id: 'c', messages: [user('hi'), user('x'.repeat(101))] }));
    expect(issues).toEqual([{ path: 'messages[1].text', message: 'expected at most 100 characters (limits.maxMessageChars), found a string of 101 characters' }]);
  });

  it('names maxMessages', async () => {
    const messages = Array.from({ length: 6 }, (_, i) => user(`message ${i}`));
    expect(await rejection(escalator.evaluate({ id: 'c', messages }))).toEqual([
      { path: 'messages', message: 'expected at most 5 messages (limits.maxMessages), found 6' },
    ]);
  });

  it('names maxTotalChars', async () => {
    const messages = Array.from({ length: 4 }, () => user('y'.repeat(90)));
    expect(await rejection(escalator.evaluate({ id: 'c', messages }))).toEqual([
      { path: 'messages', message: 'expected at most 300 characters over all messages (limits.maxTotalChars), found 360' },
    ]);
  });

  it('lists every bound exceeded at once, in replay and safeEvaluate too', async () => {
    const messages = Array.from({ length: 7 }, () => user('z'.repeat(120)));
    const issues = await rejection(escalator.replay({ id: 'c', messages }));
    expect(issues.map((i) => i.message.match(/limits\.\w+/)?.[0])).toEqual([
      'limits.maxMessages',
      'limits.maxTotalChars',
      ...Array.from({ length: 7 }, () => 'limits.maxMessageChars'),
    ]);
    const safe = await escalator.safeEvaluate({ id: 'c', messages });
    expect(safe.success).toBe(false);
  });

  it('rejects a 1 MB message under the default limits without analysing it', async () => {
    const issues = await rejection(createEscalator().evaluate({ id: 'c', messages: [user('a'.repeat(1 << 20))] }));
    expect(issues).toContainEqual({
      path: 'messages[0].text',
      message: 'expected at most 20000 characters (limits.maxMessageChars), found a string of 1048576 characters',
    });
  });

  it('a session rejects a push over a bound and keeps its state', async () => {
    const session = escalator.session({ conversationId: 's' });
    await session.push(user('hello'));
    await expect(session.push(user('x'.repeat(101)))).rejects.toThrow(/limits\.maxMessageChars/);
    for (let i = 0; i < 4; i += 1) await session.push(user('y'.repeat(40)));
    await expect(session.push(user('one more'))).rejects.toThrow(/expected at most 5 messages \(limits\.maxMessages\), found 6/);
    expect(session.toJSON().messages).toHaveLength(5);
  });

  it('a session counts the characters it holds, also after resume', async () => {
    const session = escalator.session({ conversationId: 's' });
    for (let i = 0; i < 3; i += 1) await session.push(user('w'.repeat(90)));
    const resumed = escalator.resume(JSON.parse(JSON.stringify(session.toJSON())));
    await expect(resumed.push(user('v'.repeat(40)))).rejects.toThrow(/limits\.maxTotalChars\), found 310/);
    await expect(session.push(user('v'.repeat(40)))).rejects.toThrow(/limits\.maxTotalChars\), found 310/);
    await expect(session.push(user('v'.repeat(30)))).resolves.toBeDefined();
  });

  it('a session rejects whatever overflow says: it cannot forget turns it has folded into its facts', async () => {
    const lenient = createEscalator({ limits: { maxMessages: 2, overflow: 'truncate' } });
    const session = lenient.session({ conversationId: 's' });
    await session.push(user('one'));
    await session.push(user('two'));
    await expect(session.push(user('three'))).rejects.toThrow(/limits\.maxMessages/);
  });
});

describe("limits: overflow 'truncate'", () => {
  const escalator = createEscalator({ limits: { maxMessageChars: 100, maxMessages: 4, maxTotalChars: 300, overflow: 'truncate' } });

  it('keeps the newest messages, never analyses the dropped ones, and marks the packet', async () => {
    const messages: Message[] = [
      user('someone stole my card and made purchases on it'), // fraud, dropped: must not count
      bot('I am sorry to hear that.'),
      user('where is my parcel?'),
      bot('It is on its way.'),
      user('it has been two weeks'),
      user('I want to talk to a human'),
    ];
    const result = await escalator.evaluate({ id: 'c', messages });
    expect(result.trace.facts['turns.total']).toBe(4);
    expect(result.trace.facts['topics.sensitive']).toEqual([]);
    expect(result.decision.reasons.map((r) => r.reason)).toEqual(['human_request']);
    const packet = HandoffPacketSchema.parse(result.packet);
    expect(packet.truncated).toEqual({ droppedMessages: 2, droppedChars: messages[0]!.text.length + messages[1]!.text.length, cutMessages: 0 });
    expect(packet.transcript.map((l) => l.text)).toEqual(messages.slice(2).map((m) => m.text));
    expect(result.trace.notes.join(' ')).toMatch(/left out the 2 oldest messages/);
  });

  it('keeps the head of an over-long message and marks it', async () => {
    const long = `I want to talk to a human. ${'blah '.repeat(100)}`;
    const result = await escalator.evaluate({ id: 'c', messages: [user(long)] });
    const packet = HandoffPacketSchema.parse(result.packet);
    expect(packet.transcript[0]?.text).toBe(long.slice(0, 100));
    expect(packet.truncated).toEqual({ droppedMessages: 0, droppedChars: long.length - 100, cutMessages: 1 });
  });

  it('drops the oldest messages until the total fits', async () => {
    const messages = [user('a'.repeat(100)), user('b'.repeat(100)), user('c'.repeat(100)), user('I want a human')];
    const result = await escalator.evaluate({ id: 'c', messages });
    expect(result.packet?.transcript.map((l) => l.text[0])).toEqual(['b', 'c', 'I']);
    expect(result.packet?.truncated).toMatchObject({ droppedMessages: 1, droppedChars: 100 });
  });

  it('never splits a surrogate pair when cutting', () => {
    const fitted = fitConversation([user(`${'x'.repeat(99)}😡😡`)], { ...DEFAULT_LIMITS, maxMessageChars: 100, overflow: 'truncate' });
    expect(fitted.messages[0]?.text).toBe('x'.repeat(99));
    expect(fitted.truncated).toEqual({ droppedMessages: 0, droppedChars: 4, cutMessages: 1 });
  });

  it('gives a packet with truncated: null when everything fits', async () => {
    const result = await escalator.evaluate({ id: 'c', messages: [user('I want a human')] });
    expect(result.packet?.truncated).toBeNull();
    expect(result.trace.notes.join(' ')).not.toMatch(/Limits/);
  });

  it('replays only the messages kept', async () => {
    const messages = Array.from({ length: 10 }, (_, i) => user(`message number ${i}`));
    const turns = await escalator.replay({ id: 'c', messages });
    expect(turns).toHaveLength(4);
    expect(turns[0]?.result.trace.messageIndex).toBe(0);
  });

  it('evaluates the newest messages of a 10,000-message conversation, without a hang', async () => {
    const messages = Array.from({ length: 10_000 }, (_, i) => (i % 2 === 0 ? user(`${'spam '.repeat(20)}${i}`) : bot('ok')));
    const result = await createEscalator({ limits: { overflow: 'truncate' } }).evaluate({ id: 'c', messages });
    expect(result.trace.facts['turns.total']).toBe(2_000);
  });
});

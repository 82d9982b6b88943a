import { createEscalator } from '../src/escalator';
import { ValidationError, isValidationError } from '../src/errors';
import { DEFAULT_LIMITS, fitConversation, resolveLimits } from '../src/limits';
import { HandoffPacketSchema } from '../src/schema/packet';
import type { Message } from '../src/schema/conversation';
import type { EvaluationResult } from '../src/schema/result';
import { CustomFactError } from '../src/errors';
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

describe("limits: a session under overflow 'truncate'", () => {
  const limits = { maxMessageChars: 100, maxMessages: 4, maxTotalChars: 300, overflow: 'truncate' } as const;
  const escalator = createEscalator({ limits });
  // The same escalator without bounds that matter here, to evaluate whole conversations.
  const unbounded = createEscalator();

  async function pushAll(messages: readonly Message[], session = escalator.session({ conversationId: 'c' })): Promise<EvaluationResult[]> {
    const out: EvaluationResult[] = [];
    for (const m of messages) out.push(await session.push(m));
    return out;
  }

  function sameResult(a: EvaluationResult, b: EvaluationResult): void {
    expect(a.decision).toEqual(b.decision);
    expect(a.trace).toEqual(b.trace);
    expect(a.packet).toEqual(b.packet);
  }

  it('cuts an over-long message to its head, as evaluate does: the same result while nothing is dropped', async () => {
    const long = `I want to talk to a human. ${'blah '.repeat(100)}`;
    const messages = [user('hello'), bot('Hi, how can I help?'), user(long)];
    const results = await pushAll(messages);
    const evaluated = await escalator.evaluate({ id: 'c', messages });
    sameResult(results[2]!, evaluated);
    expect(results[2]!.packet?.truncated).toEqual({ droppedMessages: 0, droppedChars: long.length - 100, cutMessages: 1 });
    expect(results[2]!.packet?.transcript[2]?.text).toBe(long.slice(0, 100));
  });

  it('cuts a message longer than maxTotalChars to maxTotalChars, as evaluate does', async () => {
    const tight = createEscalator({ limits: { maxMessageChars: 500, maxMessages: 4, maxTotalChars: 50, overflow: 'truncate' } });
    const long = `I want to talk to a human. ${'x'.repeat(100)}`;
    const session = tight.session({ conversationId: 'c' });
    await session.push(user('hi'));
    const result = await session.push(user(long));
    const evaluated = await tight.evaluate({ id: 'c', messages: [user('hi'), user(long)] });
    // "hi" is dropped: evaluate numbers from the message kept, the session from the first pushed.
    expect(result.decision.reasons.map((r) => r.reason)).toEqual(evaluated.decision.reasons.map((r) => r.reason));
    expect(result.decision.reasons[0]?.evidence[0]).toMatchObject({ messageIndex: 1, turn: 2 });
    expect(evaluated.decision.reasons[0]?.evidence[0]).toMatchObject({ messageIndex: 0, turn: 1 });
    expect(result.packet?.truncated).toEqual(evaluated.packet?.truncated);
    expect(result.packet?.truncated).toEqual({ droppedMessages: 1, droppedChars: 2 + long.length - 50, cutMessages: 1 });
    expect(session.toJSON().messages.map((m) => m.text)).toEqual([long.slice(0, 50)]);
  });

  it('drops the oldest messages but keeps what it read of them: turns, indexes and facts stay the conversation\'s', async () => {
    const messages: Message[] = [
      user('someone stole my card and made purchases on it'),
      bot('I am sorry to hear that.'),
      user('where is my parcel?'),
      bot('It is on its way.'),
      user('it has been two weeks, order 12345678'),
      user('I want to talk to a human'),
    ];
    const results = await pushAll(messages);
    const last = results[5]!;
    // The decision is the whole conversation's: the fraud in the dropped first turn still counts.
    const whole = await unbounded.evaluate({ id: 'c', messages });
    expect(last.decision).toEqual(whole.decision);
    expect(last.trace.facts).toEqual(whole.trace.facts);
    expect(last.trace).toMatchObject({ turn: 4, messageIndex: 5 });
    // The transcript and the truncation are what evaluate under 'truncate' keeps.
    const truncated = await escalator.evaluate({ id: 'c', messages });
    expect(last.packet?.truncated).toEqual(truncated.packet?.truncated);
    expect(last.packet?.truncated).toEqual({ droppedMessages: 2, droppedChars: messages[0]!.text.length + messages[1]!.text.length, cutMessages: 0 });
    expect(last.packet?.transcript.map((l) => l.text)).toEqual(truncated.packet?.transcript.map((l) => l.text));
    expect(last.decision.action).toBe(truncated.decision.action);
    // Indexes and turns are the conversation's, so evidence points at the right transcript line.
    expect(last.packet?.transcript.map((l) => [l.index, l.turn])).toEqual([[2, 2], [3, null], [4, 3], [5, 4]]);
    expect(last.packet?.entities.find((e) => e.kind === 'orderId')).toMatchObject({ value: '12345678', messageIndex: 4, turn: 3 });
    const request = last.decision.reasons.find((r) => r.reason === 'human_request')!.evidence[0]!;
    expect(last.packet?.transcript.find((l) => l.index === request.messageIndex)?.text).toBe('I want to talk to a human');
    expect(last.trace.notes.join(' ')).toMatch(/the session left out the 2 oldest messages .*count from the conversation's first message/);
  });

  it('decides as evaluate over the whole conversation (long messages by their head) after 10x maxMessages pushes, with bounded state', async () => {
    const maxMessages = 50;
    const lenient = createEscalator({ limits: { maxMessageChars: 200, maxMessages, maxTotalChars: 4_000, overflow: 'truncate' } });
    const session = lenient.session({ conversationId: 'c' });
    const pushed: Message[] = [];
    const sizes: number[] = [];
    let last: EvaluationResult | undefined;
    for (let i = 0; i < 10 * maxMessages; i += 1) {
      const text =
        i % 2 === 1
          ? `Sorry, I did not get that (${i}).`
          : i % 37 === 0
            ? `my order ${i} has not arrived and ${'this is taking forever '.repeat(20)}`
            : i === 420
              ? 'this is useless, I want to talk to a human'
              : `where is my order ${i}?`;
      const message = i % 2 === 1 ? bot(text) : user(text);
      pushed.push(message);
      last = await session.push(message);
      const state = session.toJSON();
      expect(state.messages.length).toBeLessThanOrEqual(maxMessages);
      expect(state.messages.reduce((n, m) => n + m.text.length, 0)).toBeLessThanOrEqual(4_000);
      sizes.push(JSON.stringify(state).length);
    }
    const state = session.toJSON();
    expect(state.analyses).toHaveLength(state.messages.length);
    expect(state.dropped.messages + state.messages.length).toBe(500);
    expect(state.dropped.userTurns + state.messages.filter((m) => m.role === 'user').length).toBe(250);
    expect(state.facts.userTurns).toBe(250);
    expect(last!.trace).toMatchObject({ turn: 250, messageIndex: 499 });
    // Memory: once the window is full, the saved state stops growing.
    const full = Math.max(...sizes.slice(0, 2 * maxMessages));
    expect(Math.max(...sizes)).toBeLessThan(full * 1.25);
    expect(Math.max(...sizes)).toBeLessThan(64 * 1024);
    // The decision is the whole conversation's, each over-long message read by its first 200 characters.
    const heads = pushed.map((m) => (m.text.length > 200 ? { ...m, text: m.text.slice(0, 200) } : m));
    const whole = await unbounded.evaluate({ id: 'c', messages: heads });
    expect(last!.decision).toEqual(whole.decision);
    expect(last!.trace.facts).toEqual(whole.trace.facts);
    const evaluated = await lenient.evaluate({ id: 'c', messages: pushed });
    expect(last!.packet?.truncated).toEqual(evaluated.packet?.truncated);
    expect(last!.packet?.transcript.map((l) => l.text)).toEqual(evaluated.packet?.transcript.map((l) => l.text));
    expect(last!.packet?.transcript[0]?.index).toBe(state.dropped.messages);
  });

  it('round-trips through toJSON and resume, and later pushes give the same results', async () => {
    const messages = Array.from({ length: 30 }, (_, i) => (i % 3 === 2 ? bot(`reply ${i}`) : user(i === 25 ? 'agent please' : `question number ${i}`)));
    const a = escalator.session({ conversationId: 'c' });
    await pushAll(messages.slice(0, 20), a);
    const saved = JSON.parse(JSON.stringify(a.toJSON())) as unknown;
    const b = escalator.resume(saved);
    expect(b.toJSON()).toEqual(a.toJSON());
    const fromA = await pushAll(messages.slice(20), a);
    const fromB = await pushAll(messages.slice(20), b);
    fromA.forEach((result, i) => sameResult(result, fromB[i]!));
    expect(b.toJSON()).toEqual(a.toJSON());
    expect(a.toJSON().dropped).toMatchObject({ messages: 26, userTurns: 18 });
  });

  it('resumes a state saved before sessions could drop messages', async () => {
    const session = escalator.session({ conversationId: 'c' });
    await session.push(user('hello'));
    const saved = JSON.parse(JSON.stringify(session.toJSON())) as Record<string, unknown>;
    delete saved['dropped'];
    const resumed = escalator.resume(saved);
    expect(resumed.toJSON().dropped).toEqual({ messages: 0, userTurns: 0, chars: 0, cut: [] });
    for (const text of ['one', 'two', 'three', 'four']) await resumed.push(user(text));
    expect(resumed.toJSON().messages.map((m) => m.text)).toEqual(['one', 'two', 'three', 'four']);
    expect(resumed.toJSON().dropped).toEqual({ messages: 1, userTurns: 1, chars: 5, cut: [] });
  });

  it('forgets a cut message once it is dropped, and counts its whole length as dropped', async () => {
    const session = escalator.session({ conversationId: 'c' });
    const long = 'z'.repeat(150);
    await pushAll([user(long), user('a'), user('b'), user('c')], session);
    expect(session.toJSON().dropped).toEqual({ messages: 0, userTurns: 0, chars: 50, cut: [0] });
    const result = await session.push(user('d'));
    expect(session.toJSON().dropped).toEqual({ messages: 1, userTurns: 1, chars: 150, cut: [] });
    expect(result.trace.notes.join(' ')).toMatch(/left out the 1 oldest message \(150 characters\)/);
  });

  it('leaves a full session as it was when a push fails', async () => {
    let fail = false;
    const failing = createEscalator({
      limits,
      rules: {
        rules: [
          {
            name: 'many-open-tickets',
            description: 'The customer already has several tickets open.',
            conditions: { all: [{ fact: 'crm.openTickets', operator: 'greaterThanInclusive', value: 2 }] },
            event: { type: 'escalate', params: { reason: 'open_tickets', priority: 'normal' } },
          },
        ],
      },
      facts: {
        'crm.openTickets': () => {
          if (fail) throw new Error('timeout');
          return 0;
        },
      },
    });
    const session = failing.session({ conversationId: 'c' });
    await pushAll(['one', 'two', 'three', 'four', 'five'].map((t) => user(t)), session);
    const before = session.toJSON();
    fail = true;
    await expect(session.push(user('six'))).rejects.toThrow(CustomFactError);
    expect(session.toJSON()).toEqual(before);
    fail = false;
    const after = await session.push(user('six'));
    expect(after.trace.messageIndex).toBe(5);
    expect(session.toJSON().messages.map((m) => m.text)).toEqual(['three', 'four', 'five', 'six']);
  });

  it('counts a handback at the conversation\'s message index', async () => {
    const session = escalator.session({ conversationId: 'c' });
    await pushAll(['one', 'two', 'three', 'four', 'five', 'agent please'].map((t) => user(t)), session);
    await session.handback({ resolved: true });
    expect(session.toJSON().handback).toEqual({ resolved: true, atMessage: 6 });
  });
});

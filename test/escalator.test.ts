import { createEscalator } from '../src/escalator';
import { SessionError, ValidationError } from '../src/errors';
import { DecisionSchema } from '../src/schema/decision';
import { HandoffPacketSchema } from '../src/schema/packet';
import { bot, user } from './helpers';

const escalator = createEscalator();

describe('evaluate', () => {
  it('escalates an explicit request for a person, with evidence and a packet', async () => {
    const result = await escalator.evaluate({
      id: 'c-42',
      customer: { name: 'Ana Lopez', tier: 'standard' },
      messages: [user('hi, my order 88123 has not arrived'), bot('I can help with orders. What is the order number?'), user('I want to talk to a human please')],
    });
    const d = DecisionSchema.parse(result.decision);
    expect(d).toMatchObject({ escalate: true, action: 'handoff', priority: 'high', queue: 'general', triggeredAtTurn: 2 });
    expect(d.reasons).toHaveLength(1);
    expect(d.reasons[0]).toMatchObject({ rule: 'explicit-human-request', reason: 'human_request' });
    expect(d.reasons[0]?.evidence[0]).toMatchObject({ turn: 2, messageIndex: 2, signal: 'asked for a person' });
    expect(d.customerMessage).toMatch(/^Thank you, Ana. I'm passing you/);
    const packet = HandoffPacketSchema.parse(result.packet);
    expect(packet.conversationId).toBe('c-42');
    expect(packet.decision.triggeredAtTurn).toBe(2);
  });

  it('does not escalate a calm conversation, and gives no packet', async () => {
    const result = await escalator.evaluate({ id: 'c', messages: [user('what are your opening hours?'), bot('We are open 9 to 5.'), user('great, thanks')] });
    expect(result.decision).toMatchObject({ escalate: false, action: 'continue', priority: 'low', triggeredAtTurn: null, customerMessage: null });
    expect(result.decision.risk).toBeLessThan(0.2);
    expect(result.packet).toBeUndefined();
  });

  it('explains in the trace why it did not escalate', async () => {
    const result = await escalator.evaluate({ id: 'c', messages: [user('hello')] });
    expect(result.trace.notes.join(' ')).toMatch(/no escalate rule fired/);
    expect(result.trace.rules.every((r) => !r.fired)).toBe(true);
    expect(result.trace.facts['turns.user']).toBe(1);
  });

  it('records each rule’s fact values in the trace', async () => {
    const result = await escalator.evaluate({ id: 'c', messages: [user('agent please')] });
    const rule = result.trace.rules.find((r) => r.rule === 'explicit-human-request');
    expect(rule).toMatchObject({ fired: true, conditions: { all: [{ fact: 'humanRequest.detected', factValue: true, result: true }] } });
  });

  it('builds the rules trace on first read, the same every read, in the documented key order', async () => {
    const result = await escalator.evaluate({ id: 'c', messages: [user('agent please')] });
    expect(Object.keys(result.trace)).toEqual(['turn', 'messageIndex', 'facts', 'rules', 'notes']);
    const first = result.trace.rules;
    expect(result.trace.rules).toBe(first);
    expect(first).toHaveLength(escalator.rulePack.rules.length);
    // The trace as JSON holds every rule with its conditions, as when it was built eagerly.
    const json = JSON.parse(JSON.stringify(result)) as typeof result;
    expect(json.trace.rules).toEqual(first);
    expect(json.trace.rules.filter((r) => r.fired).map((r) => r.rule)).toEqual(result.decision.reasons.map((r) => r.rule));
    result.trace.rules = [];
    expect(result.trace.rules).toEqual([]);
    // Each trace keeps its own rules: every trace shares one accessor.
    const other = await escalator.evaluate({ id: 'd', messages: [user('agent please')] });
    expect(other.trace.rules).toEqual(first);
    expect(result.trace.rules).toEqual([]);
    expect({ ...other.trace }).toEqual({ turn: other.trace.turn, messageIndex: other.trace.messageIndex, facts: other.trace.facts, rules: first, notes: other.trace.notes });
  });

  it('keeps an escalation latched on later turns, from the turn it triggered', async () => {
    const result = await escalator.evaluate({
      id: 'c',
      messages: [user('my card was stolen yesterday'), bot('I am sorry to hear that.'), user('ok'), bot('Anything else?'), user('no')],
    });
    expect(result.decision).toMatchObject({ escalate: true, priority: 'urgent', queue: 'fraud', triggeredAtTurn: 1 });
  });

  it('clears the escalation when the customer says the problem is solved', async () => {
    const result = await escalator.evaluate({
      id: 'c',
      messages: [user('can I talk to an agent?'), bot('Sure, one moment.'), user('never mind, it works now, thanks')],
    });
    expect(result.decision).toMatchObject({ escalate: false, suppressed: [{ rule: 'problem-solved', reason: 'customer_resolved' }] });
  });

  it('never lets a suppress hide a request for a person made in the same message', async () => {
    const result = await escalator.evaluate({ id: 'c', messages: [user('it works now, thanks, but I still want to speak to a manager')] });
    expect(result.decision.escalate).toBe(true);
  });

  it('chooses callback or ticket when no agent is free', async () => {
    const conv = { id: 'c', messages: [user('let me speak to a real person')] };
    const ticket = await escalator.evaluate(conv, { agentsAvailable: 0 });
    expect(ticket.decision.action).toBe('ticket');
    const callback = await escalator.evaluate({ ...conv, customer: { phone: '+1 555 0100' } }, { agentsAvailable: 0 });
    expect(callback.decision.action).toBe('callback');
  });

  it('gives the same output for the same input', async () => {
    const conv = { id: 'c', messages: [user('THIS IS USELESS!!!'), bot('Sorry, I did not understand.'), user('agent')] };
    expect(await escalator.evaluate(conv, { now: '2026-01-01T10:00:00Z' })).toEqual(await escalator.evaluate(conv, { now: '2026-01-01T10:00:00Z' }));
  });

  it('runs another rule pack given as an object', async () => {
    const custom = createEscalator({
      rules: {
        rules: [
          {
            name: 'premium-plan',
            description: 'Premium plan customers always get a person.',
            conditions: { all: [{ fact: 'attributes.plan', operator: 'equal', value: 'premium' }] },
            event: { type: 'escalate', params: { reason: 'premium', priority: 'normal', queue: 'premium', message: 'A specialist will join you.' } },
          },
        ],
      },
    });
    const result = await custom.evaluate({ id: 'c', attributes: { plan: 'premium' }, messages: [user('hello')] });
    expect(result.decision).toMatchObject({ escalate: true, queue: 'premium', customerMessage: 'A specialist will join you.' });
  });

  it('keeps attribute keys such as __proto__ as plain data', async () => {
    const attributes = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}') as Record<string, unknown>;
    await escalator.evaluate({ id: 'c', attributes, messages: [user('hello')] });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('rejects bad options', () => {
    expect(() => createEscalator({ watchRisk: 3 })).toThrow(ValidationError);
  });
});

describe('sessions', () => {
  const messages = [
    user('hi, I was charged twice for my subscription'),
    bot('I can help with billing. Can you tell me more?'),
    user('I was charged two times this month'),
    bot('Sorry, I did not understand that.'),
    user('you are not listening, I was charged twice!!!'),
    bot('Sorry, could you rephrase that?'),
    user('get me a human'),
  ];

  it('replaying through a session gives the same result as evaluate', async () => {
    const session = escalator.session({ conversationId: 'c' });
    let last;
    for (const m of messages) last = await session.push(m);
    expect(last).toEqual(await escalator.evaluate({ id: 'c', messages }));
  });

  it('saves to plain JSON and resumes where it left off', async () => {
    const a = escalator.session({ conversationId: 'c' });
    for (const m of messages.slice(0, 4)) await a.push(m);
    const saved = JSON.parse(JSON.stringify(a.toJSON())) as unknown;
    const b = escalator.resume(saved);
    let last;
    for (const m of messages.slice(4)) last = await b.push(m);
    expect(last).toEqual(await escalator.evaluate({ id: 'c', messages }));
  });

  it('handles overlapping pushes one at a time, in call order', async () => {
    const session = escalator.session({ conversationId: 'c' });
    const results = await Promise.all(messages.map((m) => session.push(m)));
    expect(results.map((r) => r.trace.messageIndex)).toEqual(messages.map((_, i) => i));
    expect(results[results.length - 1]).toEqual(await escalator.evaluate({ id: 'c', messages }));
  });

  it('rejects a bad message and keeps its state', async () => {
    const session = escalator.session({ conversationId: 'c' });
    await session.push(user('hello'));
    await expect(session.push({ role: 'robot', text: 'x' } as never)).rejects.toThrow(ValidationError);
    expect(session.toJSON().messages).toHaveLength(1);
  });

  it('refuses a corrupt saved state', () => {
    expect(() => escalator.resume({ version: 1 })).toThrow(SessionError);
  });
});

describe('sessions over long conversations', () => {
  it('after 300 messages, matches evaluate, and toJSON snapshots do not change as the session goes on', async () => {
    const escalator2 = createEscalator();
    const messages = Array.from({ length: 300 }, (_, i) => (i % 2 === 0 ? user(`question number ${i} about my invoice line ${i * 7}`) : bot(`Here is answer ${i}.`)));
    const session = escalator2.session({ conversationId: 'long' });
    let last;
    let snapshot;
    for (const [i, m] of messages.entries()) {
      last = await session.push(m);
      if (i === 9) snapshot = session.toJSON();
    }
    expect(snapshot?.messages).toHaveLength(10);
    expect(session.toJSON().messages).toHaveLength(300);
    expect(last).toEqual(await escalator2.evaluate({ id: 'long', messages }));
  });

  it('never changes the state object given to resume', async () => {
    const e = createEscalator();
    const a = e.session({ conversationId: 'c' });
    await a.push(user('hello'));
    const saved = a.toJSON();
    await e.resume(saved).push(user('again'));
    expect(saved.messages).toHaveLength(1);
    expect(saved.analyses).toHaveLength(1);
  });

  it('gives each turn of a replay the packet of the conversation up to that turn', async () => {
    const turns = await createEscalator().replay({ id: 'c', messages: [user('I want a human'), bot('One moment.'), user('still there?')] });
    expect(turns[0]?.result.packet?.transcript).toHaveLength(1);
    expect(turns[2]?.result.packet?.transcript).toHaveLength(3);
    expect(JSON.parse(JSON.stringify(turns[2]?.result)).packet.transcript).toHaveLength(3);
  });
});

import { createEscalator } from '../src/escalator';
import { SessionError } from '../src/errors';
import { agentMessage, bot, user } from './helpers';

const escalator = createEscalator();

describe('session lifecycle: bot, waiting, agent, closed', () => {
  it('moves from bot to waiting on escalation, and to agent when an agent speaks', async () => {
    const session = escalator.session({ conversationId: 'c' });
    expect(session.status).toBe('bot');
    await session.push(user('where is my parcel?'));
    expect(session.status).toBe('bot');
    await session.push(user('I want to talk to a human'));
    expect(session.status).toBe('waiting');
    await session.push(agentMessage('Hi, this is Sam from the delivery team.'));
    expect(session.status).toBe('agent');
    expect(session.toJSON().status).toBe('agent');
  });

  it('hands back to the bot, and the next escalation needs new evidence', async () => {
    const session = escalator.session({ conversationId: 'c' });
    await session.push(user('this is useless, get me a real person'));
    await session.push(agentMessage('Hello, I can help.'));
    const back = await session.handback({ resolved: true });
    expect(back).toEqual({ handedBack: true, status: 'bot' });
    // The same old signals do not escalate again: no ping-pong.
    const next = await session.push(user('thanks, one more question about delivery times'));
    expect(next.decision.escalate).toBe(false);
    expect(session.status).toBe('bot');
    // New evidence does.
    const again = await session.push(user('actually I need to speak to a manager'));
    expect(again.decision).toMatchObject({ escalate: true, triggeredAtTurn: 3 });
    expect(session.toJSON().handback).toEqual({ resolved: true, atMessage: 2 });
  });

  it('refuses to hand back to a bot that still reports a technical failure', async () => {
    const session = escalator.session({ conversationId: 'c' });
    const r = await session.push(user('show me my bill'), { botError: true });
    expect(r.decision.reasons.map((x) => x.reason)).toEqual(['bot_error']);
    await expect(session.handback({ resolved: false }, { botError: { code: 'BILLING_DOWN' } })).resolves.toEqual({
      handedBack: false,
      status: 'waiting',
      reason: 'the bot still reports a technical failure',
    });
    await expect(session.handback({ resolved: false }, {})).resolves.toMatchObject({ handedBack: true });
  });

  it('gives a waiting customer a fresh message and the fallback past the timeout', async () => {
    const timed = createEscalator({ waitingTimeoutSeconds: 120 });
    const session = timed.session({ conversationId: 'c', channel: 'sms' });
    const env = (now: string) => ({ now, agentsAvailable: 1 });
    const first = await session.push(user('can I speak to an agent please'), env('2026-05-04T10:00:00Z'));
    expect(first.decision.action).toBe('handoff');
    const soon = await session.push(user('hello?'), env('2026-05-04T10:01:00Z'));
    expect(soon.decision.action).toBe('handoff');
    const late = await session.push(user('still there?'), env('2026-05-04T10:03:00Z'));
    expect(late.decision.action).toBe('callback');
    expect(late.decision.customerMessage).toMatch(/^Thank you for waiting\. Everyone on our team is still busy\./);
    expect(late.trace.notes.join(' ')).toMatch(/waited past the bound/);
  });

  it('refuses messages after close', async () => {
    const session = escalator.session({ conversationId: 'c' });
    await session.push(bot('Hello!'));
    session.close();
    expect(session.status).toBe('closed');
    await expect(session.push(user('hi'))).rejects.toThrow(SessionError);
  });

  it('keeps its status across toJSON and resume', async () => {
    const session = escalator.session({ conversationId: 'c' });
    await session.push(user('my card was stolen'));
    const resumed = escalator.resume(JSON.parse(JSON.stringify(session.toJSON())));
    expect(resumed.status).toBe('waiting');
  });
});

describe('no doom loops', () => {
  const noHumanRule = createEscalator({
    rules: {
      rules: [
        {
          name: 'only-fraud',
          description: 'A pack that forgot requests for a person.',
          conditions: { all: [{ fact: 'topics.sensitive', operator: 'contains', value: 'fraud' }] },
          event: { type: 'escalate', params: { reason: 'fraud', priority: 'urgent', queue: 'fraud' } },
        },
      ],
    },
  });

  it('honours a request for a person even when the pack has no rule for it', async () => {
    const result = await noHumanRule.evaluate({ id: 'c', messages: [user('hi'), user('let me talk to a human')] });
    expect(result.decision).toMatchObject({ escalate: true, triggeredAtTurn: 2, reasons: [{ rule: 'human-request-guarantee', reason: 'human_request' }] });
  });

  it('explains on every non-escalating turn why it did not escalate', async () => {
    const turns = await escalator.replay({ id: 'c', messages: [user('hi'), bot('Hello!'), user('what are your opening hours?')] });
    for (const t of turns) expect(t.result.trace.notes.join(' ')).toMatch(/no escalation: no escalate rule fired; risk \d/);
  });
});

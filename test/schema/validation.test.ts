import { createEscalator } from '../../src/escalator';
import { ValidationError, isValidationError } from '../../src/errors';
import { bot, user } from '../helpers';

const escalator = createEscalator();

async function issuesOf(conversation: unknown, environment?: unknown): Promise<{ path: string; message: string }[]> {
  try {
    await escalator.evaluate(conversation as never, environment as never);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    expect(isValidationError(error)).toBe(true);
    return (error as ValidationError).issues.map(({ path, message }) => ({ path, message }));
  }
  throw new Error('expected a ValidationError');
}

const valid = { id: 'c-1', messages: [user('hello'), bot('Hi! How can I help?')] };

describe('validation at the door', () => {
  it('accepts a valid conversation', async () => {
    await expect(escalator.evaluate(valid)).resolves.toHaveProperty('decision.escalate', false);
  });

  it.each([
    ['missing text', { id: 'c', messages: [{ role: 'user' }] }, 'messages[0].text', /expected string, found nothing/],
    ['unknown role', { id: 'c', messages: [{ role: 'robot', text: 'x' }] }, 'messages[0].role', /expected 'user' \| 'bot' \| 'agent' \| 'system', found "robot"/],
    ['empty messages', { id: 'c', messages: [] }, 'messages', /at least 1 item/],
    ['messages not an array', { id: 'c', messages: 'hello' }, 'messages', /expected array, found "hello"/],
    ['text of the wrong type', { id: 'c', messages: [{ role: 'user', text: 42 }] }, 'messages[0].text', /expected string, found 42/],
    ['a timestamp that is not a date', { id: 'c', messages: [{ role: 'user', text: 'x', timestamp: 'yesterday' }] }, 'messages[0].timestamp', /ISO 8601/],
    [
      'timestamps going backwards',
      {
        id: 'c',
        messages: [
          { role: 'user', text: 'a', timestamp: '2026-01-01T10:00:00Z' },
          { role: 'bot', text: 'b', timestamp: '2026-01-01T09:00:00Z' },
        ],
      },
      'messages[1].timestamp',
      /earlier/,
    ],
    ['intent confidence above 1', { id: 'c', messages: [{ role: 'user', text: 'x', intent: { name: 'greet', confidence: 1.5 } }] }, 'messages[0].intent.confidence', /<= 1, found 1.5/],
    ['intent confidence below 0', { id: 'c', messages: [{ role: 'user', text: 'x', intent: { name: 'greet', confidence: -0.1 } }] }, 'messages[0].intent.confidence', />= 0/],
    ['missing id', { messages: [{ role: 'user', text: 'x' }] }, 'id', /required/],
    ['an unknown key (typo)', { id: 'c', messages: [{ role: 'bot', text: 'x', fallbak: true }] }, 'messages[0]', /unknown key 'fallbak'/],
    ['fallback not a boolean', { id: 'c', messages: [{ role: 'bot', text: 'x', fallback: 'yes' }] }, 'messages[0].fallback', /expected boolean/],
    ['a customer that is not an object', { id: 'c', customer: 'vip', messages: [{ role: 'user', text: 'x' }] }, 'customer', /expected object/],
    ['not an object at all', null, '', /expected object, found null/],
  ])('rejects %s', async (_kind, conversation, path, message) => {
    const issues = await issuesOf(conversation);
    expect(issues).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('lists every bad path in one error', async () => {
    const issues = await issuesOf({
      id: '',
      messages: [{ role: 'robot', text: 'x' }, { role: 'user' }, { role: 'bot', text: 'y', intent: { name: 'a', confidence: 2 } }],
    });
    expect(issues.map((i) => i.path)).toEqual(['id', 'messages[0].role', 'messages[1].text', 'messages[2].intent.confidence']);
  });

  it('names the paths in the error message', async () => {
    await expect(escalator.evaluate({ id: 'c', messages: [{ role: 'robot', text: 'x' }] } as never)).rejects.toThrow(
      /Invalid conversation: 1 problem\n {2}messages\[0\]\.role: expected/,
    );
  });

  it('rejects a bad environment', async () => {
    const issues = await issuesOf(valid, { agentsAvailable: -1, now: 'soon', queues: { fraud: { agentsAvailable: 1.5 } } });
    expect(issues.map((i) => i.path)).toEqual(['now', 'agentsAvailable', 'queues.fraud.agentsAvailable']);
  });

  it('rejects business hours with an unknown time zone and a bad clock', async () => {
    const issues = await issuesOf(valid, {
      businessHours: { timeZone: 'Mars/Olympus', weekly: { mon: [{ open: '9am', close: '17:00' }] } },
    });
    expect(issues).toEqual([
      { path: 'businessHours.timeZone', message: expect.stringMatching(/IANA time zone/) },
      { path: 'businessHours.weekly.mon[0].open', message: expect.stringMatching(/HH:MM/) },
    ]);
  });

  it('never echoes long customer text in an error', async () => {
    const secret = 'my card is 4111 1111 1111 1111 and my password is hunter2';
    const issues = await issuesOf({ id: 'c', messages: [{ role: secret, text: 'x' }] });
    expect(JSON.stringify(issues)).not.toContain('4111');
    expect(JSON.stringify(issues)).not.toContain('hunter2');
  });

  it('does not change the caller’s conversation', async () => {
    const conversation = { id: 'c', messages: [user('where is my order 12345?'), bot('Let me check.')] };
    const before = structuredClone(conversation);
    await escalator.evaluate(conversation);
    expect(conversation).toEqual(before);
  });

  it('safeEvaluate returns the error instead of throwing', async () => {
    const result = await escalator.safeEvaluate({ id: 'c', messages: [] });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.code).toBe('VALIDATION');
  });
});

import { createEscalator } from '../src/escalator';
import { user } from './helpers';

/*
 * Keys such as __proto__, constructor and prototype arrive in JSON from bot platforms. They must
 * stay plain data (or be dropped): never reach Object.prototype, never change what a rule reads.
 */

const HOSTILE = '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "prototype": {"polluted": "yes"}, "plan": "basic"}';
const hostile = (): Record<string, unknown> => JSON.parse(HOSTILE) as Record<string, unknown>;

function expectCleanPrototypes(): void {
  for (const proto of [Object.prototype, Array.prototype, Function.prototype]) {
    expect(Object.getOwnPropertyNames(proto)).not.toContain('polluted');
  }
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect((Object as unknown as Record<string, unknown>)['polluted']).toBeUndefined();
}

describe('prototype pollution', () => {
  afterEach(expectCleanPrototypes);

  it('conversation, customer and message attributes with __proto__, constructor and prototype keys', async () => {
    const escalator = createEscalator();
    const result = await escalator.evaluate({
      id: 'c',
      attributes: hostile(),
      customer: { attributes: hostile() },
      messages: [user('hello', { attributes: hostile() }), user('I want a human', { attributes: hostile() })],
    });
    expect(result.decision.escalate).toBe(true);
    expect(result.trace.facts['attributes.plan']).toBe('basic');
    // The nested keys are facts like any other: own properties named by their dotted path.
    expect(result.trace.facts['attributes.constructor.prototype.polluted']).toBe('yes');
    expect(Object.getPrototypeOf(result.trace.facts)).toBe(Object.prototype);
  });

  it('rules reading attributes.constructor.* or attributes.__proto__.* read data, not the prototype chain', async () => {
    const rule = (name: string, fact: string) => ({
      name,
      description: 'Reads a hostile attribute path.',
      conditions: { all: [{ fact, operator: 'equal', value: 'yes' }] },
      event: { type: 'escalate', params: { reason: name.replace(/-/g, '_'), priority: 'low' } },
    });
    const escalator = createEscalator({
      rules: {
        rules: [
          rule('via-constructor', 'attributes.constructor.prototype.polluted'),
          rule('via-proto', 'attributes.__proto__.polluted'),
          rule('via-prototype', 'attributes.prototype.polluted'),
          rule('inherited', 'attributes.toString'),
        ],
      },
    });
    const withData = await escalator.evaluate({ id: 'c', attributes: hostile(), messages: [user('hello')] });
    // zod drops a __proto__ key from records (it cannot be an own key there); the others are data.
    expect(withData.decision.reasons.map((r) => r.rule).sort()).toEqual(['via-constructor', 'via-prototype']);
    const without = await escalator.evaluate({ id: 'c', messages: [user('hello')] });
    expect(without.decision.escalate).toBe(false);
    expect(without.trace.rules.every((r) => !r.fired)).toBe(true);
  });

  it('session state with hostile keys survives toJSON and resume without polluting', async () => {
    const escalator = createEscalator();
    const session = escalator.session({ conversationId: 's', attributes: hostile(), customer: { attributes: hostile() } });
    await session.push(user('hello', { attributes: hostile() }));
    const saved = JSON.parse(JSON.stringify(session.toJSON())) as unknown;
    const resumed = escalator.resume(saved);
    const result = await resumed.push(user('agent please', { attributes: hostile() }));
    expect(result.decision.escalate).toBe(true);
    expect(result.packet?.conversationId).toBe('s');
  });

  it('a session state whose keys are hostile at the top level is refused, not merged', () => {
    const escalator = createEscalator();
    expect(() => escalator.resume(JSON.parse('{"__proto__": {"polluted": "yes"}, "version": 1}'))).toThrow(/Cannot resume session/);
  });
});

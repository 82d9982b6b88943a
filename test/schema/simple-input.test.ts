import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { ConversationSchema, MessageSchema } from '../../src/schema/conversation';
import { EnvironmentSchema } from '../../src/schema/environment';
import { SessionInfoSchema } from '../../src/session-state';
import { emptyEnvironment, isEmptyOptions, simpleConversation, simpleMessage, simpleSessionInfo } from '../../src/schema/simple-input';
import { DEFAULT_RULES_DIR } from '../../src/rules/default-pack';
import { loadBundledPack, loadRulePack } from '../../src/rules/load-pack';

/** Keys in order, at every level, with undefined and -0 spelled out: what toStrictEqual does not compare. */
function layout(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v === undefined ? '<undefined>' : Object.is(v, -0) ? '<-0>' : v));
}

/** The fast reading must be exactly the schema's, whenever it gives one. */
function agrees(fast: unknown, schema: { safeParse(v: unknown): { success: boolean; data?: unknown } }, input: unknown): boolean {
  if (fast === undefined) return true;
  const parsed = schema.safeParse(input);
  expect(parsed.success).toBe(true);
  expect(fast).toStrictEqual(parsed.data);
  expect(layout(fast)).toBe(layout(parsed.data));
  return true;
}

// Values near the valid ones, and some far from them, for every field.
const anyValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.constantFrom(0, -0, 1, 0.5, -1, 2, Number.NaN, Infinity),
  fc.string({ maxLength: 3 }),
  fc.constantFrom('', 'a', 'en', 'user', 'bot', 'agent', 'system', 'admin', 'x'),
  fc.constant([]),
  fc.constant({}),
);
const role = fc.oneof(fc.constantFrom('user', 'bot', 'agent', 'system'), anyValue);
const intent = fc.oneof(
  fc.record({ name: fc.oneof(fc.constantFrom('', 'greet'), anyValue), confidence: fc.oneof(fc.constantFrom(0, -0, 0.3, 1, 1.5, -0.1, Number.NaN), anyValue) }, { requiredKeys: [] }),
  anyValue,
);
const messageLike = fc.record(
  {
    role,
    text: fc.oneof(fc.string({ maxLength: 12 }), anyValue),
    intent,
    fallback: fc.oneof(fc.boolean(), anyValue),
    error: fc.oneof(fc.boolean(), anyValue),
    timestamp: fc.constantFrom('2026-05-01T10:00:00Z', 'yesterday'),
    attributes: fc.constant({ plan: 'pro' }),
    extra: anyValue,
  },
  { requiredKeys: [] },
);
// Mostly messages the fast reading takes, so its acceptances are many, not a handful.
const commonMessage = fc.record(
  { role: fc.constantFrom('user', 'bot', 'agent', 'system'), text: fc.string({ maxLength: 12 }), intent: fc.record({ name: fc.constantFrom('greet', 'order'), confidence: fc.double({ min: 0, max: 1, noNaN: true }) }), fallback: fc.boolean(), error: fc.boolean() },
  { requiredKeys: ['role', 'text'] },
);
const message = fc.oneof({ weight: 3, arbitrary: commonMessage }, { weight: 2, arbitrary: messageLike }, { weight: 1, arbitrary: anyValue });
const conversationLike = fc.record(
  {
    id: fc.oneof(fc.constantFrom('c-1', ''), anyValue),
    channel: fc.oneof(fc.constantFrom('web', ''), anyValue),
    locale: fc.oneof(fc.constantFrom('en', 'e', 'en-GB'), anyValue),
    messages: fc.oneof({ weight: 4, arbitrary: fc.array(message, { maxLength: 4 }) }, { weight: 1, arbitrary: anyValue }),
    customer: fc.constant({ tier: 'gold' }),
    extra: anyValue,
  },
  { requiredKeys: [] },
);
const commonConversation = fc.record(
  { id: fc.constantFrom('c-1', 'x'), channel: fc.constantFrom('web', 'sms'), locale: fc.constantFrom('en', 'en-GB'), messages: fc.array(commonMessage, { minLength: 1, maxLength: 4 }) },
  { requiredKeys: ['id', 'messages'] },
);

describe('reading common input without zod', () => {
  /** Runs the fast reading on generated input; returns how many inputs it took (the rest went to zod). */
  function takenAgreeing<T>(inputs: fc.Arbitrary<T>, fast: (v: unknown) => unknown, schema: Parameters<typeof agrees>[1]): number {
    let taken = 0;
    fc.assert(
      fc.property(inputs, (v) => {
        const read = fast(v);
        if (read !== undefined) taken += 1;
        return agrees(read, schema, v);
      }),
      { numRuns: 3000 },
    );
    return taken;
  }

  it('reads a message exactly as MessageSchema does, or leaves it to the schema', () => {
    expect(takenAgreeing(message, simpleMessage, MessageSchema)).toBeGreaterThan(1000);
  });

  it('reads a conversation exactly as ConversationSchema does, or leaves it to the schema', () => {
    expect(takenAgreeing(fc.oneof(commonConversation, conversationLike), simpleConversation, ConversationSchema)).toBeGreaterThan(1000);
  });

  it('reads session info exactly as SessionInfoSchema does, or leaves it to the schema', () => {
    const info = fc.record(
      { conversationId: fc.oneof(fc.constantFrom('s-1', ''), anyValue), channel: fc.oneof(fc.constantFrom('web', ''), anyValue), locale: fc.oneof(fc.constantFrom('en', 'e'), anyValue), customer: fc.constant({ tier: 'gold' }), extra: anyValue },
      { requiredKeys: [] },
    );
    const commonInfo = fc.record({ conversationId: fc.constantFrom('s-1', 'x'), channel: fc.constantFrom('web', 'sms'), locale: fc.constantFrom('en', 'en-GB') }, { requiredKeys: ['conversationId'] });
    expect(takenAgreeing(fc.oneof(commonInfo, info), simpleSessionInfo, SessionInfoSchema)).toBeGreaterThan(1000);
    expect(simpleSessionInfo({ conversationId: 's-1', locale: 'en' })).toEqual({ conversationId: 's-1', locale: 'en' });
  });

  it('takes an empty environment or empty options only', () => {
    expect(emptyEnvironment({})).toEqual(EnvironmentSchema.parse({}));
    expect(emptyEnvironment(Object.create(null))).toEqual({});
    for (const other of [{ agentsAvailable: 2 }, [], new Date(), 'x', null]) expect(emptyEnvironment(other)).toBeUndefined();
    expect(isEmptyOptions({})).toBe(true);
    expect(isEmptyOptions({ rules: undefined })).toBe(false);
  });

  it('leaves to the schema what is not a plain object, inherited keys, holes and the shapes it does not read', () => {
    class Message {
      role = 'user';
      text = 'hi';
    }
    const withHole = [{ role: 'user', text: 'a' }, , { role: 'user', text: 'b' }];
    const inherited = Object.create({ fallback: true }) as Record<string, unknown>;
    Object.assign(inherited, { role: 'user', text: 'hi' });
    for (const m of [new Message(), inherited, { role: 'user', text: 'hi', timestamp: '2026-05-01T10:00:00Z' }, { role: 'user', text: 'hi', attributes: {} }]) {
      expect(simpleMessage(m)).toBeUndefined();
    }
    expect(simpleConversation({ id: 'c', messages: withHole })).toBeUndefined();
    expect(simpleConversation({ id: 'c', messages: [] })).toBeUndefined();
    expect(simpleConversation({ id: 'c', customer: { tier: 'gold' }, messages: [{ role: 'user', text: 'a' }] })).toBeUndefined();
  });

  it('keeps nothing of the caller\'s objects: the result is a copy', () => {
    const input = { id: 'c', messages: [{ role: 'user', text: 'a', intent: { name: 'greet', confidence: 0.5 } }] };
    const read = simpleConversation(input)!;
    expect(read).toEqual(input);
    expect(read.messages).not.toBe(input.messages);
    expect(read.messages[0]).not.toBe(input.messages[0]);
    expect(read.messages[0]!.intent).not.toBe(input.messages[0]!.intent);
  });
});

describe('the bundled default pack', () => {
  it('is the pack the schemas and checks make of the same files, key for key', () => {
    const bundled = loadBundledPack(DEFAULT_RULES_DIR);
    const validated = loadRulePack(DEFAULT_RULES_DIR);
    expect(bundled).toStrictEqual(validated);
    expect(layout(bundled)).toBe(layout(validated));
    expect(Object.isFrozen(bundled.rules[0])).toBe(true);
  });

  it('lets a process create an escalator, evaluate, replay and push without loading zod', () => {
    const code = `
      const { createEscalator } = require('./dist/index.js');
      const e = createEscalator();
      (async () => {
        const result = await e.evaluate({ id: 'c', channel: 'web', messages: [{ role: 'bot', text: 'Hi!' }, { role: 'user', text: 'I want to talk to a person' }] });
        await e.replay({ id: 'r', messages: [{ role: 'user', text: 'hello', intent: { name: 'greet', confidence: 0.9 } }] });
        const s = e.session({ conversationId: 's' });
        await s.push({ role: 'user', text: 'where is my order' }, {});
        const zod = Object.keys(require.cache).some((k) => k.includes('/node_modules/zod/'));
        console.log(JSON.stringify([result.decision.action, zod]));
      })();`;
    const r = spawnSync(process.execPath, ['-e', code], { cwd: join(__dirname, '..', '..'), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(['handoff', false]);
  });
});

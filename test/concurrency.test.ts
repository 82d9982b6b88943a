import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createEscalator } from '../src/escalator';
import { defaultRulePack } from '../src/rules/default-pack';
import { runRulesReference } from '../src/rules/run-rules';
import type { ConversationInput } from '../src/schema/conversation';
import type { EnvironmentInput } from '../src/schema/environment';
import type { EvaluationResult } from '../src/schema/result';
import { bot, user } from './helpers';

const fixturesDir = join(__dirname, '..', 'fixtures');
const fixtures = readdirSync(fixturesDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(fixturesDir, f), 'utf8')) as { conversation: ConversationInput; environment?: EnvironmentInput });

/** A delay that depends only on the conversation and message, so runs overlap in a scrambled but repeatable order. */
const delayFor = (id: string, index: number): number => (id.length * 7 + index * 13) % 5;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

// The default pack plus a rule on a slow async custom fact, at a lower priority than the rest.
const rules = {
  rules: [
    ...defaultRulePack().rules.map((r) => ({ ...r, priority: 5 })),
    {
      name: 'many-open-tickets',
      description: 'The customer already has several tickets open.',
      priority: 1,
      conditions: { all: [{ fact: 'crm.openTickets', operator: 'greaterThanInclusive', value: 2 }] },
      event: { type: 'escalate', params: { reason: 'open_tickets', priority: 'normal', queue: 'care' } },
    },
  ],
};
// Slow only while runs overlap; the sequential reference runs get the same values at once.
let slow = false;
const escalator = createEscalator({
  rules: rules as never,
  facts: {
    'crm.openTickets': async ({ conversationId, messageIndex, turn }) => {
      if (slow) await sleep(delayFor(conversationId, messageIndex));
      return (conversationId.length + turn) % 4;
    },
  },
});

/** Fixtures and variants of them, 1,000 evaluations in all, each with its environment. */
const cases = Array.from({ length: 1000 }, (_, i) => {
  const f = fixtures[i % fixtures.length]!;
  const id = `${f.conversation.id}-${i}`;
  const messages = f.conversation.messages.slice(0, 1 + (i % f.conversation.messages.length));
  return { conversation: { ...f.conversation, id, messages }, environment: f.environment };
});

/** Decision and trace only: a packet is built on first read, and they are compared separately below. */
const core = (r: EvaluationResult): unknown => ({ decision: r.decision, trace: r.trace, hasPacket: 'packet' in r });

describe('one escalator, many conversations at once', () => {
  it('gives 1,000 concurrent evaluations, with slow async custom facts, exactly the sequential results', async () => {
    const sequential: unknown[] = [];
    for (const c of cases) sequential.push(core(await escalator.evaluate(c.conversation, c.environment)));
    slow = true;
    const concurrent = await Promise.all(cases.map((c) => escalator.evaluate(c.conversation, c.environment)));
    slow = false;
    expect(concurrent.map(core)).toStrictEqual(sequential);
    // The lower-priority rule on the slow fact fired somewhere: it is not dropped by overlapping runs.
    expect(concurrent.some((r) => r.decision.reasons.some((reason) => reason.rule === 'many-open-tickets'))).toBe(true);
  }, 120_000);

  it('builds the same packets concurrently as sequentially', async () => {
    const some = cases.filter((_, i) => i % 25 === 0);
    const sequential: unknown[] = [];
    for (const c of some) sequential.push((await escalator.evaluate(c.conversation, c.environment)).packet);
    const concurrent = await Promise.all(some.map(async (c) => (await escalator.evaluate(c.conversation, c.environment)).packet));
    expect(concurrent).toStrictEqual(sequential);
  }, 60_000);

  it('keeps concurrent sessions apart', async () => {
    const sessions = cases.slice(0, 200).map((c) => ({ c, s: escalator.session({ conversationId: c.conversation.id }) }));
    slow = true;
    const results = await Promise.all(
      sessions.map(async ({ c, s }) => {
        let last: EvaluationResult | undefined;
        for (const m of c.conversation.messages) last = await s.push(m, c.environment);
        return core(last!);
      }),
    );
    slow = false;
    const expected: unknown[] = [];
    for (const { c } of sessions) {
      expected.push(core(await escalator.evaluate({ id: c.conversation.id, messages: c.conversation.messages }, c.environment)));
    }
    expect(results).toStrictEqual(expected);
  }, 60_000);

  it('json-rules-engine itself, one fresh Engine per run, agrees when 1,000 runs overlap', async () => {
    const pack = defaultRulePack();
    const factSets = (await escalator.replay({ id: 'f', messages: [user('my card was stolen'), bot('Sorry.'), user('I want a human NOW!!!')] })).map(
      (t) => t.result.trace.facts,
    );
    const inputs = Array.from({ length: 1000 }, (_, i) => factSets[i % factSets.length]!);
    const sequential = [];
    for (const facts of inputs) sequential.push(await runRulesReference(pack, facts));
    expect(await Promise.all(inputs.map((facts) => runRulesReference(pack, facts)))).toStrictEqual(sequential);
  });
});

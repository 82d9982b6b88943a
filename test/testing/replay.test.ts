import { conversation } from '../../src/testing/builder';
import { firstEscalationTurn, replay } from '../../src/testing/replay';
import { createEscalator } from '../../src/escalator';
import { parseRulePack } from '../../src/rules/parse-pack';
import { ANSWER, escalator } from './rule-packs';

describe('replay', () => {
  it('gives the decision at the end of every user turn, with the text that opened it', async () => {
    const conv = conversation()
      .bot('Welcome!')
      .user('where is my parcel')
      .botFallback('Sorry?')
      .user('my parcel, the blue one')
      .botFallback('Sorry?')
      .user('hello?');
    const turns = await replay(conv, { escalator });
    expect(turns.map((t) => [t.turn, t.text, t.messageIndex, t.decision.escalate])).toEqual([
      [1, 'where is my parcel', 2, false],
      [2, 'my parcel, the blue one', 4, true],
      [3, 'hello?', 5, true],
    ]);
    expect(turns[1]?.decision).toMatchObject({ action: 'handoff', reasons: [{ reason: 'bot_failure' }], triggeredAtTurn: 2 });
    expect(turns[1]?.result.packet?.decision.triggeredAtTurn).toBe(2);
    expect(firstEscalationTurn(turns)).toBe(2);
  });

  it('accepts a plain conversation, and is empty when the customer never wrote', async () => {
    expect(await replay({ id: 'x', messages: [{ role: 'bot', text: 'Welcome!' }] }, { escalator })).toEqual([]);
    const turns = await replay({ id: 'x', messages: [{ role: 'user', text: 'hi' }] }, { escalator });
    expect(turns).toHaveLength(1);
    expect(firstEscalationTurn(turns)).toBeNull();
  });

  it("uses the builder's environment, unless the options give one", async () => {
    const conv = conversation().customer({ value: 5000 }).env({ agentsAvailable: 0 }).user('hello');
    expect((await replay(conv, { escalator }))[0]?.decision.action).toBe('ticket');
    expect((await replay(conv, { escalator, environment: { agentsAvailable: 2 } }))[0]?.decision.action).toBe('handoff');
  });

  it('reports the first escalation even when a later turn clears it', async () => {
    const clearing = createEscalator({
      rules: parseRulePack([
        {
          content: {
            rules: [
              {
                name: 'any-fallback',
                description: 'The bot failed once.',
                conditions: { all: [{ fact: 'bot.totalFallbacks', operator: 'greaterThanInclusive', value: 1 }] },
                event: { type: 'escalate', params: { reason: 'bot_failure', priority: 'normal' } },
              },
              {
                name: 'third-turn-clears',
                description: 'Clears everything at turn 3.',
                conditions: { all: [{ fact: 'turns.user', operator: 'equal', value: 3 }] },
                event: { type: 'suppress', params: { reason: 'test_clear' } },
              },
            ],
          },
        },
      ]),
    });
    const turns = await replay(conversation().user('a').botFallback().user('b').bot(ANSWER).user('c'), { escalator: clearing });
    expect(turns.map((t) => t.decision.escalate)).toEqual([true, true, false]);
    expect(firstEscalationTurn(turns)).toBe(1);
  });
});

describe('explaining a decision', () => {
  it('reads conditions under `not` as the rule needs them', async () => {
    const { explain } = await import('../../src/testing/explain');
    const pack = parseRulePack([
      {
        content: {
          rules: [
            {
              name: 'not-first-turn-fallback',
              description: 'A fallback after the first turn.',
              conditions: {
                all: [
                  { not: { fact: 'turns.user', operator: 'equal', value: 1 } },
                  { fact: 'bot.consecutiveFallbacks', operator: 'greaterThanInclusive', value: 2 },
                ],
              },
              event: { type: 'escalate', params: { reason: 'bot_failure', priority: 'normal' } },
            },
          ],
        },
      },
    ]);
    const turns = await replay(conversation().user('a').bot(ANSWER).user('b').botFallback(), { escalator: createEscalator({ rules: pack }) });
    const lines = explain(turns, pack);
    expect(lines).toContain('    ✓ turns.user is 2, needs not = 1');
    expect(lines).toContain('    ✗ bot.consecutiveFallbacks is 1, needs ≥ 2 (one short)');
    expect(lines).toContain('  not-first-turn-fallback -> escalate bot_failure (normal): 1 of 2 conditions held');
  });
});

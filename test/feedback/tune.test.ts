import { tune } from '../../src/feedback/tune';
import { findTunables, setAt, withValues } from '../../src/feedback/tunables';
import { stratifiedFolds } from '../../src/feedback/folds';
import { TuneReportSchema } from '../../src/feedback/tune-report';
import { defaultRulePack } from '../../src/rules/default-pack';
import { RulePackError, ValidationError } from '../../src/errors';
import { oneFallbackTeam } from './tune-data';

describe('tunable numbers', () => {
  const pack = defaultRulePack();

  it('finds every number marked tunable in the default pack, with its rule and JSON path', () => {
    const slots = findTunables(pack);
    expect(slots.map((s) => `${s.rule} ${s.path} ${s.fact} ${s.value}`)).toEqual([
      'bot-loop conditions.all[1].value turns.user 2',
      'customer-repeating conditions.all[0].value user.repeats 2',
      'high-frustration conditions.all[0].value frustration.score 0.7',
      'high-value-negative conditions.all[1].value sentiment.current -0.3',
      'repeated-bot-failure conditions.all[0].value bot.consecutiveFallbacks 2',
      'sustained-negative-sentiment conditions.all[0].value sentiment.negativeStreak 3',
      'sustained-negative-sentiment conditions.all[1].value sentiment.average -0.2',
    ]);
  });

  it('grids run from min to max by step, tidy decimals, and include the pack value', () => {
    const frustration = findTunables(pack).find((s) => s.fact === 'frustration.score')!;
    expect(frustration.grid).toHaveLength(12);
    expect(frustration.grid[0]).toBe(0.4);
    expect(frustration.grid).toContain(0.7);
    expect(frustration.grid).toContain(0.55);
    expect(frustration.grid.at(-1)).toBe(0.95);
  });

  it('changes only the marked numbers, on copies', () => {
    const slots = findTunables(pack);
    const values = slots.map((s) => s.value);
    values[2] = 0.85;
    const rules = withValues(pack.rules, slots, values);
    const changed = rules.flatMap((r, i) => (JSON.stringify(r) === JSON.stringify(pack.rules[i]) ? [] : [r.name]));
    expect(changed).toEqual(['high-frustration']);
    expect(JSON.stringify(rules[slots[2]!.ruleIndex])).toBe(JSON.stringify(pack.rules[slots[2]!.ruleIndex]).replace('"value":0.7', '"value":0.85'));
    expect(setAt({ a: [1, { b: 2 }] }, ['a', 1, 'b'], 3)).toEqual({ a: [1, { b: 3 }] });
  });
});

describe('stratified folds', () => {
  it('splits every index once, keeps the share of positives per fold, and is the same for a seed', () => {
    const labels = Array.from({ length: 50 }, (_, i) => i % 5 === 0);
    const folds = stratifiedFolds(labels, 5, 7);
    expect(folds.flat().sort((a, b) => a - b)).toEqual(labels.map((_, i) => i));
    for (const fold of folds) expect(fold.filter((i) => labels[i]).length).toBe(2);
    expect(stratifiedFolds(labels, 5, 7)).toEqual(folds);
    expect(stratifiedFolds(labels, 5, 8)).not.toEqual(folds);
  });
});

describe('tune', () => {
  it('moves a threshold the outcomes disagree with and reports held-out figures before and after', async () => {
    const { conversations, outcomes } = oneFallbackTeam();
    const { rules, report } = await tune(conversations, outcomes, { folds: 4, seed: 3 });
    expect(TuneReportSchema.parse(report)).toEqual(report);
    expect(report.conversations).toBe(24);
    expect(report.before.confusion).toEqual({ tp: 0, fp: 0, fn: 12, tn: 12 });
    expect(report.after.confusion).toEqual({ tp: 12, fp: 0, fn: 0, tn: 12 });
    expect(report.after.f1).toBe(1);
    const moved = report.numbers.filter((n) => n.before !== n.after);
    expect(moved.map((n) => [n.rule, n.before, n.after])).toEqual([['repeated-bot-failure', 2, 1]]);
    expect(moved[0]!.foldValues).toEqual([1, 1, 1, 1]);
    expect(moved[0]!.heldOutAlone.f1).toBe(1);
    const failure = rules.find((r) => r.name === 'repeated-bot-failure')!;
    expect(JSON.stringify(failure.conditions)).toContain('"value":1');
    // Only the number changed: the rest of the pack is the default one.
    expect(rules.filter((r) => r.name !== 'repeated-bot-failure')).toEqual(defaultRulePack().rules.filter((r) => r.name !== 'repeated-bot-failure'));
  });

  it('reports progress over every replay it makes, ending at the total', async () => {
    const { conversations, outcomes } = oneFallbackTeam();
    const calls: [number, number][] = [];
    await tune(conversations, outcomes, { folds: 3, onProgress: (done, total) => calls.push([done, total]) });
    // 24 conversations: one replay to record facts, then before, the folds, the final pack and each of the 7 numbers alone.
    expect(calls).toHaveLength(24 * 11);
    expect(calls.at(-1)).toEqual([264, 264]);
    expect(calls.every(([done], i) => done === i + 1)).toBe(true);
  });

  it('draws a curve per tunable number over its whole grid', async () => {
    const { conversations, outcomes } = oneFallbackTeam();
    const { report } = await tune(conversations, outcomes, { folds: 3 });
    expect(report.curves).toHaveLength(7);
    const failure = report.curves.find((c) => c.rule === 'repeated-bot-failure')!;
    expect(failure.points.map((p) => [p.value, p.recall])).toEqual([[1, 1], [2, 0], [3, 0], [4, 0], [5, 0]]);
  });

  it('leaves every number alone when the outcomes agree with the pack', async () => {
    const { conversations } = oneFallbackTeam();
    const outcomes = conversations.map((c) => ({ conversationId: c.id, outcome: 'unneeded' }));
    const { report } = await tune(conversations, outcomes, { folds: 3 });
    expect(report.numbers.filter((n) => n.before !== n.after)).toEqual([]);
    expect(report.after).toEqual(report.before);
  });

  it('weighs mistakes by a cost table when asked', async () => {
    const { conversations, outcomes } = oneFallbackTeam();
    // A missed handoff costs nothing: moving the threshold buys nothing, so nothing moves.
    const free = await tune(conversations, outcomes, { folds: 3, objective: { kind: 'cost', unneededCost: 5, missedCost: 0 } });
    expect(free.report.numbers.filter((n) => n.before !== n.after)).toEqual([]);
    const costly = await tune(conversations, outcomes, { folds: 3, objective: { kind: 'cost', unneededCost: 5, missedCost: 20 } });
    expect(costly.report.before.objective).toBe(-10);
    expect(costly.report.after.objective).toBe(0);
  });

  it('refuses a pack with nothing marked tunable, bad options and too few labels', async () => {
    const { conversations, outcomes } = oneFallbackTeam();
    const plain = { rules: [{ name: 'asks', description: 'Asked.', conditions: { all: [{ fact: 'humanRequest.detected', operator: 'equal', value: true }] }, event: { type: 'escalate', params: { reason: 'human_request', priority: 'high' } } }] };
    const none = await tune(conversations, outcomes, { rules: plain }).catch((e: unknown) => e);
    expect(none).toBeInstanceOf(RulePackError);
    expect((none as RulePackError).issues[0]?.message).toMatch(/marked "tunable"/);
    const folds = await tune(conversations, outcomes, { folds: 1 }).catch((e: unknown) => e);
    expect((folds as ValidationError).issues).toEqual([{ code: 'too_small', path: 'folds', message: 'expected a whole number from 2 to 100, found 1' }]);
    const objective = await tune(conversations, outcomes, { objective: { kind: 'fbeta', beta: -1 } as never }).catch((e: unknown) => e);
    expect(objective).toBeInstanceOf(ValidationError);
    expect((objective as ValidationError).message).toMatch(/^Invalid objective: 1 problem\n  beta: expected a number > 0, found -1$/);
    expect((objective as ValidationError).issues[0]?.path).toBe('beta');
    const few = await tune(conversations, outcomes.slice(0, 2), { folds: 3 }).catch((e: unknown) => e);
    expect((few as ValidationError).issues[0]?.message).toBe('expected at least 3 conversations with an outcome (one per fold), found 2');
    const bad = await tune([{ id: 'x', messages: [{ role: 'robot', text: 'hi' }] }], []).catch((e: unknown) => e);
    expect((bad as ValidationError).issues[0]?.path).toBe('conversations[0].messages[0].role');
    expect(findTunables({ rules: [] })).toEqual([]);
  });
});

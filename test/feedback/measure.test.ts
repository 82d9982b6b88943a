import { buildMeasureReport, measure } from '../../src/feedback/measure';
import { normaliseReply, type ConversationRun } from '../../src/feedback/conversation-run';
import { MeasureReportSchema } from '../../src/feedback/report';
import { isValidationError } from '../../src/errors';
import { CONVERSATIONS, OUTCOMES, PACK } from './data';

const gap = (key: string, parts: Record<string, unknown>) => ({ key, ...parts });

describe('measure', () => {
  it('scores the hand-made logs: every figure computed by hand (see test/feedback/data.ts)', async () => {
    const report = await measure(CONVERSATIONS, OUTCOMES, { rules: PACK });
    expect(MeasureReportSchema.parse(report)).toEqual(report);
    // c1 needed, c2 late, c3 unneeded, c4 missed, c5 unneeded; c6 has no outcome; 'ghost' has no conversation.
    expect(report.counts).toEqual({
      conversations: 6,
      withOutcome: 5,
      withoutOutcome: 1,
      outcomesWithoutConversation: 1,
      byOutcome: { needed: 1, unneeded: 2, late: 1, missed: 1 },
    });
    // Escalated: c1 (turn 1), c2 (turn 3), c3 (turn 4), c6 (turn 3).
    expect(report.escalated).toBe(4);
    expect(report.escalationRate).toBe(0.6667); // 4 / 6
    // tp c1 c2; fp c3; fn c4; tn c5.
    expect(report.confusion).toEqual({ tp: 2, fp: 1, fn: 1, tn: 1 });
    expect(report.precision).toBe(0.6667); // 2 / 3
    expect(report.recall).toBe(0.6667); // 2 / 3
    expect(report.f1).toBe(0.6667); // 4 / (4 + 1 + 1)
    // Ideal turns: c1 1 (escalated at 1: 0), c2 2 (escalated at 3: +1), c4 2 (not escalated).
    expect(report.timing).toEqual({
      withIdealTurn: 3,
      measured: 2,
      notEscalated: 1,
      early: 0,
      onTime: 1,
      late: 1,
      meanOffset: 0.5,
      histogram: [
        { offset: 0, count: 1 },
        { offset: 1, count: 1 },
      ],
    });
    // fallback-twice: c2 (late) and c6 (no outcome); flagged: c1; long-conversation: c3, one of the two unneeded.
    expect(report.rules).toEqual([
      { rule: 'fallback-twice', event: 'escalate', fired: 2, firedWithOutcome: 1, unneeded: 0, unneededShare: 0, shareOfUnneeded: 0 },
      { rule: 'flagged', event: 'escalate', fired: 1, firedWithOutcome: 1, unneeded: 0, unneededShare: 0, shareOfUnneeded: 0 },
      { rule: 'long-conversation', event: 'escalate', fired: 1, firedWithOutcome: 1, unneeded: 1, unneededShare: 1, shareOfUnneeded: 0.5 },
    ]);
  });

  it('groups escalations and fallbacks by intent and by the bot reply before them, with redacted examples', async () => {
    const { botGaps } = await measure(CONVERSATIONS, OUTCOMES, { rules: PACK });
    // c2: fallbacks at turns 2 and 3, escalation at turn 3, all after address_change; c6 the same after confirm.
    expect(botGaps.intents).toEqual([
      gap('address_change', { events: 3, escalations: 1, fallbacks: 2, conversations: 1, labelled: 1, needed: 1, neededShare: 1, examples: [{ conversationId: 'c2', turn: 2, excerpt: 'Flat 2, 10 Baker Street' }] }),
      gap('confirm', { events: 3, escalations: 1, fallbacks: 2, conversations: 1, labelled: 0, needed: 0, neededShare: null, examples: [{ conversationId: 'c6', turn: 2, excerpt: 'yes, [card] is the card' }] }),
      gap('billing', { events: 1, escalations: 1, fallbacks: 0, conversations: 1, labelled: 1, needed: 1, neededShare: 1, examples: [{ conversationId: 'c1', turn: 1, excerpt: 'Hello, a question about my invoice' }] }),
      gap('small_talk', { events: 1, escalations: 1, fallbacks: 0, conversations: 1, labelled: 1, needed: 0, neededShare: 0, examples: [{ conversationId: 'c3', turn: 4, excerpt: 'maybe later' }] }),
    ]);
    expect(botGaps.botReplies.map((g) => [g.key, g.events, g.escalations, g.fallbacks, g.conversations, g.labelled, g.neededShare])).toEqual([
      ['sorry, i did not get that.', 4, 2, 2, 2, 1, 1],
      ['(no bot reply yet)', 1, 1, 0, 1, 1, 1],
      ['anything else i can help with?', 1, 1, 0, 1, 1, 0],
      ['i found the card [card] on file. please confirm.', 1, 0, 1, 1, 0, null],
      ['please type the new address.', 1, 0, 1, 1, 1, 1],
    ]);
    expect(botGaps.botReplies[0]!.examples).toEqual([
      { conversationId: 'c2', turn: 3, excerpt: 'Flat 2 at 10 Baker Street in London' },
      { conversationId: 'c6', turn: 3, excerpt: 'yes that one' },
    ]);
    expect(JSON.stringify(botGaps)).not.toMatch(/4111|1111/);
  });

  it('gives the same report for the same input, and names every bad conversation and outcome', async () => {
    expect(await measure(CONVERSATIONS, OUTCOMES, { rules: PACK })).toEqual(await measure(CONVERSATIONS, OUTCOMES, { rules: PACK }));
    const bad = [CONVERSATIONS[0], { id: 'x', messages: [{ role: 'robot', text: 'hi' }] }, CONVERSATIONS[0]];
    const error = await measure(bad, [{ conversationId: 'a', outcome: 'often' }]).catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    expect((error as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['conversations[1].messages[0].role', 'conversations[2].id']);
    const outError = await measure([], [{ conversationId: 'a', outcome: 'often' }]).catch((e: unknown) => e);
    expect((outError as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['outcomes[0].outcome']);
  });

  it('reports nothing to divide by as null, not NaN', async () => {
    const report = await measure([], []);
    expect([report.precision, report.recall, report.f1, report.escalationRate, report.timing.meanOffset]).toEqual([null, null, null, null, null]);
  });
});

describe('buildMeasureReport bot gaps', () => {
  const run = (id: string, events: ConversationRun['events']): ConversationRun => ({ id, escalated: true, firstEscalationTurn: 1, rulesFired: [], events });
  const event = (topics: string[], excerpt: string) => ({ kind: 'escalation' as const, messageIndex: 0, turn: 1, intent: null, topics, botReply: null, excerpt });

  it('counts each sensitive topic raised before an event, with the share marked needed, at most 3 examples, in a fixed order', () => {
    const runs = [
      run('a', [event(['fraud'], 'one')]),
      run('b', [event(['fraud', 'legal'], 'two')]),
      run('c', [event(['fraud'], 'three')]),
      run('d', [event(['fraud'], 'four')]),
      run('e', [event([], 'five')]),
    ];
    const outcomes = [
      { conversationId: 'a', outcome: 'needed' as const },
      { conversationId: 'b', outcome: 'unneeded' as const },
      { conversationId: 'c', outcome: 'missed' as const },
    ];
    const { topics, intents } = buildMeasureReport(runs, outcomes, { rules: [] }).botGaps;
    expect(topics).toEqual([
      gap('fraud', { events: 4, escalations: 4, fallbacks: 0, conversations: 4, labelled: 3, needed: 2, neededShare: 0.6667, examples: ['one', 'two', 'three'].map((excerpt, i) => ({ conversationId: 'abc'[i], turn: 1, excerpt })) }),
      gap('legal', { events: 1, escalations: 1, fallbacks: 0, conversations: 1, labelled: 1, needed: 0, neededShare: 0, examples: [{ conversationId: 'b', turn: 1, excerpt: 'two' }] }),
    ]);
    expect(intents.map((g) => [g.key, g.events])).toEqual([['(no intent)', 5]]);
  });

  it('normalises bot replies: redacted, lower case, numbers as #, spaces collapsed, shortened', () => {
    expect(normaliseReply('Your card  4111-1111-1111-1111\n is  blocked, ref 99812.')).toBe('your card [card] is blocked, ref #.');
    expect(normaliseReply('Your order 1234 ships in 3 days')).toBe(normaliseReply('Your order 98765 ships in 10 days'));
    expect(normaliseReply('x'.repeat(200)).length).toBeLessThanOrEqual(80);
  });
});

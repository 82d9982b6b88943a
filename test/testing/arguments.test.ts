import * as testing from '../../src/testing';
import { ValidationError } from '../../src/errors';
import { escalator, pack } from './rule-packs';

/** How a call ended: thrown synchronously, rejected, or neither. */
async function outcome(run: () => unknown): Promise<{ how: 'throws' | 'rejects' | 'returns' | 'resolves'; error?: unknown }> {
  let value: unknown;
  try {
    value = run();
  } catch (error) {
    return { how: 'throws', error };
  }
  if (!(value instanceof Promise)) return { how: 'returns' };
  try {
    await value;
  } catch (error) {
    return { how: 'rejects', error };
  }
  return { how: 'resolves' };
}

describe('warm-handoff/testing: arguments of the wrong kind', () => {
  it('every exported function refuses one with a ValidationError naming what was expected (async ones reject)', async () => {
    // Called as plain JavaScript would: no types, matchers without jest's `this`.
    const call = (fn: unknown, ...args: unknown[]) => () => (fn as (...a: unknown[]) => unknown)(...args);
    const conv = { id: 'x', messages: [{ role: 'user', text: 'hi' }] };
    const conversationExpected = 'received: expected a conversation: a builder from conversation() or { id, messages }, found nothing';
    const cases: [string, () => unknown, 'throws' | 'rejects', string][] = [
      ['replay (conversation)', call(testing.replay, null), 'rejects', 'Invalid conversation: 1 problem\n  (root): expected object, found null'],
      ['replay (options)', call(testing.replay, conv, null), 'rejects', 'Invalid replay options: 1 problem\n  (root): expected an object { environment?, escalator? }, found null'],
      ['firstEscalationTurn', call(testing.firstEscalationTurn, undefined), 'throws', 'Invalid turns: 1 problem\n  (root): expected an array of turn decisions from replay(), found nothing'],
      ['firstEscalationTurn (an item)', call(testing.firstEscalationTurn, [null]), 'throws', 'Invalid turns: 1 problem\n  [0]: expected a turn decision { turn, decision }, found null'],
      ['checkTiming (turn)', call(testing.checkTiming, 'soon', {}), 'throws', 'Invalid first escalation turn: 1 problem\n  (root): expected a user turn number or null, found "soon"'],
      ['checkTiming (window)', call(testing.checkTiming, 2, undefined), 'throws', 'Invalid turn window: 1 problem\n  (root): expected an object { earliest?, latest? }, found nothing'],
      ['describeWindow', call(testing.describeWindow, undefined), 'throws', 'Invalid turn window: 1 problem\n  (root): expected an object { earliest?, latest? }, found nothing'],
      ['explain (turns)', call(testing.explain, undefined, pack), 'throws', 'Invalid turns: 1 problem\n  (root): expected an array of turn decisions from replay(), found nothing'],
      ['explain (pack)', call(testing.explain, [], 42), 'throws', 'Invalid rule pack: 1 problem\n  (root): expected a rule pack { rules }, found 42'],
      ['nearMisses (result)', call(testing.nearMisses, undefined, pack), 'throws', 'Invalid evaluation result: 1 problem\n  (root): expected an object { decision, trace }, found nothing'],
      ['nearMisses (pack)', call(testing.nearMisses, { trace: {} }, {}), 'throws', 'Invalid rule pack: 1 problem\n  rules: expected an array of rules, found nothing'],
      ['factsReadBy', call(testing.factsReadBy, undefined), 'throws', 'Invalid rule pack: 1 problem\n  (root): expected a rule pack { rules }, found nothing'],
      ['toEscalate', call(testing.toEscalate, undefined), 'rejects', `Invalid expect(conversation).toEscalate(): 1 problem\n  ${conversationExpected}`],
      ['toEscalateWith', call(testing.toEscalateWith, undefined, {}), 'rejects', `Invalid expect(conversation).toEscalateWith({}): 1 problem\n  ${conversationExpected}`],
      ['toEscalateAtTurn', call(testing.toEscalateAtTurn, undefined, 2), 'rejects', `Invalid expect(conversation).toEscalateAtTurn(2): 1 problem\n  ${conversationExpected}`],
      [
        'toEscalateBetweenTurns (jest context)',
        () => testing.toEscalateBetweenTurns.call({ isNot: true, promise: '' }, 42, 1, 2),
        'rejects',
        'Invalid expect(conversation).not.toEscalateBetweenTurns(1, 2): 1 problem\n  received: expected a conversation: a builder from conversation() or { id, messages }, found 42',
      ],
      ['stablePacket (packet)', call(testing.stablePacket, null), 'throws', 'Invalid handoff packet: 1 problem\n  (root): expected a packet object, found null'],
      ['stablePacket (options)', call(testing.stablePacket, {}, null), 'throws', 'Invalid stable packet options: 1 problem\n  (root): expected an object { createdAt?, ids?, timestamps? }, found null'],
      ['compareWithExpectation (result)', call(testing.compareWithExpectation, undefined, {}), 'throws', 'Invalid evaluation result: 1 problem\n  (root): expected an object { decision, trace }, found nothing'],
      ['compareWithExpectation (expect)', call(testing.compareWithExpectation, { decision: { triggeredAtTurn: null } }, 'x'), 'throws', 'Invalid scenario expectation: 1 problem\n  (root): expected an object such as { escalate, reasons }, found "x"'],
      ['runScenario (file)', call(testing.runScenario, undefined), 'rejects', 'Invalid scenario file: 1 problem\n  (root): expected a path to a scenario JSON file, found nothing'],
      ['runScenario (options)', call(testing.runScenario, 'a.json', 'fast'), 'rejects', 'Invalid scenario run options: 1 problem\n  (root): expected an escalator or an object { escalator? }, found "fast"'],
      ['runScenarios', call(testing.runScenarios, undefined), 'rejects', 'Invalid scenario paths: 1 problem\n  (root): expected an array of paths to files or folders, found nothing'],
      ['runScenarios (a path)', call(testing.runScenarios, ['a.json', 42]), 'rejects', 'Invalid scenario paths: 1 problem\n  [1]: expected a path to a file or folder, found 42'],
      ['scenarioFiles', call(testing.scenarioFiles, 'scenarios'), 'throws', 'Invalid scenario paths: 1 problem\n  (root): expected an array of paths to files or folders, found "scenarios"'],
      ['escalatorForScenario (scenario)', call(testing.escalatorForScenario, undefined, 'a.json', escalator), 'throws', 'Invalid scenario: 1 problem\n  (root): expected a scenario object from readScenario(), found nothing'],
      ['escalatorForScenario (fallback)', call(testing.escalatorForScenario, {}, 'a.json', undefined), 'throws', 'Invalid fallback escalator: 1 problem\n  (root): expected an escalator from createEscalator(), found nothing'],
      ['toEscalate (escalator option)', call(testing.toEscalate, conv, { escalator: 5 }), 'rejects', 'The escalator option must be an escalator from createEscalator(), got 5.'],
      ['toEscalateWith (action)', call(testing.toEscalateWith, conv, { action: 'handof' }), 'rejects', "The action must be one of 'continue', 'watch', 'handoff', 'callback', 'ticket', got 'handof'."],
      ['toEscalateWith (reason)', call(testing.toEscalateWith, conv, { reason: 5 }), 'rejects', 'The reason must be a string, got 5.'],
      ['stablePacket (a flag)', call(testing.stablePacket, {}, { ids: 'no' }), 'throws', 'Invalid stable packet options: 1 problem\n  ids: expected true or false, found "no"'],
      ['createPacketSerializer', call(testing.createPacketSerializer, 'x'), 'throws', 'Invalid stable packet options: 1 problem\n  (root): expected an object { createdAt?, ids?, timestamps? }, found "x"'],
      ['conversation().customer', () => testing.conversation().customer(5 as never), 'throws', 'Invalid customer: 1 problem\n  (root): expected an object such as { tier, name }, found 5'],
      ['conversation().attributes', () => testing.conversation().attributes('vip' as never), 'throws', 'Invalid attributes: 1 problem\n  (root): expected an object of attribute values, found "vip"'],
      ['conversation().messages', () => testing.conversation().messages(null as never), 'throws', 'Invalid messages: 1 problem\n  (root): expected an array of messages, found null'],
      ['conversation().messages (an item)', () => testing.conversation().messages(['hi'] as never), 'throws', 'Invalid messages: 1 problem\n  [0]: expected a message { role, text }, found "hi"'],
    ];
    for (const [name, run, how, message] of cases) {
      const got = await outcome(run);
      expect([name, got.how, got.error instanceof ValidationError, (got.error as Error | undefined)?.message]).toEqual([
        name,
        how,
        true,
        expect.stringContaining(message),
      ]);
    }
  });
});

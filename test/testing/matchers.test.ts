import '../../src/testing/jest'; // one import registers the matchers (and the packet serializer)
import { expect as globalsExpect } from '@jest/globals';
import { conversation } from '../../src/testing/builder';
import { ValidationError } from '../../src/errors';
import { ANSWER, escalator } from './rule-packs';

/** The message of a failing assertion, with risk scores masked: they come from the analysis. */
async function failure(assertion: Promise<unknown>): Promise<string> {
  try {
    await assertion;
  } catch (error) {
    return (error as Error).message.replace(/risk \d\.\d\d/g, 'risk <r>');
  }
  throw new Error('expected the assertion to fail');
}

const opts = { escalator };

/** Fails twice in a row at turns 1 and 2: escalates (bot_failure) at turn 2. */
const twoFallbacks = conversation().user('where is my parcel').botFallback('Sorry?').user('the blue parcel').botFallback('Sorry?').user('hello?');

/** A VIP the bot keeps answering: vip-long-chat escalates at turn 4. */
const vipChat = conversation()
  .customer({ tier: 'vip' })
  .user('where is my parcel')
  .bot(ANSWER)
  .user('and the other one')
  .bot('That one left the depot today.')
  .user('ok')
  .bot('Anything else?')
  .user('no');

describe('matchers: passing and .not', () => {
  it('toEscalate / .not.toEscalate', async () => {
    await expect(twoFallbacks).toEscalate(opts);
    await expect(conversation().user('hi').bot(ANSWER)).not.toEscalate(opts);
    await expect(twoFallbacks.build()).toEscalate(opts); // a plain conversation works too
  });

  it('toEscalateWith each field, and .not', async () => {
    await expect(twoFallbacks).toEscalateWith({ reason: 'bot_failure', priority: 'normal', queue: 'general', action: 'handoff' }, opts);
    await expect(twoFallbacks).not.toEscalateWith({ priority: 'urgent' }, opts);
    await expect(conversation().user('hi')).not.toEscalateWith({}, opts);
  });

  it('toEscalateAtTurn / toEscalateBetweenTurns, and .not', async () => {
    await expect(twoFallbacks).toEscalateAtTurn(2, opts);
    await expect(twoFallbacks).not.toEscalateAtTurn(3, opts);
    await expect(vipChat).toEscalateBetweenTurns(3, 4, opts);
    await expect(vipChat).not.toEscalateBetweenTurns(1, 3, opts);
    await expect(conversation().user('hi')).not.toEscalateBetweenTurns(1, 3, opts);
  });

  it("uses the builder's environment or the one in the options", async () => {
    const conv = conversation().customer({ value: 1200 }).user('hello');
    await expect(conv).toEscalateWith({ action: 'handoff' }, opts);
    await expect(conv.env({ agentsAvailable: 0 })).toEscalateWith({ action: 'ticket' }, opts);
    await expect(conv.env({ agentsAvailable: 0 })).toEscalateWith({ action: 'handoff' }, { escalator, environment: { agentsAvailable: 1 } });
  });

  it('runs the default rule pack when no escalator is given', async () => {
    await expect(conversation().user('hi').botFallback().user('hmm').botFallback()).toEscalateWith({ reason: 'bot_failure' });
  });

  it('are on the expect of @jest/globals too, and return a promise', async () => {
    const pending = globalsExpect(twoFallbacks).toEscalate(opts);
    expect(pending).toBeInstanceOf(Promise);
    await pending;
  });
});

describe('the README example', () => {
  it('holds on the default rule pack', async () => {
    const conv = conversation().customer({ tier: 'vip' }).user('hi').bot('Hello!').botFallback('Sorry?').user('agent please');
    await expect(conv).toEscalate();
    await expect(conv).toEscalateWith({ reason: 'human_request', priority: 'high', action: 'handoff' });
    await expect(conv).toEscalateAtTurn(2);
    await expect(conv).not.toEscalateBetweenTurns(3, 4);
  });
});

describe('matchers: failure messages', () => {
  it('toEscalate: the decision, the rules that came close (one short), facts and the timeline', async () => {
    const conv = conversation().customer({ tier: 'vip' }).user('where is my parcel').botFallback('Sorry?').user('the blue parcel').bot(ANSWER).user('thanks').botFallback('Sorry?');
    expect(await failure(expect(conv).toEscalate(opts))).toBe(
      [
        'expect(conversation).toEscalate()',
        '',
        'Expected: the conversation escalates',
        'Received: continue (no escalation), risk <r>',
        '',
        'Decision at turn 3 (the last): continue (no escalation), risk <r>',
        'Rules fired: none',
        'Rules that came close:',
        '  second-fallback -> escalate bot_failure (normal): 0 of 1 condition held',
        '    ✗ bot.consecutiveFallbacks is 1, needs ≥ 2 (one short)',
        '  vip-long-chat -> escalate vip_long_chat (high, queue priority): 1 of 2 conditions held',
        '    ✓ customer.tier is "vip", needs = "vip"',
        '    ✗ turns.user is 3, needs ≥ 4 (one short)',
        'Facts:',
        '  bot.consecutiveFallbacks = 1',
        '  customer.tier = "vip"',
        '  turns.user = 3',
        '  customer.value = 0',
        'Timeline (decision at the end of each user turn; it never changed):',
        '  turn 1  continue  risk <r>  "where is my parcel"',
        '  turn 2  continue  risk <r>  "the blue parcel"',
        '  turn 3  continue  risk <r>  "thanks"',
      ].join('\n'),
    );
  });

  it('.not.toEscalate: the reasons with their evidence, the rules that fired, and the turn it changed', async () => {
    expect(await failure(expect(twoFallbacks).not.toEscalate(opts))).toBe(
      [
        'expect(conversation).not.toEscalate()',
        '',
        'Expected: the conversation does not escalate',
        'Received: handoff, priority normal, queue general, reasons [bot_failure], risk <r>, escalated at turn 2',
        '',
        'Decision at turn 2: handoff, priority normal, queue general, reasons [bot_failure], risk <r>, escalated at turn 2',
        'Reasons:',
        '  bot_failure (second-fallback, normal): turn 1 "Sorry?" (bot fallback); turn 2 "Sorry?" (bot fallback)',
        'Rules fired:',
        '  second-fallback -> escalate bot_failure (normal)',
        '    ✓ bot.consecutiveFallbacks is 2, needs ≥ 2',
        'Rules that came close: none',
        'Facts:',
        '  bot.consecutiveFallbacks = 2',
        '  customer.tier = "standard"',
        '  turns.user = 2',
        '  customer.value = 0',
        'Timeline (decision at the end of each user turn; changed at turn 2):',
        '  turn 1  continue          risk <r>  "where is my parcel"',
        '  turn 2  handoff (normal)  risk <r>  "the blue parcel"  <- changed: continue -> handoff (normal): bot_failure',
        '  turn 3  handoff (normal)  risk <r>  "hello?"',
      ].join('\n'),
    );
  });

  it('toEscalateWith: every difference, then the explanation', async () => {
    const message = await failure(expect(twoFallbacks).toEscalateWith({ reason: 'high_value', priority: 'high', queue: 'priority' }, opts));
    expect(message).toMatch(
      new RegExp(
        [
          "^expect\\(conversation\\)\\.toEscalateWith\\(\\{ reason: 'high_value', priority: 'high', queue: 'priority' \\}\\)",
          '',
          "Expected: an escalation with reason 'high_value', priority 'high', queue 'priority'",
          'Received: handoff, priority normal, queue general, reasons \\[bot_failure\\], risk <r>, escalated at turn 2',
          '',
          'Differences:',
          "  reason: expected 'high_value' among the reasons, got \\[bot_failure\\]",
          "  priority: expected 'high', got 'normal'",
          "  queue: expected 'priority', got 'general'",
          '',
          'Decision at turn 3 \\(the last\\)',
        ].join('\n'),
      ),
    );
    // vip-long-chat is one turn short, but the customer is not a VIP: not close. big-spender is far off.
    expect(message).toContain('Rules that came close: none\nFacts:\n  bot.consecutiveFallbacks = 2\n  customer.tier = "standard"\n  turns.user = 3\n  customer.value = 0\n');
  });

  it('toEscalateBetweenTurns: a premature escalation has its own message, with what fired', async () => {
    const message = await failure(expect(twoFallbacks).toEscalateBetweenTurns(3, 4, opts));
    expect(message.split('\n').slice(0, 7)).toEqual([
      'expect(conversation).toEscalateBetweenTurns(3, 4)',
      '',
      'Expected: first escalation between turns 3 and 4',
      'Received: escalated too early, at turn 2 (the earliest allowed is turn 3): a premature handoff',
      '',
      'Decision at turn 2: handoff, priority normal, queue general, reasons [bot_failure], risk <r>, escalated at turn 2',
      'Reasons:',
    ]);
    expect(message).toContain('  second-fallback -> escalate bot_failure (normal)\n    ✓ bot.consecutiveFallbacks is 2, needs ≥ 2');
    expect(message).toContain('<- changed: continue -> handoff (normal): bot_failure');
  });

  it('toEscalateBetweenTurns: a late escalation has its own message, with what was missing at the latest turn', async () => {
    const message = await failure(expect(vipChat).toEscalateBetweenTurns(2, 3, opts));
    expect(message.split('\n').slice(0, 12)).toEqual([
      'expect(conversation).toEscalateBetweenTurns(2, 3)',
      '',
      'Expected: first escalation between turns 2 and 3',
      'Received: escalated too late, at turn 4 (the latest allowed is turn 3): the customer waited too long',
      '',
      'Decision at turn 3: continue (no escalation), risk <r>',
      'Rules fired: none',
      'Rules that came close:',
      '  vip-long-chat -> escalate vip_long_chat (high, queue priority): 1 of 2 conditions held',
      '    ✓ customer.tier is "vip", needs = "vip"',
      '    ✗ turns.user is 3, needs ≥ 4 (one short)',
      'Facts:',
    ]);
    expect(message).toContain('  turn 4  handoff (high)  risk <r>  "no"  <- changed: continue -> handoff (high): vip_long_chat');
  });

  it('toEscalateBetweenTurns: never escalating says so, and when the conversation is too short', async () => {
    const message = await failure(expect(conversation().user('hi').bot(ANSWER).user('ok')).toEscalateBetweenTurns(3, 4, opts));
    expect(message).toMatch(/^Received: no escalation in 2 user turns \(the conversation ends before turn 3\)$/m);
    expect(message).toMatch(/^Decision at turn 2 \(the last\): continue \(no escalation\)/m);
  });

  it('toEscalateAtTurn and its .not', async () => {
    expect(await failure(expect(vipChat).toEscalateAtTurn(5, opts))).toMatch(
      /^expect\(conversation\)\.toEscalateAtTurn\(5\)\n\nExpected: first escalation at turn 5\nReceived: escalated too early, at turn 4 \(the earliest allowed is turn 5\): a premature handoff\n/,
    );
    expect(await failure(expect(vipChat).not.toEscalateAtTurn(4, opts))).toMatch(
      /^expect\(conversation\)\.not\.toEscalateAtTurn\(4\)\n\nExpected: no first escalation at turn 4\nReceived: escalated first at turn 4\n\nDecision at turn 4 \(the last\): handoff, priority high, queue priority, reasons \[vip_long_chat\]/,
    );
  });

  it('flags a numeric fact within 20% of its threshold, and leaves out one far from it', async () => {
    const near = await failure(expect(conversation().customer({ value: 850 }).user('hi')).toEscalate(opts));
    expect(near).toContain(
      '  big-spender -> escalate high_value (high, queue priority): 0 of 1 condition held\n    ✗ customer.value is 850, needs ≥ 1000 (within 20% of the threshold)',
    );
    const far = await failure(expect(conversation().customer({ value: 700 }).user('hi')).toEscalate(opts));
    expect(far).toContain('Rules that came close: none');
  });
});

describe('matchers: misuse', () => {
  it('throws, even under .not, when the received value is not a conversation', async () => {
    await expect(expect('hello').not.toEscalate()).rejects.toThrow(
      'Invalid expect(conversation).not.toEscalate(): 1 problem\n  received: expected a conversation: a builder from conversation() or { id, messages }, found "hello"',
    );
    await expect(expect('hello').not.toEscalate()).rejects.toBeInstanceOf(ValidationError);
    await expect(expect({ id: 'x', messages: [{ role: 'robot', text: 'hi' }] }).not.toEscalate()).rejects.toThrow(
      /Invalid conversation: 1 problem\n {2}messages\[0\]\.role: expected 'user' \| 'bot' \| 'agent' \| 'system', found "robot"/,
    );
    await expect(expect(conversation().bot('Welcome!')).not.toEscalate()).rejects.toThrow(/has no user message/);
    await expect(expect(conversation().bot('Welcome!')).not.toEscalate()).rejects.toThrow(ValidationError);
  });

  it('checks its arguments', async () => {
    await expect(expect(twoFallbacks).toEscalateAtTurn(0)).rejects.toThrow('The turn must be a user turn: a whole number from 1, got 0.');
    await expect(expect(twoFallbacks).toEscalateBetweenTurns(4, 3)).rejects.toThrow('The earliest turn (4) must not come after the latest (3).');
    await expect(expect(twoFallbacks).toEscalateWith({ prio: 'high' } as never)).rejects.toThrow(
      'Unknown field prio: expected reason, priority, queue or action.',
    );
    // The library's own error, as everywhere else.
    await expect(expect(twoFallbacks).toEscalateAtTurn(0)).rejects.toThrow(ValidationError);
    await expect(expect(twoFallbacks).toEscalate('fast' as never)).rejects.toThrow(ValidationError);
  });
});

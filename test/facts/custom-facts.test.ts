import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEscalator } from '../../src/escalator';
import { loadRulePack } from '../../src/rules/load-pack';
import { CustomFactError, RulePackError, ValidationError, isCustomFactError } from '../../src/errors';
import { user } from '../helpers';

const rule = {
  name: 'many-open-tickets',
  description: 'The customer already has several tickets open.',
  conditions: { all: [{ fact: 'crm.openTickets', operator: 'greaterThanInclusive', value: 2 }] },
  event: { type: 'escalate', params: { reason: 'open_tickets', priority: 'normal' } },
};

describe('custom facts', () => {
  it('lets rules read a fact computed by the caller, async, with the conversation context', async () => {
    const seen: unknown[] = [];
    const escalator = createEscalator({
      rules: { rules: [rule] },
      facts: {
        'crm.openTickets': async (ctx) => {
          seen.push({ id: ctx.conversationId, index: ctx.messageIndex, turn: ctx.turn, tier: ctx.customer?.tier, users: ctx.facts['turns.user'] });
          return 3;
        },
      },
    });
    const result = await escalator.evaluate({ id: 'c', customer: { tier: 'gold' }, messages: [user('hello')] });
    expect(result.decision).toMatchObject({ escalate: true, reasons: [{ rule: 'many-open-tickets' }] });
    expect(result.trace.facts['crm.openTickets']).toBe(3);
    expect(result.trace.rules[0]?.conditions).toMatchObject({ all: [{ fact: 'crm.openTickets', factValue: 3, result: true }] });
    expect(seen).toEqual([{ id: 'c', index: 0, turn: 1, tier: 'gold', users: 1 }]);
  });

  it('refuses a pack that reads a custom fact nobody provides, naming the rule', () => {
    expect(() => createEscalator({ rules: { rules: [rule] } })).toThrow(RulePackError);
    try {
      createEscalator({ rules: { rules: [rule] }, facts: { 'crm.other': () => 1 } });
    } catch (error) {
      expect((error as RulePackError).issues[0]?.path).toMatch(/many-open-tickets|conditions/);
    }
  });

  it('loads a folder pack that uses declared custom facts, and refuses it without them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wh-custom-'));
    writeFileSync(join(dir, 'tickets.json'), JSON.stringify(rule));
    expect(() => loadRulePack(dir)).toThrow(RulePackError);
    const pack = loadRulePack(dir, { facts: ['crm.openTickets'] });
    expect(() => createEscalator({ rules: pack })).toThrow(/crm\.openTickets/);
    expect(() => createEscalator({ rules: pack, facts: { 'crm.openTickets': () => 0 } })).not.toThrow();
  });

  it('refuses custom fact names that shadow built-in facts or are not dotted names', () => {
    expect(() => createEscalator({ facts: { 'sentiment.current': () => 0 } })).toThrow(ValidationError);
    expect(() => createEscalator({ facts: { 'attributes.plan': () => 0 } })).toThrow(ValidationError);
    expect(() => createEscalator({ facts: { tickets: () => 0 } })).toThrow(ValidationError);
    expect(() => createEscalator({ facts: { 'crm.tickets': 3 as never } })).toThrow(ValidationError);
  });

  it('wraps an error thrown in a custom fact in a CustomFactError naming the fact and its rules', async () => {
    const boom = new TypeError('crm down');
    const escalator = createEscalator({
      rules: { rules: [rule] },
      facts: {
        'crm.openTickets': async () => {
          throw boom;
        },
      },
    });
    const error = await escalator.evaluate({ id: 'c', messages: [user('hello')] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CustomFactError);
    expect(isCustomFactError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'CUSTOM_FACT', fact: 'crm.openTickets', rules: ['many-open-tickets'], cause: boom });
    expect((error as Error).message).toMatch(/crm\.openTickets.*many-open-tickets[\s\S]*TypeError: crm down/);
    // safeEvaluate reports it as the library's error.
    const safe = await escalator.safeEvaluate({ id: 'c', messages: [user('hello')] });
    expect(safe.success).toBe(false);
  });

  it('refuses a value that is not a fact value', async () => {
    const escalator = createEscalator({ rules: { rules: [rule] }, facts: { 'crm.openTickets': () => ({ n: 1 }) } });
    await expect(escalator.evaluate({ id: 'c', messages: [user('hello')] })).rejects.toThrow(/found object/);
  });

  it('leaves a session as it was when a custom fact fails on a push', async () => {
    let fail = false;
    const escalator = createEscalator({
      rules: { rules: [rule] },
      facts: {
        'crm.openTickets': () => {
          if (fail) throw new Error('timeout');
          return 0;
        },
      },
    });
    const session = escalator.session({ conversationId: 'c' });
    await session.push(user('hello'));
    const before = session.toJSON();
    fail = true;
    await expect(session.push(user('again'))).rejects.toThrow(CustomFactError);
    expect(session.toJSON()).toEqual(before);
    fail = false;
    const after = await session.push(user('again'));
    expect(after.trace.messageIndex).toBe(1);
  });
});

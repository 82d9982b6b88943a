import * as api from '../src/index';
import { createEscalator } from '../src/escalator';
import {
  CustomFactError,
  InternalError,
  RulePackError,
  SessionError,
  ValidationError,
  WarmHandoffError,
  asLibraryError,
  isCustomFactError,
  isInternalError,
  isWarmHandoffError,
} from '../src/errors';
import { user } from './helpers';

describe('errors', () => {
  it('every error class is exported, with a stable code', () => {
    const cases: [WarmHandoffError, string][] = [
      [new ValidationError('x', []), 'VALIDATION'],
      [new RulePackError('x', []), 'RULE_PACK'],
      [new SessionError('x'), 'SESSION'],
      [new CustomFactError('crm.x', ['r'], 'threw'), 'CUSTOM_FACT'],
      [new InternalError(new TypeError('x')), 'INTERNAL'],
    ];
    for (const [error, code] of cases) {
      expect(error).toBeInstanceOf(WarmHandoffError);
      expect(error.code).toBe(code);
      expect(isWarmHandoffError(error)).toBe(true);
      expect(api[error.name as keyof typeof api]).toBe(error.constructor);
    }
  });

  it('wraps anything that is not a library error as an InternalError, keeping library errors as they are', () => {
    const mine = new ValidationError('x', []);
    expect(asLibraryError(mine)).toBe(mine);
    const cause = new RangeError('secret 4111 1111 1111 1111');
    const wrapped = asLibraryError(cause);
    expect(isInternalError(wrapped)).toBe(true);
    expect((wrapped as Error & { cause?: unknown }).cause).toBe(cause);
    expect(wrapped.message).toMatch(/RangeError/);
    expect(wrapped.message).not.toMatch(/4111/);
  });

  it('evaluate throws only library errors: an input whose getter throws becomes an InternalError', async () => {
    const hostile = {
      id: 'c',
      get messages(): never {
        throw new TypeError('boom from a getter');
      },
    };
    const escalator = createEscalator();
    const error: unknown = await escalator.evaluate(hostile as never).catch((e: unknown) => e);
    expect(isInternalError(error)).toBe(true);
    expect((error as Error).message).not.toMatch(/boom/);
    const safe = await escalator.safeEvaluate(hostile);
    expect(safe.success).toBe(false);
    await expect(escalator.replay(hostile as never)).rejects.toBeInstanceOf(InternalError);
  });

  it('an error inside a custom fact is wrapped with the fact and the names of the rules that read it', async () => {
    const escalator = createEscalator({
      rules: {
        rules: [
          {
            name: 'many-open-tickets',
            description: 'The customer already has several tickets open.',
            conditions: { all: [{ fact: 'crm.openTickets', operator: 'greaterThan', value: 1 }] },
            event: { type: 'escalate', params: { reason: 'open_tickets', priority: 'normal' } },
          },
        ],
      },
      facts: {
        'crm.openTickets': () => {
          throw new Error('CRM down');
        },
      },
    });
    const error: unknown = await escalator.evaluate({ id: 'c', messages: [user('hello')] }).catch((e: unknown) => e);
    expect(isCustomFactError(error)).toBe(true);
    expect((error as CustomFactError).rules).toEqual(['many-open-tickets']);
    expect((error as CustomFactError).message).toMatch(/many-open-tickets/);
    const session = escalator.session({ conversationId: 's' });
    await expect(session.push(user('hello'))).rejects.toBeInstanceOf(CustomFactError);
  });

  it('offers no custom operators: an unknown operator is refused when the pack is read', () => {
    const rule = {
      name: 'custom-op',
      description: 'Uses an operator the library does not have.',
      conditions: { all: [{ fact: 'turns.user', operator: 'isPrime', value: true }] },
      event: { type: 'escalate', params: { reason: 'x', priority: 'low' } },
    };
    expect(() => createEscalator({ rules: { rules: [rule] } })).toThrow(RulePackError);
    expect(() => createEscalator({ operators: {} } as never)).toThrow(ValidationError);
  });
});

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
import { user, catchError } from './helpers';

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

  it('every exported function refuses an argument of the wrong kind with a ValidationError naming it', () => {
    const call = (fn: unknown, ...args: unknown[]) => () => (fn as (...a: unknown[]) => unknown)(...args);
    const cases: [string, () => unknown, string][] = [
      ['analyzeText', call(api.analyzeText, undefined), 'expected a string, found nothing'],
      ['analyzeMessage', call(api.analyzeMessage, { role: 'user' }), 'text: expected a string, found nothing'],
      ['redactText', call(api.redactText, 42), 'expected a string, found 42'],
      ['sentimentSparkline', call(api.sentimentSparkline, [0.5, 'x']), '[1]: expected a number, found "x"'],
      ['renderHtmlReport', call(api.renderHtmlReport, undefined), 'found nothing'],
      ['buildPacket', call(api.buildPacket, { messages: [], analyses: {} }), 'analyses: expected an array of analyses, found an object'],
      ['riskOf', call(api.riskOf, {}, 'heavy'), 'expected an object of weights, found "heavy"'],
      ['riskFeatures', call(api.riskFeatures, null), 'expected an object of fact values, found null'],
      ['parseOutcomesJsonl', call(api.parseOutcomesJsonl, undefined), 'expected the text of a JSONL file, found nothing'],
      ['parseRulePack', call(api.parseRulePack, 'rules.json'), 'expected an array of { file, content }, found "rules.json"'],
      ['loadRulePack', call(api.loadRulePack, undefined), 'expected a path to a folder or a JSON file, found nothing'],
      ['loadRiskWeights', call(api.loadRiskWeights, 7), 'expected a path to a JSON file, found 7'],
      ['formatIssues', call(api.formatIssues, 'oops'), 'expected an array of issues, found "oops"'],
      ['parseRulePack', call(api.parseRulePack, [null]), '[0]: expected an object { file, content }, found null'],
      ['toPlainText (options)', call(api.toPlainText, {}, 'short'), 'Invalid text export options: 1 problem\n  (root): expected an object of options, found "short"'],
      ['toMarkdown (options)', call(api.toMarkdown, {}, 7), 'Invalid text export options: 1 problem\n  (root): expected an object of options, found 7'],
      ['analyzeText (options)', call(api.analyzeText, 'hi', 'strict'), 'Invalid analysis options: 1 problem\n  (root): expected an object such as { lowConfidence }, found "strict"'],
      ['formatIssues', call(api.formatIssues, [null]), 'expected an array of issues, found an array of 1'],
    ];
    for (const [name, run, message] of cases) {
      const thrown = catchError(run);
      expect([name, thrown instanceof ValidationError]).toEqual([name, true]);
      expect([name, (thrown as Error).message]).toEqual([name, expect.stringContaining(message)]);
    }
  });

  it('scores risk on a partial set of facts, reading what is missing as 0', () => {
    // From plain JavaScript, or facts gathered by hand: the type asks for all of them.
    const partial = (facts: object) => facts as Parameters<typeof api.riskOf>[0];
    expect(api.riskOf(partial({}))).toBe(api.riskOf(partial({ 'topics.sensitive': [] })));
    expect(api.riskFeatures(partial({}))).toEqual(api.RISK_FEATURE_NAMES.map(() => 0));
  });
});

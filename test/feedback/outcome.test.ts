import { OutcomeSchema, parseOutcomesJsonl } from '../../src/feedback/outcome';
import { isValidationError, type ValidationError } from '../../src/errors';

function errorOf(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    if (isValidationError(error)) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('OutcomeSchema', () => {
  it('accepts the four outcomes with optional ideal turn, resolver and note', () => {
    for (const outcome of ['needed', 'unneeded', 'late', 'missed'] as const) {
      expect(OutcomeSchema.parse({ conversationId: 'a', outcome })).toEqual({ conversationId: 'a', outcome });
    }
    const full = { conversationId: 'a', outcome: 'late', idealTurn: 2, resolvedBy: 'agent', note: 'took too long' };
    expect(OutcomeSchema.parse(full)).toEqual(full);
  });

  it('refuses unknown outcomes, ideal turns under 1 or not whole, unknown resolvers and unknown keys', () => {
    expect(OutcomeSchema.safeParse({ conversationId: 'a', outcome: 'maybe' }).success).toBe(false);
    expect(OutcomeSchema.safeParse({ conversationId: 'a', outcome: 'late', idealTurn: 0 }).success).toBe(false);
    expect(OutcomeSchema.safeParse({ conversationId: 'a', outcome: 'late', idealTurn: 1.5 }).success).toBe(false);
    expect(OutcomeSchema.safeParse({ conversationId: 'a', outcome: 'needed', resolvedBy: 'customer' }).success).toBe(false);
    expect(OutcomeSchema.safeParse({ conversationId: 'a', outcome: 'needed', agent: 'x' }).success).toBe(false);
    expect(OutcomeSchema.safeParse({ conversationId: '', outcome: 'needed' }).success).toBe(false);
  });
});

describe('parseOutcomesJsonl', () => {
  it('reads one outcome per line and skips blank lines', () => {
    const text = '{"conversationId":"a","outcome":"needed"}\n\n{"conversationId":"b","outcome":"missed","idealTurn":3}\n';
    expect(parseOutcomesJsonl(text, 'out.jsonl')).toEqual([
      { conversationId: 'a', outcome: 'needed' },
      { conversationId: 'b', outcome: 'missed', idealTurn: 3 },
    ]);
  });

  it('names file:line and path of every bad record, and a second outcome for one conversation', () => {
    const text = [
      '{"conversationId":"a","outcome":"needed"}',
      '{"conversationId":"b","outcome":"sometimes"}',
      '{"conversationId":"c","outcome":"late","idealTurn":0}',
      '{"conversationId":"a","outcome":"missed"}',
    ].join('\n');
    const error = errorOf(() => parseOutcomesJsonl(text, 'out.jsonl'));
    expect(error.issues.map((i) => i.path)).toEqual(['out.jsonl:2: outcome', 'out.jsonl:3: idealTurn', 'out.jsonl:4: conversationId']);
    expect(error.issues[0]!.message).toMatch(/^expected 'needed' \| 'unneeded' \| 'late' \| 'missed', found "sometimes"/);
    expect(error.issues[2]!.message).toMatch(/first at out\.jsonl:1/);
  });

  it('never echoes the text of a bad line (a note or a broken line may hold customer data)', () => {
    const secret = 'card 4111 1111 1111 1111 pw Hunter2!';
    const badJson = `{"conversationId":"a","outcome":"needed","note":"${secret}"`; // no closing brace
    const badNote = JSON.stringify({ conversationId: 'b', outcome: 'needed', note: 42, extra: secret });
    const error = errorOf(() => parseOutcomesJsonl(`${badJson}\n${badNote}\n${JSON.stringify({ conversationId: secret, outcome: 'x' })}`, 'o.jsonl'));
    expect(error.issues[0]).toEqual({ code: 'invalid_json', path: 'o.jsonl:1', message: expect.stringMatching(/not valid JSON/) });
    expect(error.issues.map((i) => i.path)).toEqual(['o.jsonl:1', 'o.jsonl:2: note', 'o.jsonl:2', 'o.jsonl:3: outcome']);
    expect(error.message).not.toMatch(/4111|Hunter2/);
  });
});

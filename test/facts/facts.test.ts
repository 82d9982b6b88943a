import { analyzeMessage } from '../../src/analysis/analyze-message';
import { reduceFacts } from '../../src/facts/reduce';
import { resetSignals } from '../../src/facts/state';
import { copyEvidence, copyFactsState, EvidenceLogSchema, FactsStateSchema, initialFactsState, type FactsState } from '../../src/facts/state';
import { initialSessionState, nextSessionState, SessionStateSchema } from '../../src/session-state';
import { attributeFacts, frustrationLevel, slope, toFacts } from '../../src/facts/to-facts';
import type { Message } from '../../src/schema/conversation';
import type { MessageAnalysis } from '../../src/schema/analysis';
import { analysisOf, bot, user } from '../helpers';

function fold(steps: [Message, MessageAnalysis][]): FactsState {
  return steps.reduce((state, [m, a], i) => reduceFacts(state, m, a, i, steps[i - 1]?.[0]), initialFactsState());
}

const facts = (state: FactsState) => toFacts(state, { environment: {} });

describe('conversation facts', () => {
  it('tracks sentiment: current, average, minimum, trend and negative streak', () => {
    const s = fold([
      [user('a'), analysisOf({ score: 0.5 })],
      [bot('b'), analysisOf()],
      [user('c'), analysisOf({ score: -0.2 })],
      [user('d'), analysisOf({ score: -0.6 })],
    ]);
    const f = facts(s);
    expect(f['sentiment.current']).toBe(-0.6);
    expect(f['sentiment.average']).toBeCloseTo(-0.1, 3);
    expect(f['sentiment.minimum']).toBe(-0.6);
    expect(f['sentiment.trend']).toBeCloseTo(-0.55, 3);
    expect(f['sentiment.negativeStreak']).toBe(2);
    expect(f['turns.user']).toBe(3);
    expect(f['turns.bot']).toBe(1);
    expect(f['turns.total']).toBe(4);
  });

  it('counts failed exchanges once each, and resets on a real answer', () => {
    const lowConfidence = analysisOf({ botFailure: { detected: true, kind: 'low_confidence' } });
    const fallback = analysisOf({ botFailure: { detected: true, kind: 'flag', excerpt: 'Sorry?' } });
    const s = fold([
      [user('x', { intent: { name: 'a', confidence: 0.2 } }), lowConfidence],
      [bot('Sorry?', { fallback: true }), fallback], // the same exchange: not counted twice
      [user('y'), analysisOf()],
      [bot('Sorry?', { fallback: true }), fallback],
    ]);
    expect(facts(s)['bot.consecutiveFallbacks']).toBe(2);
    expect(facts(s)['bot.totalFallbacks']).toBe(2);
    const answered = fold([
      [user('y'), analysisOf()],
      [bot('Sorry?', { fallback: true }), fallback],
      [user('z'), analysisOf()],
      [bot('Here is your balance.'), analysisOf()],
    ]);
    expect(facts(answered)['bot.consecutiveFallbacks']).toBe(0);
    expect(facts(answered)['bot.totalFallbacks']).toBe(1);
  });

  it('notices the bot sending the same reply again', () => {
    const tokens = ['pleas', 'choos', 'option', 'menu'];
    const s = fold([
      [bot('Please choose an option from the menu'), analysisOf({ tokens })],
      [user('refund'), analysisOf()],
      [bot('Please choose an option from the menu.'), analysisOf({ tokens })],
    ]);
    expect(facts(s)['bot.loop']).toBe(true);
    expect(s.evidence.botLoop[0]).toMatchObject({ turn: 1, messageIndex: 2, signal: 'bot repeated its reply' });
  });

  it('does not take a reply that did what the customer asked, or answered its own question, for a loop', () => {
    const real = (m: Message): [Message, MessageAnalysis] => [m, analyzeMessage(m)];
    const changed = fold([
      real(bot('Shall I send the new card to your office address?')),
      real(user('No, my home')),
      real(bot('Shall I send the new card to your home address?')),
    ]);
    expect(facts(changed)['bot.loop']).toBe(false);
    const answered = fold([
      real(bot('Would you like a window seat or an aisle seat?')),
      real(user('an aisle one')),
      real(bot('No aisle seats are left on that train, but there is a window seat in coach B.')),
    ]);
    expect(facts(answered)['bot.loop']).toBe(false);
    const ignored = fold([
      real(bot('Shall I send the new card to your office address?')),
      real(user('No, not there')),
      real(bot('Shall I send the new card to your office address?')),
    ]);
    expect(facts(ignored)['bot.loop']).toBe(true);
  });

  it('counts requests for a person and keeps their words as evidence', () => {
    const s = fold([[user('agent please'), analysisOf({ humanRequest: { detected: true, excerpt: 'agent please' } })]]);
    expect(facts(s)['humanRequest.detected']).toBe(true);
    expect(facts(s)['humanRequest.latest']).toBe(true);
    expect(s.evidence.humanRequest).toEqual([{ turn: 1, messageIndex: 0, excerpt: 'agent please', signal: 'asked for a person' }]);
  });

  it('accumulates frustration with decay', () => {
    const angry = analysisOf({ frustration: { signals: [{ kind: 'insult', excerpt: 'useless bot' }], score: 0.5 } });
    const one = fold([[user('useless bot'), angry]]);
    const two = fold([[user('useless bot'), angry], [user('useless bot'), angry]]);
    const calm = fold([[user('useless bot'), angry], [user('ok'), analysisOf()]]);
    expect(facts(one)['frustration.score']).toBe(0.5);
    expect(facts(two)['frustration.score']).toBe(0.8);
    expect(facts(calm)['frustration.score']).toBe(0.3);
    expect(frustrationLevel(0.8)).toBe('high');
    expect(frustrationLevel(0.1)).toBe('none');
  });

  it('reads capitals in consecutive turns as style, not a raised voice', () => {
    const loud = analysisOf({ frustration: { signals: [{ kind: 'shouting', excerpt: 'GREAT THANKS' }], score: 0.35 } });
    const once = fold([[user('GREAT THANKS'), loud]]);
    const twice = fold([[user('GREAT THANKS'), loud], [user('GREAT THANKS'), loud]]);
    expect(facts(once)['frustration.score']).toBe(0.35);
    // Only the carried part remains: the second turn's capitals add nothing.
    expect(facts(twice)['frustration.score']).toBe(0.21);
  });

  it('does not read frustration into a dislike the bot asked for', () => {
    const grim = analysisOf({ score: -0.7, frustration: { signals: [], score: 0.21 } });
    const asked = fold([[bot('Which of the flavours did you not like?'), analysisOf()], [user('the mint one was awful'), grim]]);
    const unasked = fold([[bot('Here is your receipt.'), analysisOf()], [user('the mint one was awful'), grim]]);
    expect(facts(asked)['frustration.score']).toBe(0);
    expect(facts(asked)['sentiment.current']).toBe(-0.7);
    expect(facts(unasked)['frustration.score']).toBe(0.21);
    // Only the answer right after the question.
    const later = fold([[bot('Which of the flavours did you not like?'), analysisOf()], [user('mint'), analysisOf()], [user('the mint one was awful'), grim]]);
    expect(facts(later)['frustration.score']).toBe(0.21);
  });

  it('reads an unhappy "no" to what the bot just stated as the bot getting it wrong', () => {
    const unhappy = analysisOf({ score: -0.3, frustration: { signals: [], score: 0.09 } });
    const stated = fold([[bot('Your order will arrive on Friday.'), analysisOf()], [user('No, it was due on Tuesday'), unhappy]]);
    expect(facts(stated)['frustration.level']).toBe('medium');
    // An answer to a question, a "no" in a pleased turn, or an unhappy turn without it: no such reading.
    const asked = fold([[bot('Do you want the blue one?'), analysisOf()], [user('No, it was due on Tuesday'), unhappy]]);
    const pleased = fold([[bot('Your order will arrive on Friday.'), analysisOf()], [user('No problem, thanks!'), analysisOf({ score: 0.5 })]]);
    const plain = fold([[bot('Your order will arrive on Friday.'), analysisOf()], [user('It was due on Tuesday'), unhappy]]);
    expect(facts(asked)['frustration.score']).toBe(0.09);
    expect(facts(pleased)['frustration.score']).toBe(0);
    expect(facts(plain)['frustration.score']).toBe(0.09);
  });

  it('does not stack negative sentiment alone onto carried frustration', () => {
    const sad = analysisOf({ score: -0.8, frustration: { signals: [], score: 0.24 } });
    const s = fold([[user('I hated that film'), sad], [user('the ending was awful too'), sad]]);
    expect(facts(s)['frustration.score']).toBe(0.24);
    expect(facts(s)['frustration.level']).toBe('low');
  });

  it('adds pressure to a rejection that follows another rejection', () => {
    const reject = analysisOf({ score: -0.4, frustration: { signals: [{ kind: 'rejection', excerpt: 'that is wrong' }], score: 0.3 } });
    const first = fold([[user('that is wrong'), reject]]);
    const second = fold([[user('that is wrong'), reject], [bot('Booked for Monday.'), analysisOf()], [user('that is wrong'), reject]]);
    expect(facts(first)['frustration.level']).toBe('low');
    // 0.3 carried at 0.6, plus 0.3 and 0.15 for a second rejection in a row.
    expect(facts(second)['frustration.score']).toBe(0.63);
    expect(facts(second)['frustration.level']).toBe('medium');
  });

  it('counts a calm restatement as repetition without raising frustration', () => {
    const calm = analysisOf({ tokens: ['hotel', 'north', 'cheap'] });
    const s = fold([[user('a cheap hotel in the north'), calm], [user('cheap hotel, north'), calm]]);
    expect(facts(s)['user.repeats']).toBe(1);
    expect(facts(s)['frustration.score']).toBe(0);
  });

  it('collects sensitive topics over the conversation', () => {
    const s = fold([
      [user('card stolen'), analysisOf({ topics: [{ topic: 'fraud', excerpt: 'card stolen' }] })],
      [user('ok'), analysisOf()],
    ]);
    expect(facts(s)['topics.sensitive']).toEqual(['fraud']);
    expect(facts(s)['topics.latest']).toEqual([]);
  });

  it('resets the signals behind an escalation', () => {
    const s = resetSignals(
      fold([[user('agent'), analysisOf({ humanRequest: { detected: true }, topics: [{ topic: 'legal', excerpt: 'lawyer' }] })]]),
    );
    expect(facts(s)['humanRequest.detected']).toBe(false);
    expect(facts(s)['topics.sensitive']).toEqual([]);
    expect(facts(s)['turns.user']).toBe(1);
  });

  it('reads customer, channel and availability from the context', () => {
    const f = toFacts(initialFactsState(), {
      customer: { tier: 'vip', value: 1200 },
      channel: 'whatsapp',
      environment: { queues: { a: { agentsAvailable: 2 }, b: { agentsAvailable: 1 } } },
    });
    expect([f['customer.tier'], f['customer.value'], f['channel'], f['environment.agentsAvailable']]).toEqual(['vip', 1200, 'whatsapp', 3]);
    expect(facts(initialFactsState())['environment.agentsAvailable']).toBe(-1);
  });

  it('flattens attributes without touching prototypes', () => {
    const attrs = JSON.parse('{"plan":"pro","account":{"age":3},"__proto__":{"x":1}}') as Record<string, unknown>;
    const out = attributeFacts(attrs);
    expect(out['attributes.plan']).toBe('pro');
    expect(out['attributes.account.age']).toBe(3);
    expect(out['attributes.__proto__.x']).toBe(1);
    expect(Object.getPrototypeOf(out)).toBeNull();
  });

  it('computes a least-squares slope', () => {
    expect(slope([])).toBe(0);
    expect(slope([1, 2, 3])).toBe(1);
    expect(slope([0.5, 0.5])).toBe(0);
  });
});

describe('state copies', () => {
  // Written out field by field for speed: a field added to a schema must be added here too.
  it('copy every field of the facts state and of its evidence log', () => {
    const message = user('where is my order??? this is useless');
    const state = reduceFacts(initialFactsState(), message, analyzeMessage(message), 0);
    expect(state.evidence.frustration.length).toBeGreaterThan(0);
    const copy = copyFactsState(state);
    expect(copy).toEqual(state);
    expect(copy).not.toBe(state);
    expect(Object.keys(copy).sort()).toEqual(Object.keys(FactsStateSchema.shape).sort());
    const evidence = copyEvidence(state.evidence);
    expect(evidence).toEqual(state.evidence);
    expect(Object.keys(evidence).sort()).toEqual(Object.keys(EvidenceLogSchema.shape).sort());
  });

  it('carry every field of the session state into the next one', () => {
    const state = initialSessionState({ conversationId: 'c1' });
    const change = { facts: initialFactsState(), latch: null, risk: 0.5, status: 'waiting' as const, waitingSince: '2026-01-01T00:00:00Z' };
    const next = nextSessionState(state, change);
    expect(next).toEqual({ ...state, ...change });
    expect(Object.keys(next).sort()).toEqual(Object.keys(SessionStateSchema.shape).sort());
  });
});

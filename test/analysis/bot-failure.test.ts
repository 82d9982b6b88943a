import { detectBotFailure } from '../../src/analysis/bot-failure';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../src/analysis/options';
import type { Message } from '../../src/schema/conversation';

const bot = (text: string, extra: Partial<Message> = {}): Message => ({ role: 'bot', text, ...extra });

describe('detectBotFailure', () => {
  it('reports the fallback flag first', () => {
    expect(detectBotFailure(bot('Here are some options', { fallback: true }), DEFAULT_ANALYSIS_OPTIONS)).toEqual({
      detected: true,
      kind: 'flag',
      excerpt: 'Here are some options',
    });
  });

  it.each([
    ["Sorry, I didn't understand that.", "I didn't understand that"],
    ["I'm not sure what you mean.", "I'm not sure what you mean"],
    ['Could you rephrase that?', 'Could you rephrase'],
    ["I didn't get that", "I didn't get that"],
    ["I can't help with that", "I can't help with that"],
    ['Hmm, please rephrase your question.', 'please rephrase'],
    ['I am still learning, try asking differently', 'I am still learning'],
  ])('reads fallback wording in "%s"', (text, excerpt) => {
    expect(detectBotFailure(bot(text), DEFAULT_ANALYSIS_OPTIONS)).toEqual({ detected: true, kind: 'text', excerpt });
  });

  it.each(['Sure, your order ships tomorrow.', 'I understand, let me check that for you.', 'I can help with that!'])(
    'ignores a normal answer: "%s"',
    (text) => {
      expect(detectBotFailure(bot(text), DEFAULT_ANALYSIS_OPTIONS)).toEqual({ detected: false });
    },
  );

  it('reports a low-confidence intent on a user message', () => {
    const message: Message = { role: 'user', text: 'blorp the thing', intent: { name: 'order_status', confidence: 0.2 } };
    expect(detectBotFailure(message, DEFAULT_ANALYSIS_OPTIONS)).toEqual({ detected: true, kind: 'low_confidence', excerpt: 'blorp the thing' });
    expect(detectBotFailure(message, { lowConfidence: 0.1 })).toEqual({ detected: false });
  });

  it('ignores confident intents, user fallback wording and other roles', () => {
    expect(detectBotFailure({ role: 'user', text: 'x', intent: { name: 'a', confidence: 0.4 } })).toEqual({ detected: false });
    expect(detectBotFailure({ role: 'user', text: "Sorry, I didn't understand" })).toEqual({ detected: false });
    expect(detectBotFailure({ role: 'agent', text: "I didn't get that", fallback: true })).toEqual({ detected: false });
  });

  it('clips a long flagged message to a short piece of it', () => {
    const text = `Sorry! ${'Here is a very long help text about many topics. '.repeat(5)}`;
    const result = detectBotFailure(bot(text, { fallback: true }));
    expect(result.excerpt?.length).toBeLessThanOrEqual(80);
    expect(text).toContain(result.excerpt);
  });
});

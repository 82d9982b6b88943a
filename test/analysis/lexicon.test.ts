import { emojiValence } from '../../src/analysis/emoji';
import { emoticonValence, vaderLexicon, wordValence } from '../../src/analysis/lexicon';

describe('VADER lexicon', () => {
  it('holds the converted data file', () => {
    const lexicon = vaderLexicon();
    expect(lexicon.size).toBeGreaterThan(7000);
    expect(lexicon.get('good')).toBe(1.9);
    expect(lexicon.get('horrible')).toBeLessThan(-2);
    expect(vaderLexicon()).toBe(lexicon);
  });

  it('applies the customer-service corrections', () => {
    expect(vaderLexicon().get('help')).toBeGreaterThan(0);
    expect(wordValence('help')).toBeUndefined();
    expect(wordValence('cancel')).toBeUndefined();
    expect(wordValence('joke')).toBeLessThan(0);
    expect(wordValence('terrible')).toBeLessThan(0);
    expect(wordValence('constructor')).toBeUndefined();
  });

  it('reads emoticons case-sensitively, then in lower case', () => {
    expect(emoticonValence(':D')).toBeGreaterThan(0);
    expect(emoticonValence(':(')).toBeLessThan(0);
    expect(emoticonValence('XD')).toBeGreaterThan(0);
  });

  it('keeps apart the faces the file lists twice in lower case: D: and D= are dismay, d: and d= a tongue out', () => {
    expect(emoticonValence('D:')).toBeLessThan(-2);
    expect(emoticonValence('D=')).toBeLessThan(-2);
    expect(emoticonValence('d:')).toBeGreaterThan(0);
    expect(emoticonValence('d=')).toBeGreaterThan(0);
    // Same-sign repeats are one face: the later line wins, as in VADER.
    expect(emoticonValence('xd')).toBe(2.8);
  });
});

describe('emoji table', () => {
  it('scores families and ignores presentation and skin-tone modifiers', () => {
    expect(emojiValence('\uD83D\uDE0D')).toBeGreaterThan(2);
    expect(emojiValence('\uD83D\uDE21')).toBeLessThan(-2);
    expect(emojiValence('\u2764\uFE0F')).toBe(emojiValence('\u2764'));
    expect(emojiValence('\uD83D\uDC4E\uD83C\uDFFF')).toBe(emojiValence('\uD83D\uDC4E'));
    expect(emojiValence('\uD83D\uDC80')).toBeUndefined();
  });
});

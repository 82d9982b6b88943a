import { analyzeSentiment, NEUTRAL_BAND } from '../../src/analysis/sentiment';
import { SentimentSchema } from '../../src/schema/analysis';

const score = (text: string): number => analyzeSentiment(text).score;
const notes = (text: string): string[] => analyzeSentiment(text).contributions.map((c) => c.note ?? '');

describe('analyzeSentiment', () => {
  it('returns a valid Sentiment with a score in [-1, 1]', () => {
    for (const text of ['', 'good', 'GREAT!!!! :) :) love love love', 'terrible awful horrible!!!!']) {
      const result = analyzeSentiment(text);
      expect(SentimentSchema.parse(result)).toEqual(result);
    }
  });

  it('labels by sign with a neutral band', () => {
    expect(analyzeSentiment('this is good').label).toBe('positive');
    expect(analyzeSentiment('this is bad').label).toBe('negative');
    expect(analyzeSentiment('my order number is 12345').label).toBe('neutral');
    expect(Math.abs(score('my order number is 12345'))).toBeLessThan(NEUTRAL_BAND);
  });

  it('explains which tokens moved the score', () => {
    const result = analyzeSentiment('the app is great');
    expect(result.contributions).toEqual([{ token: 'great', weight: 3.1 }]);
  });

  describe('negation', () => {
    it('flips a positive word', () => {
      expect(score('this is not good')).toBeLessThan(-NEUTRAL_BAND);
      expect(notes('this is not good')).toEqual(['negated']);
    });

    it('softens a negative word into faint praise', () => {
      expect(score('not bad')).toBeGreaterThan(0);
      expect(score('not bad')).toBeLessThan(score('good'));
    });

    it('reaches across function words ("don\'t think it\'s good")', () => {
      expect(score("I don't think it's good")).toBeLessThan(0);
    });

    it('is stronger with "at all"', () => {
      expect(score('not good at all')).toBeLessThan(score('not good'));
      expect(notes('not good at all')[0]).toContain('at all');
    });

    it('understands never, no, without and hardly', () => {
      expect(score('never helpful')).toBeLessThan(0);
      expect(score('no problem')).toBeGreaterThan(0);
      expect(score('it went without a problem')).toBeGreaterThan(0);
      expect(score('hardly satisfied')).toBeLessThan(0);
    });

    it('stops at a clause boundary', () => {
      expect(score('no, this is great')).toBeGreaterThan(0.3);
    });

    it('reads "never so happy" as praise', () => {
      expect(score("I've never been so happy")).toBeGreaterThan(score('I am happy'));
    });

    it('does not negate through "but" ("nothing but trouble")', () => {
      expect(score('nothing but trouble')).toBeLessThan(0);
    });
  });

  describe('intensity', () => {
    it('boosts with intensifiers', () => {
      expect(score('very good')).toBeGreaterThan(score('good'));
      expect(score('extremely bad')).toBeLessThan(score('bad'));
      expect(notes('really bad')[0]).toBe('intensified by "really"');
    });

    it('dampens with diminishers, including "kind of"', () => {
      expect(score('slightly annoying')).toBeGreaterThan(score('annoying'));
      expect(score('it is kind of bad')).toBeGreaterThan(score('it is bad'));
      expect(notes('it is kind of bad')[0]).toBe('diminished by "kind of"');
    });

    it('does not score "kind" in "kind of" as kindness', () => {
      expect(analyzeSentiment('kind of').contributions).toEqual([]);
    });

    it('emphasises stretched letters', () => {
      expect(score('sooo good')).toBeGreaterThan(score('so good'));
      expect(score('goooood')).toBeGreaterThan(score('good'));
      expect(notes('goooood')[0]).toBe('stretched');
    });
  });

  describe('contrast', () => {
    it('weighs the clause after "but" more than the one before', () => {
      const result = analyzeSentiment('The delivery was great but the product is terrible');
      expect(result.label).toBe('negative');
      expect(result.contributions.map((c) => c.note)).toEqual(['before "but"', 'after "but"']);
      expect(score('The product is terrible but the delivery was great')).toBeGreaterThan(0);
    });

    it('applies a sentence-initial "But" to the previous sentence', () => {
      expect(score('It was great. But now it is broken.')).toBeLessThan(0);
    });

    it('treats "however" like "but"', () => {
      expect(score('the agent was nice, however the refund is terrible')).toBeLessThan(0);
    });

    it('treats the "although" clause as the concession', () => {
      expect(score('Although the agent was nice, the product is broken')).toBeLessThan(-0.3);
      expect(score('The product is broken although the agent was nice')).toBeLessThan(-0.3);
    });
  });

  describe('emphasis', () => {
    it('boosts an all-caps sentiment word in a mixed-case message', () => {
      expect(score('this is GREAT')).toBeGreaterThan(score('this is great'));
      expect(notes('this is GREAT')).toEqual(['caps']);
    });

    it('does not boost words when the whole message is in capitals', () => {
      expect(score('THIS IS GREAT')).toBeCloseTo(score('this is great'), 5);
    });

    it('adds exclamation emphasis in the direction of the message', () => {
      expect(score('great!!!')).toBeGreaterThan(score('great'));
      expect(score('awful!!!')).toBeLessThan(score('awful'));
      expect(score('my order!!!')).toBe(0);
    });
  });

  describe('emoticons and emoji', () => {
    it('scores emoticons from the lexicon', () => {
      expect(score(':)')).toBeGreaterThan(0);
      expect(score(':(')).toBeLessThan(0);
      expect(score('thanks :D')).toBeGreaterThan(score('thanks'));
    });

    it('scores emoji by family, ignoring skin tone', () => {
      expect(score('\uD83D\uDE0A')).toBeGreaterThan(0);
      expect(score('\uD83D\uDE21')).toBeLessThan(0);
      expect(score('\uD83D\uDC4D\uD83C\uDFFD')).toBeGreaterThan(0);
      expect(score('\uD83D\uDE44')).toBeLessThan(0);
      expect(notes('\uD83D\uDE21')).toEqual(['emoji']);
    });

    it('leaves emoji with context-dependent meaning alone', () => {
      expect(score('\uD83D\uDD25')).toBe(0);
    });
  });

  describe('customer-service phrases', () => {
    it.each([
      "it doesn't work",
      'the app is not working',
      'it keeps crashing',
      'still waiting for my refund',
      'my parcel has not arrived',
      'what a waste of time',
      'thanks for nothing',
      'I was charged twice',
      'for the third time, my order number',
      'this is NOT what I asked for',
    ])('reads "%s" as negative', (text) => {
      expect(score(text)).toBeLessThan(-NEUTRAL_BAND);
      expect(notes(text).some((n) => n.startsWith('phrase:'))).toBe(true);
    });

    it('reads a reported fix as positive', () => {
      expect(score('it works now')).toBeGreaterThan(NEUTRAL_BAND);
      expect(score('that did the trick')).toBeGreaterThan(NEUTRAL_BAND);
    });

    it('does not read a wish for a fix as a fix', () => {
      expect(notes('I need my phone working now').some((n) => n.startsWith('phrase:'))).toBe(false);
    });

    it('lets a negative phrase win over an overlapping positive one', () => {
      expect(score('it is not working now')).toBeLessThan(0);
    });

    it('quotes the original words of a phrase', () => {
      const c = analyzeSentiment("it doesn't work").contributions[0];
      expect(c).toEqual({ token: "doesn't work", weight: -2, note: 'phrase: broken' });
    });

    it('counts "thanks for nothing" once, not as thanks', () => {
      expect(analyzeSentiment('thanks for nothing').contributions).toHaveLength(1);
    });
  });

  describe('service vocabulary', () => {
    it('treats requests and products as neutral', () => {
      expect(score('I need help with my credit card please')).toBe(0);
      expect(score('please cancel my subscription')).toBe(0);
      expect(score('yes')).toBe(0);
    });

    it('reads "like" as praise only when it is a feeling', () => {
      expect(score('I like it')).toBeGreaterThan(0);
      expect(score('it looks like the screen')).toBe(0);
      expect(score("I'd like a refund")).toBe(0);
    });

    it('reads "this is a joke" as a complaint', () => {
      expect(score('this is a joke')).toBeLessThan(0);
    });
  });
});

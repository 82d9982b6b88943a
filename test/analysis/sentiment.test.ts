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
      expect(notes('this is not good')).toEqual(['negated by "not"']);
      expect(notes("it isn't good")).toEqual(['negated by "isn\'t"']);
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
      expect(score('the update wiped my settings D:')).toBeLessThan(0);
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

  describe('exclamations that also boost', () => {
    it('intensify only a feeling word right after them', () => {
      expect(notes('damn good service')).toEqual(['intensified by "damn"']);
      expect(notes('bloody awful')).toEqual(['intensified by "bloody"']);
    });

    it('are the exclamation anywhere else', () => {
      const damnIt = analyzeSentiment('damn it, the app is great otherwise').contributions;
      expect(damnIt.find((c) => c.token === 'damn')?.weight).toBeLessThan(0);
      expect(damnIt.find((c) => c.token === 'great')?.note).toBeUndefined();
    });
  });

  describe('laughter', () => {
    it.each(['not sure lol', 'I did not know that haha', 'no idea lmao'])('is never negated: %s', (text) => {
      const laugh = analyzeSentiment(text).contributions.find((c) => /^(lol|haha|lmao)$/.test(c.token));
      expect(laugh?.weight).toBeGreaterThan(0);
      expect(laugh?.note).toBeUndefined();
    });

    it('leaves the negation of other words alone', () => {
      expect(notes('that is not funny')).toEqual(['negated by "not"']);
    });
  });

  describe('irony', () => {
    it.each([
      ['thanks for wasting my time', 'wasting'],
      ['thank you so much for the useless answer', 'useless'],
      ['thx for the terrible service', 'terrible'],
    ])('thanks for a harm counts against: %s', (text, harm) => {
      expect(score(text)).toBeLessThan(0);
      expect(notes(text)[0]).toBe(`ironic: thanks for "${harm}"`);
    });

    it('keeps sincere thanks, also when a problem is named later', () => {
      expect(score('thanks for your help')).toBeGreaterThan(0);
      expect(score('thank you for fixing it')).toBeGreaterThan(0);
      expect(notes('thanks for sorting out that awful bug').join()).not.toContain('ironic');
      expect(notes('thanks. the app is useless').join()).not.toContain('ironic');
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

  describe('judgements of quality', () => {
    it.each([
      ['the hinge feels flimsy', 'flimsy'],
      ['the app is buggy since the update', 'buggy'],
      ['support was unhelpful', 'unhelpful'],
      ['the second season was tedious', 'tedious'],
      ['the ending felt contrived', 'contrived'],
      ['the website is painfully slow today', 'slow'],
      ['the manual lacks any detail', 'lacks'],
      ['booking the flight was a nightmare', 'nightmare'],
    ])('reads a quality word VADER lacks as negative: %s', (text, word) => {
      expect(score(text)).toBeLessThan(-NEUTRAL_BAND);
      expect(analyzeSentiment(text).contributions.map((c) => c.token)).toContain(word);
    });

    it('negates them like any other word', () => {
      expect(score('the case is not flimsy at all')).toBeGreaterThan(0);
    });
  });

  describe('complaints without a sentiment word', () => {
    it.each([
      ['the charger does not fit my laptop', 'falls short'],
      ['the strap fell apart', 'falls short'],
      ['it died after two weeks', 'falls short'],
      ["don't buy this kettle", 'advises against'],
      ['I sent it back the next day', 'advises against'],
      ['not worth the price', 'advises against'],
      ['the blender could have been much better', 'let down'],
      ['not as described on the website', 'let down'],
      ['it was supposed to arrive on Monday', 'let down'],
      ['the sleeves are way too long', 'too much'],
      ['the speaker is too loud at night', 'too much'],
      ['the update never worked on my tablet', 'broken'],
      ['the checkout page takes forever', 'waiting'],
      ['the kettle came with no instructions', 'missing'],
      ['the sequel has no real plot', 'missing'],
      ['my phone gets barely any signal upstairs', 'missing'],
      ['honestly I would give this app one star', 'low rating'],
      ['the repair job? 2/10', 'low rating'],
      ['three out of ten for the hotel breakfast', 'low rating'],
    ])('%s (%s)', (text, family) => {
      expect(score(text)).toBeLessThan(-NEUTRAL_BAND);
      expect(notes(text)).toContain(`phrase: ${family}`);
    });

    it('does not read "not too", "never too" or a question as excess', () => {
      expect(score('the price is not too high')).toBeGreaterThanOrEqual(0);
      expect(notes('it is never too late to ask')).not.toContain('phrase: too much');
      expect(score('is it too late to change my order?')).toBe(0);
    });

    it('reads a high rating as praise', () => {
      expect(notes('the new barista deserves 5 stars')).toContain('phrase: high rating');
      expect(score('9 out of 10, would order again')).toBeGreaterThan(NEUTRAL_BAND);
    });

    it.each([
      // A share, not a verdict.
      ['8 out of 10 calls get through now', 'rating'],
      ['only 4/5 parcels came today', 'rating'],
      // Dates.
      ['my order was delivered 2/10', 'rating'],
      ['the plan ran from 1/10 to 3/10', 'rating'],
      // Praise withheld.
      ['I would not give the app 5 stars', 'high rating'],
      // A welcome absence, or a noun that qualifies the next one.
      ['the tablet has no quality issues', 'missing'],
      ['no refund needed, just a replacement', 'missing'],
      ['there is no service charge on this plan', 'missing'],
      // A person's work, not a thing that fails; a wish that it will not take long.
      ['I no longer work at that company', 'broken'],
      ['I have never worked with your team', 'broken'],
      ['it never works out that way', 'broken'],
      ["hopefully it won't take too long", 'waiting'],
    ])('does not read "%s" as %s', (text, family) => {
      expect(notes(text).some((n) => n.startsWith('phrase: ') && n.includes(family))).toBe(false);
    });

    it('does not read a hotel class, a date or a welcome absence as a rating or a lack', () => {
      expect(score('I am looking for a 2 star hotel near the station')).toBe(0);
      expect(score('is 0 stars the cheapest class?')).toBe(0);
      expect(score('the meeting moved to 10/10/2026')).toBe(0);
      expect(score('the workshop is on 1/10 this year')).toBe(0);
      expect(notes('no problem at all')).not.toContain('phrase: missing');
      expect(score('I have no preference on the area')).toBe(0);
    });

    it('leaves recommendations and plain questions alone', () => {
      expect(score('I would recommend it to a friend')).toBeGreaterThan(0);
      expect(score('what time do you open on sundays')).toBe(0);
    });
  });
});

describe('without explanation', () => {
  // Every rule that adds a note: phrases, boosters and diminishers, caps, stretching,
  // negation with "at all", "never so", ironic thanks, contrast, emoji, emoticons, dismay, "!".
  const texts = [
    'this is not good at all', 'I have never been so happy :)', 'thanks for ruining my weekend',
    'the app is kind of slow but the staff were AMAZING!!!', 'sooo bad 😡', 'oh no, not again',
    'although it arrived, it is broken', 'waste of time', 'pretty decent, I guess', 'what a joke!!',
    'not bad', 'I really really love it', '', 'ok',
  ];
  it('gives the same score and label, and lists no contributions', () => {
    let explained = 0;
    for (const text of texts) {
      const full = analyzeSentiment(text);
      const bare = analyzeSentiment(text, false);
      expect([text, bare.score, bare.label]).toEqual([text, full.score, full.label]);
      expect(bare.contributions).toEqual([]);
      if (full.contributions.some((c) => c.note !== undefined)) explained += 1;
    }
    expect(explained).toBeGreaterThan(10);
  });
});

describe('text as chat platforms hand it over', () => {
  it('reads HTML-escaped characters as what they stand for, and never scores "gt" or "amp"', () => {
    expect(analyzeSentiment('I love it &lt;3').contributions.map((c) => c.token)).toEqual(['love', '<3']);
    expect(analyzeSentiment('no refund yet &gt;:(').contributions.map((c) => c.token)).toContain('>:(');
    expect(score('see the terms &amp; conditions &gt;&gt; here')).toBe(0);
  });

  it('knows the sad and unsure faces VADER lists', () => {
    expect(score('I lost my receipt :l')).toBeLessThan(-NEUTRAL_BAND);
    expect(score('ugh :c')).toBeLessThan(-NEUTRAL_BAND);
    expect(score('meet at 10:30')).toBe(0);
  });

  it('reads the idioms VADER treats as special cases', () => {
    expect(score('yeah right, like that will ever arrive')).toBeLessThan(-NEUTRAL_BAND);
    expect(score('the new dashboard is badass')).toBeGreaterThan(NEUTRAL_BAND);
    expect(score('their chocolate cake is to die for')).toBeGreaterThan(NEUTRAL_BAND);
  });
});

describe('answers and discourse words that carry feeling only with emphasis', () => {
  it('keeps a plain yes, no or "well," neutral, as answers to a bot', () => {
    for (const text of ['yes', 'yes please', 'no', 'No, Friday please', 'well, I need to change my order', 'as well as the fee']) expect(score(text)).toBe(0);
  });

  it('reads an emphatic yes as a cheer and an emphatic no as dismay', () => {
    expect(score('HECK YES')).toBeGreaterThan(NEUTRAL_BAND);
    expect(score('oh yes, that worked')).toBeGreaterThan(NEUTRAL_BAND);
    expect(score('oh no')).toBeLessThan(-NEUTRAL_BAND);
    expect(score('NO! I said Friday')).toBeLessThan(-NEUTRAL_BAND);
    expect(score('no no no')).toBeLessThan(-NEUTRAL_BAND);
  });

  it('reads "well" after a verb as praise of how it went', () => {
    expect(score('it works well')).toBeGreaterThan(NEUTRAL_BAND);
    expect(score('well done')).toBeGreaterThan(NEUTRAL_BAND);
  });

  it('still lets "no" negate the word after it', () => {
    expect(score('no good')).toBeLessThan(-NEUTRAL_BAND);
    expect(notes('no good')).toContain('negated by "no"');
  });
});

describe('"care"', () => {
  it('names a service in a compound and is a feeling elsewhere', () => {
    expect(score('contact customer care please')).toBe(0);
    expect(score('take care')).toBeGreaterThan(NEUTRAL_BAND);
    expect(score('you do not care about your customers')).toBeLessThan(-NEUTRAL_BAND);
  });
});

describe('genre names', () => {
  it('say what a work is about, not how the customer feels', () => {
    expect(score('do you sell crime novels')).toBe(0);
    expect(score('my son wants a war game for his birthday')).toBe(0);
    expect(score('is there a romantic comedy series on tonight')).toBe(0);
    expect(score('I adore ghost stories')).toBe(score('I adore stories'));
    expect(score('I really hate disaster films')).toBe(score('I really hate films'));
  });

  it('keep their feeling on their own', () => {
    expect(score('that was a disaster')).toBeLessThan(-NEUTRAL_BAND);
    expect(score('the war ruined everything')).toBeLessThan(-NEUTRAL_BAND);
    expect(score('what a horror show this delivery has been')).toBeLessThan(-NEUTRAL_BAND);
  });
});

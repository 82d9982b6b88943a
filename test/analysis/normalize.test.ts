import {
  contentTokens,
  expandContraction,
  isClauseBoundary,
  prepare,
  squeeze,
  squeezeVariants,
  stem,
} from '../../src/analysis/normalize';

function surfaces(text: string): string[] {
  return prepare(text).tokens.map((t) => text.slice(t.start, t.end));
}

describe('prepare', () => {
  it('expands contractions into separate canonical words', () => {
    expect(prepare("I can't log in and it won't load, I'm stuck").canon).toBe(
      'i can not log in and it will not load , i am stuck',
    );
    expect(prepare("you're sure it isn't broken? they've said it's fine").canon).toBe(
      'you are sure it is not broken ? they have said it is fine',
    );
  });

  it('expands chat spellings without apostrophes, but leaves real words alone', () => {
    expect(prepare('dont do that, im waiting, pls').canon).toBe('do not do that , i am waiting , please');
    expect(prepare('I feel ill, its well hidden').canon).toBe('i feel ill , its well hidden');
  });

  it('drops a possessive but keeps "is" after pronouns', () => {
    expect(prepare("John's card, that's it").canon).toBe('john card , that is it');
  });

  it('unifies typographic apostrophes and strips zero-width characters', () => {
    expect(prepare('I don\u2019t know').canon).toBe('i do not know');
    expect(prepare('h\u200Buman ple\u00ADase').canon).toBe('human please');
  });

  it('applies NFKC and still quotes the original characters', () => {
    const text = '\uFF28\uFF55\uFF4D\uFF41\uFF4E please';
    const p = prepare(text);
    expect(p.canon).toBe('human please');
    const first = p.tokens[0];
    expect(first && text.slice(first.start, first.end)).toBe('\uFF28\uFF55\uFF4D\uFF41\uFF4E');
  });

  it('keeps offsets of expanded parts on the written word', () => {
    const text = "it doesn't work";
    const p = prepare(text);
    const not = p.tokens.find((t) => t.norm === 'not');
    expect(not && text.slice(not.start, not.end)).toBe("doesn't");
  });

  it('tokenises words, emoji, emoticons, punctuation runs, numbers and links', () => {
    const p = prepare('great :) \uD83D\uDE21 ??? order 12345 at 10:30, see https://x.com/a or a@b.com');
    expect(p.tokens.map((t) => t.kind)).toEqual([
      'word', 'emoticon', 'emoji', 'punct', 'word', 'number', 'word', 'number', 'symbol', 'word', 'link', 'word', 'link',
    ]);
  });

  it('does not read times, urls or list markers as faces', () => {
    expect(prepare('at 10:30 go to http://x.com').tokens.some((t) => t.kind === 'emoticon')).toBe(false);
    expect(prepare('thanks:)').tokens.map((t) => t.kind)).toEqual(['word', 'emoticon']);
    expect(prepare('xD').tokens[0]?.kind).toBe('emoticon');
  });

  it('keeps an emoji with its skin tone as one token', () => {
    expect(surfaces('ok \uD83D\uDC4D\uD83C\uDFFD')).toEqual(['ok', '\uD83D\uDC4D\uD83C\uDFFD']);
  });

  it('squeezes stretched letters and marks the token', () => {
    const p = prepare('sooo goooood');
    expect(p.canon).toBe('so good');
    expect(p.tokens.every((t) => t.stretched)).toBe(true);
  });

  it('marks upper-case words of two letters or more', () => {
    const p = prepare('I am SO angry');
    expect(p.tokens.map((t) => t.upper)).toEqual([false, false, true, false]);
  });

  it('knows where each clause starts and ends', () => {
    const p = prepare('no, I want a human');
    expect(p.clauseStarts[3]).toBe(2);
    expect(p.clauseEnds[2]).toBe(5);
    const comma = p.tokens[1];
    expect(comma !== undefined && isClauseBoundary(comma)).toBe(true);
  });

  it('handles empty and blank text', () => {
    expect(prepare('').tokens).toEqual([]);
    expect(prepare('   \n ').canon).toBe('');
  });
});

describe('squeeze', () => {
  it('keeps a double letter for words spelt with one, a single letter otherwise', () => {
    expect(squeeze('gooood')).toBe('good');
    expect(squeeze('sooo')).toBe('so');
    expect(squeeze('pleeease')).toBe('please');
    expect(squeeze('normal')).toBe('normal');
    expect(squeezeVariants('coool')).toEqual(['cool', 'col']);
  });
});

describe('expandContraction', () => {
  it.each([
    ["don't", ['do', 'not']],
    ["can't", ['can', 'not']],
    ["won't", ['will', 'not']],
    ["i'm", ['i', 'am']],
    ["you're", ['you', 'are']],
    ["isn't", ['is', 'not']],
    ["we'll", ['we', 'will']],
    ["i'd", ['i', 'would']],
    ["they've", ['they', 'have']],
    ["let's", ['let', 'us']],
    ['nvm', ['never', 'mind']],
    ['plain', ['plain']],
  ])('%s', (word, parts) => {
    expect(expandContraction(word)).toEqual(parts);
  });
});

describe('contentTokens', () => {
  it('lower-cases, removes stop words and stems', () => {
    expect(contentTokens('Where is my ORDER? It has not arrived')).toEqual(['where', 'order', 'arriv']);
  });

  it('returns nothing for acknowledgements', () => {
    expect(contentTokens('yes')).toEqual([]);
    expect(contentTokens('ok thanks!')).toEqual([]);
  });

  it('keeps numbers such as order ids', () => {
    expect(contentTokens('order 12345 missing')).toEqual(['order', '12345', 'miss']);
  });

  it('maps interchangeable service words together', () => {
    expect(contentTokens('my parcel')).toEqual(contentTokens('my package'));
  });

  it('stems with the Porter stemmer', () => {
    expect(stem('connections')).toBe('connect');
    expect(stem('waiting')).toBe('wait');
  });
});

import fc from 'fast-check';
import { analyzeText } from '../../src';
import { indexedPatterns, mayMatch } from '../../src/analysis/literal-index';
import { requiredLiterals } from '../../src/analysis/required-literals';
import { corpusTexts } from '../helpers';

describe('requiredLiterals', () => {
  it.each([
    [/\b(?:talk|speak) to (?:a )?human\b/g, ['talk to a human', 'talk to human', 'speak to a human', 'speak to human']],
    [/colou?r/, ['colour', 'color']],
    [/(?<!not )good/, ['good']],
    [/\d{3}-\d{4}/, ['-']],
    [/[^a]bc/, ['bc']],
    [/unauthori[sz]ed/, ['unauthorised', 'unauthorized']],
    [/\u0041bc/, ['bc']],
    [/(?<name>cat)\k<name>/, ['cat']],
    [/HELLO there/i, ['hello there']],
    [/(?:still|again)+ broken/, [' broken']],
    [/a\.b/, ['a.b']],
  ])('%s must contain one of %j', (re, expected) => {
    expect(requiredLiterals(re)).toEqual(expected);
  });

  it.each([/x*/, /(?:foo|.*)/, /\w+/, /(?:yes|)/, /[a-z]{2,}/u, /\p{L}+/u])('%s promises no literal', (re) => {
    expect(requiredLiterals(re)).toBeUndefined();
  });
});

/** Scans enough new texts, with no pattern registering, for the index to rebuild its automaton. */
function settle(): void {
  const known = /\bsettling\b/g;
  mayMatch({}, '', known);
  for (let i = 0; i < 20; i++) mayMatch({}, `settling text ${i}`, known);
}

/** The pattern with its zero-width assertions removed: it matches at least every text the pattern does. */
function withoutAssertions(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i] ?? '';
    if (c === '\\') {
      if (source[i + 1] !== 'b') out += source.slice(i, i + 2);
      i += 1;
    } else if (c === '[') {
      const close = source.indexOf(']', i + 2);
      out += source.slice(i, close + 1);
      i = close;
    } else if (/^\(\?<?[=!]/.test(source.slice(i, i + 4))) {
      let depth = 0;
      for (let j = i; j < source.length; j += 1) {
        if (source[j] === '\\') j += 1;
        else if (source[j] === '[') j = source.indexOf(']', j + 2);
        else if (source[j] === '(') depth += 1;
        else if (source[j] === ')' && --depth === 0) {
          i = j;
          break;
        }
      }
    } else out += c;
  }
  return out;
}

/** Texts generated to match `re` (assertions relaxed) that hold none of `literals`. */
function missedMatches(re: RegExp, literals: readonly string[], runs = 300): string[] {
  const relaxed = new RegExp(withoutAssertions(re.source), re.flags.replace('g', ''));
  const fold = re.flags.includes('i');
  return fc
    .sample(fc.stringMatching(relaxed), { numRuns: runs, seed: 7 })
    .filter((text) => relaxed.test(text))
    .filter((text) => !literals.some((l) => (fold ? text.toLowerCase() : text).includes(l)));
}

describe('the literal filter never hides a match', () => {
  // Running the analysis over every fixture and example message registers the detectors' patterns.
  const texts = corpusTexts();
  for (const text of texts) analyzeText(text);
  const patterns = indexedPatterns();

  it('filters most detector patterns', () => {
    expect(patterns.length).toBeGreaterThanOrEqual(50);
  });

  it('every text generated to match a pattern holds one of its literals', () => {
    const failures = patterns.flatMap(({ re, literals }) => missedMatches(re, literals).map((text) => ({ pattern: re.source.slice(0, 60), text })));
    expect(failures).toEqual([]);
  });

  it('the same check catches a literal set that misses an alternative', () => {
    const re = /\b(?:talk|speak) to (?:a )?human\b/g;
    expect(missedMatches(re, ['talk to a human', 'talk to human', 'speak to human']).length).toBeGreaterThan(0);
  });

  it('gives the same analysis as running every pattern', () => {
    let unfiltered: typeof analyzeText = () => {
      throw new Error('not loaded');
    };
    jest.isolateModules(() => {
      jest.doMock('../../src/analysis/literal-index', () => ({ mayMatch: () => true, indexedPatterns: () => [] }));
      unfiltered = (require('../../src') as typeof import('../../src')).analyzeText;
    });
    jest.dontMock('../../src/analysis/literal-index');
    // Phrases written to hit each sentiment family and detector, besides the corpus.
    const written = [
      'I want to speak to an agent', 'my card was stolen yesterday', 'this is useless, for the third time', 'thanks, that fixed it',
      "it doesn't work", 'the app keeps crashing', 'nothing happens', 'I cannot log in', 'still waiting for my refund', 'nobody replied',
      'no response yet', 'a waste of my time', 'thanks for nothing', 'what a rip-off', 'you charged me twice', 'hidden fees', 'wrong size',
      "that's not what I asked for", 'for the third time', 'I already told you', 'works now', 'that did the trick', "you're a star",
      'it does not fit', 'it fell apart', 'it died after a week', 'do not buy', 'stay away', 'save your money', 'I returned it', 'sent them back',
      'not worth the money', 'never again', 'could have been better', 'expected more', 'not as described', 'was supposed to work', 'too small',
      'that is bad ass', 'a cake to die for', 'yeah right', 'the kiss of death', 'a broken heart',
    ];
    const differences = [...texts, ...written].filter((text) => JSON.stringify(analyzeText(text)) !== JSON.stringify(unfiltered(text)));
    expect(differences).toEqual([]);
    expect(analyzeText(written[0] ?? '').humanRequest.detected).toBe(true);
  });

  it('reads faces and emoji by code unit, as the text is scanned', () => {
    const re = new RegExp('\u{1F600} yay', 'gu'); // the face itself in the source, not an escape
    mayMatch({}, '', re);
    expect(mayMatch({}, 'so \u{1F600} yay', re)).toBe(true);
    expect(mayMatch({}, 'so \u{1F601} yay', re)).toBe(false);
  });

  it('keeps long literals by their first characters: a text with them still runs the pattern', () => {
    const re = /\bextraordinarily slow\b/g;
    mayMatch({}, '', re);
    settle();
    expect(mayMatch({}, 'it was extraordinarily slow', re)).toBe(true);
    expect(mayMatch({}, 'it was extraordinary', re)).toBe(true);
    expect(mayMatch({}, 'it was slow', re)).toBe(false);
  });

  it('answers for a newly registered pattern from its literals until registrations settle, then from the automaton', () => {
    const re = /\bextraordinarily fast\b/g;
    settle(); // an automaton exists, built before this pattern is known
    mayMatch({}, '', re);
    // Before the rebuild the whole literal must occur; after it, its first characters do.
    expect(mayMatch({}, 'it was extraordinary', re)).toBe(false);
    expect(mayMatch({}, 'it was extraordinarily fast', re)).toBe(true);
    settle();
    expect(mayMatch({}, 'it was extraordinary', re)).toBe(true);
    expect(mayMatch({}, 'it was extraordinarily fast', re)).toBe(true);
    expect(mayMatch({}, 'it was fast', re)).toBe(false);
  });

  it('skips a pattern only for a text without its literals', () => {
    const re = /\bcolou?r\b/g;
    const owner = {};
    mayMatch(owner, '', re); // registers the pattern; the next message's scan knows it
    expect(mayMatch({}, 'what colour is it', re)).toBe(true);
    expect(mayMatch({}, 'what size is it', re)).toBe(false);
  });

  it('answers for a pattern first seen after the message was scanned from its literals, without running it', () => {
    const owner = {};
    const text = 'what shade of teal is it';
    mayMatch(owner, text, /\bshade\b/g); // scans this message
    expect(mayMatch(owner, text, /\bmaroon\b/g)).toBe(false);
    expect(mayMatch(owner, text, /\bteal(?:s|ish)?\b/g)).toBe(true);
  });

  it('keeps each message its own scan when several are asked about in turn', () => {
    const re = /\bturquoise\b/g;
    mayMatch({}, '', re); // registers the pattern
    const owners = [{}, {}, {}];
    const texts = ['a turquoise scarf', 'a red scarf', 'turquoise again'];
    // Three messages in a rotating order: more than the scans kept at once.
    for (const i of [0, 1, 2, 0, 2, 1, 1, 0, 2, 2, 0]) {
      expect([i, mayMatch(owners[i]!, texts[i]!, re)]).toEqual([i, i !== 1]);
    }
  });
});

describe('the literal index under patterns built afresh', () => {
  it('stops indexing past its bound and still answers that the pattern may match', () => {
    const before = indexedPatterns().length;
    for (let i = 0; i < 1_200; i++) mayMatch({}, 'x', new RegExp(`\\bword${i}\\b`, 'g'));
    expect(indexedPatterns().length).toBe(Math.max(before, 1_000));
    expect(mayMatch({}, 'nothing here', /\bunindexed\b/g)).toBe(true);
  });
});

import { contentTokens } from '../../src/analysis/normalize';
import { isRepeat, REPEAT_THRESHOLD, similarAtLeast, similarity } from '../../src/analysis/repetition';

const sim = (a: string, b: string): number => similarity(contentTokens(a), contentTokens(b));
const repeats = (a: string, b: string): boolean => isRepeat(contentTokens(a), contentTokens(b));

describe('similarity', () => {
  it('is 1 for the same content and 0 for nothing shared', () => {
    expect(sim('where is my order', 'Where is my order??')).toBe(1);
    expect(sim('can I change my delivery address', 'what time do you close')).toBe(0);
  });

  it('is symmetric and within [0, 1]', () => {
    const pairs: [string, string][] = [
      ['where is my order', "my order hasn't arrived, where is it"],
      ['reset my password', 'I need to reset my pasword please'],
      ['internet down', 'no internet since monday and the router blinks red'],
    ];
    for (const [a, b] of pairs) {
      const s = sim(a, b);
      expect(s).toBe(sim(b, a));
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
  });

  // Pairwise typo matching over these would take minutes and fail the test on its timeout.
  it('compares very long token lists by exact matches alone', () => {
    const a = Array.from({ length: 50_000 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 50_000 }, (_, i) => `b${i}`);
    expect(similarity(a, b)).toBe(0);
    expect(similarity(a, a)).toBe(1);
    expect(isRepeat(a, b)).toBe(false);
  });

  it('treats empty token lists as unrelated', () => {
    expect(similarity([], [])).toBe(0);
    expect(similarity(['order'], [])).toBe(0);
  });
});

describe('isRepeat', () => {
  it.each([
    ['where is my order', "my order hasn't arrived, where is it"],
    ['I want a refund', 'refund please'],
    ['my internet is not working', "the internet still doesn't work"],
    ['reset my password', 'I need to reset my pasword'],
    ['order 12345 missing', 'still missing order 12345'],
    ['how do I get a refund', 'I want a refund'],
  ])('counts "%s" / "%s"', (a, b) => {
    expect(repeats(a, b)).toBe(true);
  });

  it.each([
    ['where is my order', 'cancel my order'],
    ['my internet is not working', 'I want to upgrade my internet plan'],
    ['can I change my delivery address', 'what time do you close'],
    ['I want a refund', 'when will my refund arrive and how much will it be'],
  ])('does not count "%s" / "%s"', (a, b) => {
    expect(repeats(a, b)).toBe(false);
  });

  it.each(['yes', 'ok', 'thanks', 'no', 'ok thanks'])('never counts a short reply "%s"', (text) => {
    expect(repeats(text, text)).toBe(false);
  });

  it('uses the documented threshold', () => {
    expect(REPEAT_THRESHOLD).toBeGreaterThan(0.5);
    expect(isRepeat(['where', 'order'], ['cancel', 'order'])).toBe(false);
    expect(isRepeat(['where', 'order'], ['where', 'order', 'arriv'])).toBe(true);
  });
});

describe('similarity against a plain reference', () => {
  // The reference compares every unmatched pair, as the measure is defined (repetition.ts):
  // the library only tries pairs with the same first letter and caches each message's tokens,
  // which must never change a score. Words from a small pool, with typos, so that exact, typo
  // and no matches all occur.
  const jaroWinkler = require('natural/lib/natural/distance/jaro-winkler_distance') as (a: string, b: string) => number;
  const typo = (x: string, y: string): number => {
    if (x.length < 4 || y.length < 4 || x[0] !== y[0] || Math.abs(x.length - y.length) > 2) return 0;
    const score = jaroWinkler(x, y);
    return score >= 0.9 ? score : 0;
  };
  const reference = (a: readonly string[], b: readonly string[]): number => {
    const left = [...new Set(a)];
    const right = [...new Set(b)];
    if (left.length === 0 || right.length === 0) return 0;
    const used = new Set(right.filter((t) => left.includes(t)));
    let matches = used.size;
    for (const token of left) {
      if (right.includes(token)) continue;
      let best = 0;
      let bestToken: string | undefined;
      for (const other of right) {
        if (used.has(other)) continue;
        const s = typo(token, other);
        if (s > best) {
          best = s;
          bestToken = other;
        }
      }
      if (bestToken !== undefined) {
        matches += best;
        used.add(bestToken);
      }
    }
    return scoreOf(matches, left.length, right.length);
  };
  const scoreOf = (matches: number, l: number, r: number): number =>
    Math.round(Math.min(1, Math.max((2 * matches) / (l + r), (0.85 * matches) / Math.max(2, Math.min(l, r)))) * 1000) / 1000;
  const exactOnly = (a: readonly string[], b: readonly string[]): number => {
    const left = new Set(a);
    const right = new Set(b);
    return scoreOf([...left].filter((t) => right.has(t)).length, left.size, right.size);
  };
  const pool = [
    'order', 'ordr', 'refund', 'refnd', 'card', 'cart', 'delivery', 'delivry', 'address', 'adress', 'late', 'box', 'account', 'acount',
    'password', 'pasword', 'invoice', 'invoise', 'parcel', 'parcle', 'store', 'phone', 'email', 'emial', 'bill', 'week', 'money', 'app',
  ];
  it('gives the same score on 5,000 generated pairs', () => {
    let state = 12345;
    const next = (n: number): number => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return (state >>> 16) % n;
    };
    const list = (): string[] => Array.from({ length: 1 + next(6) }, () => pool[next(pool.length)] ?? 'order');
    const seen = { repeats: 0, partial: 0, typos: 0 };
    for (let i = 0; i < 5_000; i++) {
      const a = list();
      const b = list();
      const s = similarity(a, b);
      expect([a, b, s]).toEqual([a, b, reference(a, b)]);
      expect(isRepeat(a, b)).toBe(s >= REPEAT_THRESHOLD);
      for (const threshold of [0.3, 0.85, 1]) expect([threshold, similarAtLeast(a, b, threshold)]).toEqual([threshold, s >= threshold]);
      if (s >= REPEAT_THRESHOLD) seen.repeats += 1;
      else if (s > 0) seen.partial += 1;
      if (s !== exactOnly(a, b)) seen.typos += 1;
    }
    expect(seen.repeats).toBeGreaterThan(200);
    expect(seen.partial).toBeGreaterThan(200);
    expect(seen.typos).toBeGreaterThan(200);
  });
});

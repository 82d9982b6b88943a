import { clip, matchAll, MAX_EXCERPT_LENGTH, negatedBefore, quote, quoteNormalized } from '../../src/analysis/match';
import { prepare } from '../../src/analysis/normalize';

describe('clip', () => {
  it('trims and keeps short text as is', () => {
    expect(clip('  agent please ')).toBe('agent please');
  });

  it('cuts long text at a word boundary, inside the original', () => {
    const text = 'word '.repeat(40);
    const clipped = clip(text);
    expect(clipped.length).toBeLessThanOrEqual(MAX_EXCERPT_LENGTH);
    expect(text).toContain(clipped);
    expect(clipped.endsWith('word')).toBe(true);
  });

  it('cuts a single huge word hard', () => {
    expect(clip('x'.repeat(500))).toHaveLength(MAX_EXCERPT_LENGTH);
  });
});

describe('matchAll and quote', () => {
  it('maps a canonical match back to the words the customer typed', () => {
    const p = prepare("It DOESN\u2019T work, really");
    const [hit] = matchAll(p, /\bdoes not work\b/g);
    expect(hit).toEqual({ first: 1, last: 3 });
    expect(hit && quote(p, hit.first, hit.last)).toBe('DOESN\u2019T work');
  });

  it('quotes normalised offsets in the original text', () => {
    const text = 'ok \uFF48\uFF45\uFF4C\uFF4C';
    const p = prepare(text);
    expect(quoteNormalized(p, 3, 7)).toBe('\uFF48\uFF45\uFF4C\uFF4C');
  });
});

describe('negatedBefore', () => {
  it('sees a negator a few words back in the same clause', () => {
    const p = prepare('my card was not stolen');
    expect(negatedBefore(p, 4)).toBe(true);
    expect(negatedBefore(prepare('no, it was stolen'), 4)).toBe(false);
  });

  it('does not read inability as denial', () => {
    expect(negatedBefore(prepare("I can't cancel"), 3)).toBe(false);
  });
});

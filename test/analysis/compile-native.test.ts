import { compileNative } from '../../src/analysis/compile-native';
import { matchAll } from '../../src/analysis/match';
import { prepare } from '../../src/analysis/normalize';

// A wide alternation like the detectors' own: long enough to be compiled ahead of its first match.
const words = Array.from({ length: 200 }, (_, i) => `word${i}x`);
const longSource = String.raw`\b(?:${words.join('|')}|talk to (?:a|an) (?:agent|person))\b`;

describe('compileNative', () => {
  it('leaves a long global pattern where it was and matching as before', () => {
    expect(longSource.length).toBeGreaterThan(1000);
    const re = new RegExp(longSource, 'g');
    re.lastIndex = 7;
    compileNative(re);
    expect(re.lastIndex).toBe(7);
    re.lastIndex = 0;
    const text = 'please let me talk to an agent, word12x and word199x';
    const fresh = new RegExp(longSource, 'g');
    expect([...text.matchAll(re)].map((m) => [m.index, m[0]])).toEqual([...text.matchAll(fresh)].map((m) => [m.index, m[0]]));
  });

  it('does not run short patterns ahead of time', () => {
    const re = /\bagent\b/g;
    const exec = jest.spyOn(re, 'exec');
    compileNative(re);
    expect(exec).not.toHaveBeenCalled();
  });

  it('runs a long pattern ahead only once', () => {
    const re = new RegExp(longSource, 'g');
    const exec = jest.spyOn(re, 'exec');
    compileNative(re);
    compileNative(re);
    expect(exec).toHaveBeenCalledTimes(1);
    expect(exec.mock.calls[0]?.[0]).toMatch(/^ {1000}$/);
  });

  it('gives matchAll the same hits on the first match as on later ones', () => {
    const re = new RegExp(longSource, 'g');
    const p = prepare('I want to talk to a person about word3x');
    const first = matchAll(p, re);
    expect(first.length).toBe(2);
    expect(matchAll(p, re)).toEqual(first);
  });
});

import { requiredLiterals } from './required-literals';

/*
 * One pass over a message tells which detector patterns could match it at all. Every
 * pattern's required literals (required-literals.ts) go into one Aho-Corasick automaton;
 * a pattern none of whose literals occurs in the text is skipped without running it.
 * Most patterns are wide alternations that most messages never touch, and trying one at
 * every position of a long message costs far more than this single scan.
 *
 * Patterns register themselves the first time they are matched; until the automaton is
 * rebuilt with them, they simply run. So the filter needs no list kept by hand and can
 * never hide a pattern it does not know.
 */

interface Automaton {
  /** Per node: character code → next node. */
  readonly next: Map<number, number>[];
  readonly fail: number[];
  /** Per node: the patterns (by id) one of whose literals ends here, fail chain included. */
  readonly hits: (readonly number[] | undefined)[];
  /** Patterns in this automaton; those not in it may always match. */
  readonly size: number;
}

/** Per pattern: its id, or -1 when it promises no literal and must always run. */
const ids = new WeakMap<RegExp, number>();
const literalsById: (readonly string[])[] = [];
const patternsById: RegExp[] = [];
let automaton: Automaton | undefined;

function build(): Automaton {
  const next: Map<number, number>[] = [new Map()];
  const own: number[][] = [[]];
  literalsById.forEach((literals, id) => {
    for (const literal of literals) {
      let node = 0;
      for (let i = 0; i < literal.length; i += 1) {
        const code = literal.charCodeAt(i);
        let child = next[node]?.get(code);
        if (child === undefined) {
          child = next.length;
          next.push(new Map());
          own.push([]);
          next[node]?.set(code, child);
        }
        node = child;
      }
      own[node]?.push(id);
    }
  });
  const fail = new Array<number>(next.length).fill(0);
  const hits: (readonly number[] | undefined)[] = new Array<readonly number[] | undefined>(next.length).fill(undefined);
  const queue: number[] = [];
  for (const child of next[0]?.values() ?? []) queue.push(child);
  for (let head = 0; head < queue.length; head += 1) {
    const node = queue[head] ?? 0;
    const inherited = hits[fail[node] ?? 0];
    const mine = own[node] ?? [];
    hits[node] = mine.length === 0 ? inherited : inherited === undefined ? mine : [...new Set([...mine, ...inherited])];
    for (const [code, child] of next[node] ?? []) {
      let f = fail[node] ?? 0;
      while (f !== 0 && next[f]?.has(code) !== true) f = fail[f] ?? 0;
      const target = next[f]?.get(code);
      fail[child] = target !== undefined && target !== child ? target : 0;
      queue.push(child);
    }
  }
  return { next, fail, hits, size: literalsById.length };
}

/** The id of `re` in the index, registering it on first sight; -1 when it cannot be filtered. */
function idOf(re: RegExp): number {
  let id = ids.get(re);
  if (id === undefined) {
    const literals = requiredLiterals(re);
    if (literals === undefined) id = -1;
    else {
      id = literalsById.length;
      literalsById.push(literals);
      patternsById.push(re);
    }
    ids.set(re, id);
  }
  return id;
}

/** Which registered patterns could match `text`: one pass, one flag per pattern. */
function scan(text: string): { readonly size: number; readonly possible: Uint8Array } {
  if (automaton === undefined || automaton.size !== literalsById.length) automaton = build();
  const { next, fail, hits, size } = automaton;
  const possible = new Uint8Array(size);
  let node = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    let to = next[node]?.get(code);
    while (to === undefined && node !== 0) {
      node = fail[node] ?? 0;
      to = next[node]?.get(code);
    }
    node = to ?? 0;
    const found = hits[node];
    if (found !== undefined) for (const id of found) possible[id] = 1;
  }
  return { size, possible };
}

const scans = new WeakMap<object, { readonly size: number; readonly possible: Uint8Array }>();

/**
 * False only when no match of `re` can occur in `text`. `owner` is the object `text`
 * belongs to (a prepared message), so the scan runs once per message, not per pattern.
 */
export function mayMatch(owner: object, text: string, re: RegExp): boolean {
  const id = idOf(re);
  if (id < 0) return true;
  let s = scans.get(owner);
  if (s === undefined) {
    s = scan(text);
    scans.set(owner, s);
  }
  // A pattern first seen after this message's scan runs; the next scan will know it.
  return id >= s.size || s.possible[id] === 1;
}

/** The patterns the index filters so far, with their literals: for tests that check the filter never hides a match. */
export function indexedPatterns(): readonly { readonly re: RegExp; readonly literals: readonly string[] }[] {
  return patternsById.map((re, id) => ({ re, literals: literalsById[id] ?? [] }));
}

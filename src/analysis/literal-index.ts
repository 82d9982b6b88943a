import { tabledLiterals } from './pattern-literals';
import { requiredLiterals } from './required-literals';

/*
 * One pass over a message tells which detector patterns could match it at all. Every
 * pattern's required literals (required-literals.ts) go into one Aho-Corasick automaton;
 * a pattern none of whose literals occurs in the text is skipped without running it.
 * Most patterns are wide alternations that most messages never touch, and trying one at
 * every position of a long message costs far more than this single scan.
 *
 * Patterns register themselves the first time they are matched; until the automaton is
 * rebuilt with them, their literals are looked for one by one. So the filter needs no list
 * kept by hand and can never hide a pattern it does not know.
 */

/*
 * A match holding a literal holds every piece of it too, so literals are cut to their
 * first few characters: the automaton stays small (about 2,000 distinct prefixes instead
 * of 3,700 literals) and still rules out most patterns for most messages. Cut at eight,
 * prefixes such as "that is " stood for many phrases and let through about a third more
 * patterns, each then run over the whole message for nothing.
 */
const MAX_LITERAL_LENGTH = 10;

/** The automaton as a table: one lookup per character of the text, no failure chains to walk. */
interface Automaton {
  /** Column of each ASCII character in `delta`; 0 for a character no literal holds. */
  readonly asciiColumn: Uint8Array;
  /** The same for other characters. */
  readonly otherColumn: ReadonlyMap<number, number>;
  readonly columns: number;
  /**
   * `delta[node * columns + column]`: the node after reading that character. Two bytes a cell while
   * the nodes fit (about 12,000 now): the scan reads the table at random, one cell per character,
   * and at four bytes it outgrew the processor's caches (2.1 MB against 1 MB).
   */
  readonly delta: Uint16Array | Int32Array;
  /** Per node: the patterns (by id) one of whose literals ends here, suffixes included. */
  readonly hits: (readonly number[] | undefined)[];
  /** Patterns in this automaton; those not in it may always match. */
  readonly size: number;
}

interface Indexed {
  readonly re: RegExp;
  readonly literals: readonly string[];
}

/** Per pattern: its id (its place in `indexed`), or -1 when it promises no literal and must always run. */
const ids = new WeakMap<RegExp, number>();
const indexed: Indexed[] = [];
let automaton: Automaton | undefined;

/*
 * Patterns register in bursts: most on a process's first message, a few more on the next ones
 * as other detectors' branches are reached. Rebuilding the automaton after each burst cost a
 * fresh process (every jest test file) about as much as its first messages' analysis; until
 * no pattern has registered for this many scans, new ones are checked by their literals
 * directly, which on a few short messages is cheaper than a build.
 */
const SETTLED_AFTER_SCANS = 8;
let scansSinceRegistration = 0;

function build(): Automaton {
  const asciiColumn = new Uint8Array(128);
  const otherColumn = new Map<number, number>();
  let columns = 1;
  const columnOf = (code: number): number => {
    const known = code < 128 ? asciiColumn[code] : otherColumn.get(code);
    if (known !== undefined && known !== 0) return known;
    if (code < 128) asciiColumn[code] = columns;
    else otherColumn.set(code, columns);
    return columns++;
  };
  // A trie of the literals, then Aho-Corasick failure links in breadth-first order.
  const children: Map<number, number>[] = [new Map()];
  const own: number[][] = [[]];
  indexed.forEach(({ literals }, id) => {
    for (const literal of literals) {
      let node = 0;
      // Code units, as the scan reads the text: a face or emoji is two of them.
      for (let i = 0; i < Math.min(literal.length, MAX_LITERAL_LENGTH); i += 1) {
        const column = columnOf(literal.charCodeAt(i));
        let child = children[node]?.get(column);
        if (child === undefined) {
          child = children.length;
          children.push(new Map());
          own.push([]);
          children[node]?.set(column, child);
        }
        node = child;
      }
      own[node]?.push(id);
    }
  });
  const nodes = children.length;
  const delta = nodes <= 0xffff ? new Uint16Array(nodes * columns) : new Int32Array(nodes * columns);
  const fail = new Int32Array(nodes);
  const hits = new Array<readonly number[] | undefined>(nodes).fill(undefined);
  for (const [column, child] of children[0] ?? []) delta[column] = child;
  const queue: number[] = [...(children[0]?.values() ?? [])];
  for (let head = 0; head < queue.length; head += 1) {
    const node = queue[head] ?? 0;
    const f = fail[node] ?? 0;
    const inherited = hits[f];
    const mine = own[node] ?? [];
    hits[node] = mine.length === 0 ? inherited : inherited === undefined ? mine : [...new Set([...mine, ...inherited])];
    // Where the trie has no edge, go where the longest proper suffix would.
    for (let column = 1; column < columns; column += 1) delta[node * columns + column] = delta[f * columns + column] ?? 0;
    for (const [column, child] of children[node] ?? []) {
      fail[child] = delta[f * columns + column] ?? 0;
      delta[node * columns + column] = child;
      queue.push(child);
    }
  }
  return { asciiColumn, otherColumn, columns, delta, hits, size: indexed.length };
}

/**
 * The detectors' patterns are module constants, about sixty; a pattern built afresh for
 * each message would otherwise grow the index without end, so past this many it just runs.
 */
const MAX_PATTERNS = 1_000;

/** The id of `re` in the index, registering it on first sight; -1 when it cannot be filtered. */
function idOf(re: RegExp): number {
  let id = ids.get(re);
  if (id === undefined) {
    const literals = indexed.length < MAX_PATTERNS ? (tabledLiterals(re) ?? requiredLiterals(re)) : undefined;
    if (literals === undefined) id = -1;
    else {
      id = indexed.length;
      indexed.push({ re, literals });
      scansSinceRegistration = 0;
    }
    ids.set(re, id);
  }
  return id;
}

/** The scan of one text: one flag per pattern the automaton held when it ran (`size`). */
interface Scan {
  owner: object | undefined;
  text: string | undefined;
  size: number;
  possible: Uint8Array;
}

/** Sets `s.possible[id]` for every registered pattern that could match `text`: one pass. */
function scan(text: string, s: Scan): void {
  scansSinceRegistration += 1;
  if (automaton === undefined || (automaton.size !== indexed.length && scansSinceRegistration > SETTLED_AFTER_SCANS)) automaton = build();
  const { asciiColumn, otherColumn, columns, delta, hits, size } = automaton;
  // The flags of the text this slot held before are cleared in place, not allocated again.
  if (s.possible.length === size) s.possible.fill(0);
  else s.possible = new Uint8Array(size);
  s.size = size;
  const possible = s.possible;
  let node = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const column = code < 128 ? (asciiColumn[code] ?? 0) : (otherColumn.get(code) ?? 0);
    node = column === 0 ? 0 : (delta[node * columns + column] ?? 0);
    const found = hits[node];
    if (found !== undefined) for (const id of found) possible[id] = 1;
  }
}

/*
 * The scans of the last two texts asked about: the detectors ask about one message (its
 * canonical text, and the canonical text of its typo view) many times in a row, then never
 * again. A weak map would keep every scan correct too, but its entries make
 * each garbage collection slower. The two texts are held until two others are asked about;
 * a new text reuses the slot (and flag array) of the older one.
 */
let recent: Scan = { owner: undefined, text: undefined, size: 0, possible: new Uint8Array(0) };
let older: Scan = { owner: undefined, text: undefined, size: 0, possible: new Uint8Array(0) };

function scanOf(owner: object, text: string): Scan {
  if (owner === recent.owner && text === recent.text) return recent;
  const s = older;
  older = recent;
  recent = s;
  if (owner !== s.owner || text !== s.text) {
    // Cleared first, so a scan that throws leaves no slot claiming this text.
    s.owner = undefined;
    s.text = undefined;
    scan(text, s);
    s.owner = owner;
    s.text = text;
  }
  return s;
}

/**
 * False only when no match of `re` can occur in `text`. `owner` is the object `text`
 * belongs to (a prepared message): the scan runs once per text of a message, not per pattern.
 */
export function mayMatch(owner: object, text: string, re: RegExp): boolean {
  const id = idOf(re);
  if (id < 0) return true;
  const s = scanOf(owner, text);
  // A pattern the automaton does not hold yet (every pattern, on a process's first messages)
  // is checked by its literals directly; the rebuild after registrations settle will hold it.
  // Running it instead would make V8 compile it: about 60 ms for all of them on the first message.
  if (id >= s.size) return indexed[id]?.literals.some((literal) => text.includes(literal)) ?? true;
  return s.possible[id] === 1;
}

/** The patterns the index filters so far, with their literals: for tests that check the filter never hides a match. */
export function indexedPatterns(): readonly Indexed[] {
  return [...indexed];
}

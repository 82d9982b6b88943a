/*
 * From a regular expression's source, literal strings of which every match must contain
 * at least one. A text holding none of them cannot match, so detectors can skip the regex
 * engine for it (see literal-index.ts).
 *
 * The analysis is conservative: whatever it does not understand (character classes
 * beyond a few characters, back-references, class escapes, `.`) counts as "could be
 * anything", which only weakens the filter, never makes it wrong. A test runs every
 * detector pattern over many texts and checks that no match is ever filtered out.
 */

/** What a piece of a pattern can match. */
interface Info {
  /** Every string the piece matches, when that set is small and finite. */
  readonly exact?: ReadonlySet<string> | undefined;
  /** Strings of which every match contains one; undefined when nothing is known. */
  readonly required?: ReadonlySet<string> | undefined;
}

const MAX_EXACT = 64;
const MAX_CLASS = 8;
const ANYTHING: Info = {};
const EMPTY_SET: ReadonlySet<string> = new Set(['']);
const EMPTY: Info = { exact: EMPTY_SET };

function requiredOf(info: Info): ReadonlySet<string> | undefined {
  if (info.exact !== undefined) return info.exact.has('') ? undefined : info.exact;
  return info.required;
}

function shortest(set: ReadonlySet<string>): number {
  let min = Infinity;
  for (const s of set) min = Math.min(min, s.length);
  return min;
}

/** Of two requirements, the one whose shortest string is longer (rarer in a text); then the smaller. */
function better(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): ReadonlySet<string> | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const la = shortest(a);
  const lb = shortest(b);
  if (la !== lb) return la > lb ? a : b;
  return a.size <= b.size ? a : b;
}

function product(a: ReadonlySet<string>, b: ReadonlySet<string>): ReadonlySet<string> | undefined {
  if (a.size * b.size > MAX_EXACT) return undefined;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

/**
 * A sequence: runs of exact pieces join into longer strings ("colou?r" is color or
 * colour); where a run must break, the best requirement seen so far stands for the whole.
 */
function sequenceOf(parts: readonly Info[]): Info {
  let run: ReadonlySet<string> = EMPTY_SET;
  let whole = true;
  let best: ReadonlySet<string> | undefined;
  for (const part of parts) {
    const joined = part.exact === undefined ? undefined : product(run, part.exact);
    if (joined !== undefined) {
      run = joined;
      continue;
    }
    whole = false;
    best = better(best, requiredOf({ exact: run }));
    if (part.exact !== undefined) run = part.exact;
    else {
      best = better(best, part.required);
      run = EMPTY_SET;
    }
  }
  return whole ? { exact: run } : { required: better(best, requiredOf({ exact: run })) };
}

function alternate(options: readonly Info[]): Info {
  if (options.every((o) => o.exact !== undefined)) {
    const exact = new Set<string>();
    for (const o of options) for (const s of o.exact ?? []) exact.add(s);
    if (exact.size <= MAX_EXACT) return { exact };
  }
  const required = new Set<string>();
  for (const o of options) {
    const r = requiredOf(o);
    if (r === undefined) return ANYTHING;
    for (const s of r) required.add(s);
  }
  return { required };
}

class Parser {
  private at = 0;

  constructor(
    private readonly src: string,
    private readonly fold: boolean,
  ) {}

  parse(): Info {
    const info = this.alternation();
    return this.at === this.src.length ? info : ANYTHING;
  }

  private alternation(): Info {
    const options = [this.sequence()];
    while (this.src[this.at] === '|') {
      this.at += 1;
      options.push(this.sequence());
    }
    return options.length === 1 ? (options[0] ?? ANYTHING) : alternate(options);
  }

  private sequence(): Info {
    const parts: Info[] = [];
    while (this.at < this.src.length && this.src[this.at] !== '|' && this.src[this.at] !== ')') {
      parts.push(this.quantified(this.atom()));
    }
    return sequenceOf(parts);
  }

  private quantified(atom: Info): Info {
    const c = this.src[this.at];
    let min: number;
    if (c === '?' || c === '*' || c === '+') {
      min = c === '+' ? 1 : 0;
      this.at += 1;
    } else if (c === '{') {
      const m = /^\{(\d+)(,\d*)?\}/.exec(this.src.slice(this.at, this.at + 24));
      if (m === null) return atom;
      this.at += m[0].length;
      min = Number(m[1]);
      if (m[2] === undefined && min === 1) {
        if (this.src[this.at] === '?') this.at += 1;
        return atom;
      }
    } else {
      return atom;
    }
    if (this.src[this.at] === '?') this.at += 1;
    if (min > 0) return { required: requiredOf(atom) };
    // x? matches x or nothing; x* could be any repetition, so only "nothing" is certain.
    return c === '?' && atom.exact !== undefined ? alternate([atom, EMPTY]) : ANYTHING;
  }

  private atom(): Info {
    const c = this.src[this.at] ?? '';
    this.at += 1;
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    if (c === '^' || c === '$') return EMPTY;
    if (c === '.') return ANYTHING;
    return this.literal(c);
  }

  private literal(c: string): Info {
    return { exact: new Set([this.fold ? c.toLowerCase() : c]) };
  }

  private skipPast(close: string): void {
    const at = this.src.indexOf(close, this.at);
    this.at = at < 0 ? this.src.length : at + 1;
  }

  private group(): Info {
    let lookaround = false;
    if (this.src.startsWith('?:', this.at)) this.at += 2;
    else if (this.src.startsWith('?=', this.at) || this.src.startsWith('?!', this.at)) {
      lookaround = true;
      this.at += 2;
    } else if (this.src.startsWith('?<=', this.at) || this.src.startsWith('?<!', this.at)) {
      lookaround = true;
      this.at += 3;
    } else if (this.src[this.at] === '?') {
      // A named group, (?<name>...), or a modifier group: the name is not text.
      if (this.src[this.at + 1] !== '<') return ANYTHING;
      this.skipPast('>');
    }
    const inner = this.alternation();
    if (this.src[this.at] === ')') this.at += 1;
    // A lookaround consumes nothing, so it adds nothing a match must contain.
    return lookaround ? EMPTY : inner;
  }

  private charClass(): Info {
    const chars = new Set<string>();
    let simple = this.src[this.at] !== '^';
    while (this.at < this.src.length && this.src[this.at] !== ']') {
      let c = this.src[this.at] ?? '';
      this.at += 1;
      if (c === '\\') {
        c = this.src[this.at] ?? '';
        this.at += 1;
        if (/[0-9A-Za-z]/.test(c)) simple = false;
      } else if (c === '-' && chars.size > 0 && this.src[this.at] !== ']') {
        simple = false;
      }
      chars.add(this.fold ? c.toLowerCase() : c);
    }
    this.at += 1;
    return simple && chars.size > 0 && chars.size <= MAX_CLASS ? { exact: chars } : ANYTHING;
  }

  private escape(): Info {
    const e = this.src[this.at] ?? '';
    this.at += 1;
    if (e === 'b' || e === 'B') return EMPTY;
    if ((e === 'p' || e === 'P' || e === 'u' || e === 'k') && /[{<]/.test(this.src[this.at] ?? '')) {
      this.skipPast(this.src[this.at] === '{' ? '}' : '>');
      return ANYTHING;
    }
    // Class escapes (\d \s \w), code points, controls and back-references; their
    // digits and letters are not text to find.
    if (e === 'u') this.at += 4;
    else if (e === 'x') this.at += 2;
    else if (e === 'c') this.at += 1;
    else if (/[0-9]/.test(e)) while (/[0-9]/.test(this.src[this.at] ?? '')) this.at += 1;
    if (/[0-9A-Za-z]/.test(e)) return ANYTHING;
    return this.literal(e);
  }
}

/**
 * Literal strings one of which every match of `re` contains, or undefined when the
 * pattern promises none. Lower-cased for a case-insensitive pattern: run the filter on
 * lower-case text then.
 */
export function requiredLiterals(re: RegExp): readonly string[] | undefined {
  if (re.flags.includes('v')) return undefined;
  const required = requiredOf(new Parser(re.source, re.flags.includes('i')).parse());
  if (required === undefined || required.size === 0) return undefined;
  return [...required];
}

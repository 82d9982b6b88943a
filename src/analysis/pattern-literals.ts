/*
 * The required literals of the detectors' patterns, read from a table written at development
 * time (`npm run literals`, from the patterns the fixtures reach) instead of parsed from each
 * pattern's source on a process's first messages: about 80,000 characters of source, 25 ms in
 * every fresh process (each jest test file). Keyed by flags and source, so a pattern changed
 * since the table was written is simply not found and parsed as before; a test keeps the table
 * equal to what parsing gives.
 */

// A type-only reference: it makes tsc copy the data file next to the compiled code.
type Table = typeof import('./data/pattern-literals.json');

let table: Readonly<Record<string, readonly string[]>> | undefined;

/** The table's key for a pattern. */
export function patternKey(re: RegExp): string {
  return `${re.flags}/${re.source}`;
}

/** The literals the table holds for `re`, or undefined when it holds none. */
export function tabledLiterals(re: RegExp): readonly string[] | undefined {
  table ??= require('./data/pattern-literals.json') as Table as Readonly<Record<string, readonly string[]>>;
  const key = patternKey(re);
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** The table for these patterns, keys sorted (what `npm run literals` writes). */
export function patternLiteralsTable(patterns: readonly RegExp[], literalsOf: (re: RegExp) => readonly string[] | undefined): Record<string, readonly string[]> {
  const entries: [string, readonly string[]][] = [];
  for (const re of patterns) {
    const literals = literalsOf(re);
    if (literals !== undefined) entries.push([patternKey(re), literals]);
  }
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}

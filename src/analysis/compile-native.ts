/*
 * V8 runs a regex's first match in its bytecode interpreter and compiles it to machine code
 * only from the second. For the detectors' wide alternations (several thousand characters of
 * source) the bytecode compile is the slow step: about 30 ms for the largest, then 4 ms more
 * for the machine code, paid by every process (every jest test file) and every worker thread
 * on its first messages. A first match run over a long text makes V8 skip the interpreter and
 * compile machine code at once (it does so from 1,000 characters of subject), which costs a
 * quarter of the two compiles together. Nothing but timing depends on it: on an engine
 * without that rule the pattern is simply compiled both ways, as before.
 */

/** Subject length from which V8 compiles machine code on a pattern's first match. */
const EAGER_SUBJECT_LENGTH = 1_000;
/** Sources shorter than this compile in well under a millisecond either way. */
const LONG_SOURCE = 1_000;

const compiled = new WeakSet<RegExp>();
let subject: string | undefined;

/** Makes sure `re` runs as machine code from its first real match; cheap after the first call. */
export function compileNative(re: RegExp): void {
  if (compiled.has(re)) return;
  compiled.add(re);
  if (re.source.length < LONG_SOURCE) return;
  const lastIndex = re.lastIndex;
  // Spaces: no detector pattern can find a word in them, so the run itself is a quick scan.
  re.exec((subject ??= ' '.repeat(EAGER_SUBJECT_LENGTH)));
  re.lastIndex = lastIndex;
}

/*
 * Trimming a set of characters off the ends of a string. A loop, not `/[...]+$/`: a regex
 * anchored at the end is tried at every start position of a long run of those characters
 * that is not at the end ("!!!!…x"), which is quadratic.
 */

const WHITE_SPACE = /\s/;

/** True for the characters listed in `chars`, and for any white space when `whiteSpace` is set. */
function inSet(ch: string, chars: string, whiteSpace: boolean): boolean {
  return chars.includes(ch) || (whiteSpace && WHITE_SPACE.test(ch));
}

/** `text` without the listed characters (and white space, when asked) at its start. */
export function trimStartOf(text: string, chars: string, whiteSpace = false): string {
  let start = 0;
  while (start < text.length && inSet(text[start]!, chars, whiteSpace)) start += 1;
  return start === 0 ? text : text.slice(start);
}

/** `text` without the listed characters (and white space, when asked) at its end. */
export function trimEndOf(text: string, chars: string, whiteSpace = false): string {
  let end = text.length;
  while (end > 0 && inSet(text[end - 1]!, chars, whiteSpace)) end -= 1;
  return end === text.length ? text : text.slice(0, end);
}

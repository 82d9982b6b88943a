/*
 * Whether the bot sent the same reply again, over the content tokens of its two replies
 * (stemmed, stop words removed; see normalize.ts). A loop is the same reply, so the measure
 * is symmetric: Dice overlap, 2·m / (|A| + |B|), of the distinct tokens. Not the containment
 * that repetition.ts adds for customers restating a question at more length: a short bot
 * question ("a cheap or an expensive hotel?") is contained in the longer answer that follows
 * it ("no cheap hotels there, two expensive ones") without being repeated by it.
 *
 * Nor is it a loop when the bot took in what the customer said in between: a reply whose
 * numbers changed ("a table for 2" → "a table for 3", a second booking's reference), or that
 * takes up a word of the customer's last message ("on the kitchen speaker?" → "play it in the
 * bedroom" → "on the bedroom speaker?"), is the same template doing what it was asked.
 */

/** A bot reply this close to its previous reply is the bot going round in circles. */
export const LOOP_SIMILARITY = 0.85;

const hasDigit = (token: string): boolean => /[0-9]/.test(token);

/** True when the bot's reply `next` repeats its reply `previous`: at least {@link LOOP_SIMILARITY} alike, with the same numbers. */
export function isSameReply(previous: readonly string[], next: readonly string[]): boolean {
  const left = new Set(previous);
  const right = new Set(next);
  if (left.size === 0 || right.size === 0) return false;
  let matches = 0;
  for (const token of left) {
    if (right.has(token)) matches += 1;
    else if (hasDigit(token)) return false;
  }
  for (const token of right) if (hasDigit(token) && !left.has(token)) return false;
  return (2 * matches) / (left.size + right.size) >= LOOP_SIMILARITY;
}

/** True when `next` holds a word of `customerSaid` (what the customer said between the two replies) that `previous` lacks. */
export function takesUpCustomerWords(previous: readonly string[], next: readonly string[], customerSaid: readonly string[]): boolean {
  return next.some((token) => customerSaid.includes(token) && !previous.includes(token));
}

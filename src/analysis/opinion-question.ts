/*
 * A bot question that asks what the customer dislikes: "what didn't you like about it?",
 * "which kinds do you hate?". Not a question about the service itself ("anything about our
 * delivery you did not like?"), whose answer is a complaint. The answer is a negative opinion the
 * bot asked for, about the subject of the question, not about the conversation; so its
 * negative sentiment is no sign of frustration (facts/reduce.ts). Written from how
 * preference questions are phrased, not from any data set's wording.
 */

const SUBJECT = String.raw`(?:(?:you|u|they|people|most people) )?`;
const DISLIKE = new RegExp(
  String.raw`\b(?:dislike[sd]?|(?:not|never) ${SUBJECT}(?:really |much |particularly )?(?:like|liked|enjoy|enjoyed|love|loved|care for|a fan of)|hate[sd]?|unappealing|bothers? you|bothered you)\b`,
);
// A question word before the dislike asks only in a question ("why did you not like it?");
// a request to tell or name one asks without a question mark ("tell me what you dislike").
const QUESTION_WORD = /\b(?:what|which|why|how come|any|anything|anyone|is there|are there)\b/;
const REQUEST = /\b(?:tell me|name|describe|think of)\b/;
// "anything about our delivery you did not like?", "what didn't you like about your stay?": a
// question about the service itself; a negative answer there is a complaint.
const ABOUT_THE_SERVICE = /\b(?:our|us|we|your (?:order|stay|visit|experience|delivery|booking|call|chat|account|purchase|service|agent)|(?:the|this) (?:service|app|website|site|bot|chat|agent|staff|delivery|support))\b/;
const SENTENCE = /[^.!?]+[.!?]*/g;
const MAX_GAP = 80;

/** Whether the bot's message asks what the customer dislikes. */
export function asksForDislikes(text: string): boolean {
  if (text.length > 2_000) return false;
  const lower = text.toLowerCase().replace(/n['\u2019]?t\b/g, ' not');
  // Most bot messages name no dislike at all: one search settles them.
  if (!DISLIKE.test(lower)) return false;
  for (const [sentence] of lower.matchAll(SENTENCE)) {
    const dislike = DISLIKE.exec(sentence);
    if (dislike === null || ABOUT_THE_SERVICE.test(sentence)) continue;
    const before = sentence.slice(Math.max(0, dislike.index - MAX_GAP), dislike.index);
    if (REQUEST.test(before) || (QUESTION_WORD.test(before) && sentence.trimEnd().endsWith('?'))) return true;
  }
  return false;
}

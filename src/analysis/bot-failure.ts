import type { BotFailure } from '../schema/analysis';
import type { Message } from '../schema/conversation';
import { clip, matchAll, quote } from './match';
import { DEFAULT_ANALYSIS_OPTIONS, type AnalysisOptions } from './options';
import { prepare, type PreparedText } from './normalize';

/*
 * A bot failing to understand, read from the bot's own flag first (the platform knows
 * best), then from fallback-like wording for platforms that do not set the flag; and,
 * on the customer's side, an intent read with low confidence.
 */

const FALLBACK_TEXT: readonly RegExp[] = [
  // "Sorry, I didn't understand", "I could not find an answer".
  /\bi (?:did not|do not|could not|can not|am not able to|was not able to|am unable to|was unable to) (?:quite |really )?(?:understand|get|follow|catch|find an answer|find anything|recogni[sz]e)(?: (?:that|this|it|what you (?:mean|said|meant)|your (?:question|message|request)))?\b/g,
  // "I'm not sure what you mean".
  /\bi am not (?:sure|certain|quite sure) (?:what you mean|i understand|i follow|what you are (?:asking|looking for|saying)|how to help|i can help)\b/g,
  // "Could you rephrase that?", "Please try again".
  /\b(?:(?:could|can|would) you (?:please )?(?:rephrase|reword|say (?:that|it) (?:again|differently|another way)|try (?:again|asking (?:again|differently|another way)|rephrasing)|clarify|be more specific|put (?:that|it) (?:differently|another way))|please (?:rephrase|reword|try rephrasing)|try rephrasing)\b/g,
  // "I can't help with that", "That's outside what I can do".
  /\b(?:i can not help(?: you)? with (?:that|this)|(?:i am )?(?:unable|not able) to help(?: you)? with (?:that|this)|i (?:do not|did not) (?:have|know) (?:an answer|the answer|how to help|information (?:on|about) (?:that|this))|i have no (?:answer|information)|that is (?:outside|beyond) (?:of )?(?:my|what i)|i am (?:still )?learning|i am afraid i (?:can not|do not))\b/g,
];

function fallbackText(p: PreparedText): string | undefined {
  for (const re of FALLBACK_TEXT) {
    const hit = matchAll(p, re)[0];
    if (hit !== undefined) return quote(p, hit.first, hit.last);
  }
  return undefined;
}

/**
 * Bot failure in one message: the bot's fallback flag or fallback wording on bot
 * messages, an intent confidence under `options.lowConfidence` on user messages.
 */
export function detectBotFailure(
  message: Message,
  options: AnalysisOptions = DEFAULT_ANALYSIS_OPTIONS,
  prepared?: PreparedText,
): BotFailure {
  if (message.role === 'bot') {
    if (message.fallback === true) return { detected: true, kind: 'flag', excerpt: clip(message.text) };
    const excerpt = fallbackText(prepared ?? prepare(message.text));
    return excerpt === undefined ? { detected: false } : { detected: true, kind: 'text', excerpt };
  }
  if (message.role === 'user' && message.intent !== undefined && message.intent.confidence < options.lowConfidence) {
    return { detected: true, kind: 'low_confidence', excerpt: clip(message.text) };
  }
  return { detected: false };
}

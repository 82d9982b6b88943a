import type { Resolution } from '../schema/analysis';
import { clauseEnd, clauseStart, matchAll, negatedBefore, quote, recentWords } from './match';
import { asPrepared, type PreparedText } from './normalize';

/*
 * The customer saying the problem is gone or that they need nothing more. A false
 * positive here suppresses an escalation, so a message that also says the problem
 * persists ("thanks, but it still doesn't work") is never a resolution.
 */

interface ResolutionRule {
  readonly re: RegExp;
  /** Must end its clause: "never mind." yes, "never mind the bot, get me a human" no. */
  readonly closesClause?: boolean;
  /** The pattern says "no"/"not" itself ("nothing else", "I don't need anything else"). */
  readonly containsDenial?: boolean;
}

const RULES: readonly ResolutionRule[] = [
  // Something fixed it.
  {
    re: /\b(?:(?:that|this|it|you|which|your (?:answer|advice|suggestion|tip|help)) (?:has |have )?(?:fixed|solved|sorted|resolved|answered|cleared up)(?: (?:it|that|this|the problem|the issue|everything|my problem|my issue|my question))?|(?:that|this|it) (?:did|does) the trick|(?:that|this|which) (?:worked|helped|helps)|(?:works|working|worked) (?:now|again|fine now|perfectly|great now|like a charm)|(?:it is|everything is|all is|that is|we are|i am|it all) (?:all )?(?:good|fine|ok|okay|sorted|fixed|working|set|resolved|solved) now|(?:problem|issue|question) (?:is )?(?:solved|fixed|resolved|sorted|answered)|that answers my question|(?:that is|exactly) what i needed)\b/g,
  },
  // The customer solved it themselves.
  {
    re: /\bi (?:have |just )?(?:figured (?:it )?out|found it|sorted it(?: out)?|fixed it|solved it|got it working|worked it out|managed to (?:do|fix|sort|find) it)\b/g,
  },
  // Closings: nothing more is needed.
  {
    re: /\b(?:all (?:good|sorted|set|fixed|done|working)|(?:that is|that will be|that was) (?:all|everything)|no (?:more|further|other) questions|(?:nothing|no) (?:else|more) (?:needed|for now|for today|thanks|thank you)|(?:perfect|great|awesome|brilliant|excellent|wonderful|lovely|cool|fantastic|super|amazing|got it|understood|makes sense)(?: ,| !)? (?:thanks|thank you|cheers|ty)(?: (?:so much|very much|a lot))?)\b/g,
  },
  {
    re: /\b(?:never mind|nothing else|(?:i am|we are) (?:all set|good|fine|ok|okay|sorted)(?: now)?(?: (?:thanks|thank you|cheers))?)\b/g,
    closesClause: true,
  },
  {
    re: /\b(?:i|we) do not need anything (?:else|more)\b/g,
    containsDenial: true,
  },
];

// The problem is still there, or the thanks are sarcastic.
const PERSISTS =
  /\b(?:still (?:does not|do not|did not|is not|not|no|broken|waiting|having|getting|the same|an issue|a problem|failing|stuck|wrong)|(?:does|did|do|has|have|is|was|were) not (?:work|working|fix|fixed|help|helped|solve|solved|resolve|resolved|change|changed)|not (?:fixed|solved|resolved|working|sorted)|thanks for nothing|no thanks to|(?:same|another) (?:problem|issue|error)|(?:but|however) (?:now|it|the|i|there|this|that|still)|does not seem to)\b/;

// "can you explain how it works", "let me know if that helped", "I need my phone working
// now": a question about success or a wish for it, not a report of it.
const HYPOTHETICAL = /\b(?:how|if|whether|what|see|explain|hope|hopefully|when|until|unless|need|needs|want|wants|like|get|make|should|must|expect|wish)\b/;

function accepts(p: PreparedText, rule: ResolutionRule, first: number, last: number): boolean {
  if (rule.containsDenial !== true && negatedBefore(p, first, 2)) return false;
  if (rule.closesClause === true && clauseEnd(p, last) !== last) return false;
  return clauseStart(p, first) === first || !HYPOTHETICAL.test(recentWords(p, first, 6));
}

/** Detects a customer saying their problem is solved or that nothing more is needed. */
export function detectResolution(input: string | PreparedText): Resolution {
  const p = asPrepared(input);
  for (const rule of RULES) {
    for (const hit of matchAll(p, rule.re)) {
      if (!accepts(p, rule, hit.first, hit.last)) continue;
      // Checked only once a message reads as solved: most messages never get here.
      return PERSISTS.test(p.canon) ? { detected: false } : { detected: true, excerpt: quote(p, hit.first, hit.last) };
    }
  }
  return { detected: false };
}

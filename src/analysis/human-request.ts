import type { HumanRequest } from '../schema/analysis';
import { canonSlice, clauseEnd, clauseLeadIn, matchAll, quote, type Hit } from './match';
import { asPrepared, type PreparedText } from './normalize';
import { PERSON_WORDS } from './vocabulary';

/*
 * An explicit request for a person, recognised as phrase frames over the canonical text
 * rather than as a list of sentences: a request verb with a person noun, a person noun
 * with "please", "get me a ...", a question "is there a live person", a callback, or a
 * message that is nothing but "agent".
 *
 * Every frame must open its clause: only greetings and discourse words ("ok", "no",
 * "please", "I said") may come before it. That one rule rejects negation ("I don't need
 * a human"), third-person and past narratives ("they told me to talk to an agent",
 * "I spoke to an agent") and compounds ("my travel agent"), because each puts words
 * before the frame that a request never has.
 */

const DET = String.raw`(?:(?:a|an|the|some|any|one of your|one of the|your|another|a different) )`;
const ADJ = String.raw`(?:(?:real|live|actual|human|physical|proper|normal|qualified|senior|living|breathing|real life|real-life|competent|english speaking) )`;
// Nouns that name a person who works for the company.
const STAFF = String.raw`(?:human beings?|humans?|persons?|people|agents?|operators?|representatives?|reps?|staff members?|staff|employees?|advisors?|advisers?|managers?|supervisors?|consultants?|customer service|customer services|customer support|customer care|support team|support staff|team members?|members? of staff|live chat|human support|live support|real ones?)`;
const VAGUE = String.raw`(?:someone|somebody|anyone|anybody)`;
// "human resources", "human error", "agent number": the noun starts a compound.
const NOT_A_PERSON = String.raw`(?! (?:resources|error|errors|rights|nature|race|trafficking|body|approval|number|id|code|email|e-mail|name|signature|portal|login|account|app|mode|verification|interaction|language))`;
const PERSON = String.raw`${DET}?${ADJ}{0,2}(?:${STAFF}|${VAGUE})\b${NOT_A_PERSON}`;
// "support" alone is a team, not a request, except as the object of talk/speak.
const TALK_TARGET = String.raw`(?:${PERSON}|(?:the |your )?(?:support|tech support|technical support|billing|sales|the complaints department)\b)`;
// "someone" is a person only with a qualifier: "I need someone to fix this" is not a
// request for a human, "I need someone real" is.
const VAGUE_QUALIFIED = String.raw`${DET}?${VAGUE} (?:real|human|from (?:support|customer service|your (?:team|company|staff|support team))|who (?:is|can|knows|actually)|to (?:talk|speak|chat|help|call)|i can (?:talk|speak|chat) (?:to|with))\b`;
const STAFF_PERSON = String.raw`${DET}?${ADJ}{0,2}${STAFF}\b${NOT_A_PERSON}`;

const ADV = String.raw`(?:(?:really|just|seriously|still|actually) )?`;
// "I want", "I would really like", "I really do need": the first person wanting something.
const I_WANT = String.raw`i ${ADV}(?:(?:would|do|will) )?${ADV}(?:want|need|like|love|wish|demand|prefer|rather|require|request)`;
// Openers a first-person request may carry before its verb.
const PREFIX = String.raw`(?:${I_WANT}(?: to)?|i ${ADV}(?:have|must|insist|am trying|have been trying|was hoping|am hoping|wanted|was wanting|was trying)(?: to)?|i am asking to|i have been asking to|i keep asking to|i (?:already )?asked to|let me|(?:can|could|may|might) i(?: please| just| actually)?|please(?: let me)?|is it possible to|is there (?:a|any) way (?:to|i can|for me to)|(?:how|where) (?:do|can|could) i|(?:why )?can not i(?: just)?|(?:why )?can i not|why will you not let me|(?:can|could|would|will) you(?: please| just)?(?: let me)?|allow me to)`;

interface Frame {
  readonly pattern: string;
  readonly re: RegExp;
  /** The frame must also end its clause ("agent please", not "agent please check"). */
  readonly closesClause?: boolean;
  /** The frame must be the whole message apart from discourse words ("Agent!!"). */
  readonly wholeMessage?: boolean;
}

const FRAMES: readonly Frame[] = [
  {
    pattern: 'verb + person',
    re: new RegExp(
      String.raw`\b(?:${PREFIX} )?(?:(?:talk|speak|chat)(?: directly)? (?:to|with)|get through to|get in touch with|get hold of|reach|contact) ${TALK_TARGET}`,
      'g',
    ),
  },
  {
    pattern: 'transfer',
    re: new RegExp(
      String.raw`\b(?:(?:can|could|would|will) you(?: please| just)? |please |(?:i want|i need|i would like) you to )?(?:(?:connect|transfer|put|pass|forward|redirect|route|send|hand|switch|refer) me(?: (?:through|over|across|on|back))?(?: to| with)? ${TALK_TARGET}|transfer me(?= *$| [.!?,]| (?:please|now|asap|right now|immediately|already|over))|escalate (?:this|it|my (?:case|issue|complaint|ticket|problem|query))\b)`,
      'g',
    ),
  },
  {
    pattern: 'want + person',
    re: new RegExp(
      String.raw`\b(?:${I_WANT}|i (?:would rather have|insist on|am asking for|am requesting|have asked for)|(?:can|could|may) (?:i|we)(?: please| just)? (?:get|have|request)|(?:get|give|find|bring|send) me) (?:(?:some )?(?:help|assistance) from )?(?:${STAFF_PERSON}|${VAGUE_QUALIFIED})`,
      'g',
    ),
  },
  {
    // Asking a person to do something: "could a human look at my bill", "have an agent check it".
    pattern: 'person + action',
    re: new RegExp(
      String.raw`\b(?:(?:can|could|would|will|may) |(?:have|get) )(?:${STAFF_PERSON}|${VAGUE}) (?:please |just |quickly )?(?:to )?(?:look at|look into|have a look|take a look|check|review|help|handle|deal with|sort out|explain|go through|assist|get back to|email)\b`,
      'g',
    ),
  },
  {
    pattern: 'question',
    re: new RegExp(
      String.raw`\b(?:is|are) there (?:(?:a|an|any|some|actually a|even a|really a) )?${ADJ}{0,2}(?:${STAFF}|${VAGUE})\b${NOT_A_PERSON}`,
      'g',
    ),
  },
  {
    // "Anyone there?" asks for a person only as a whole clause: "someone here told me" does not.
    pattern: 'question',
    re: /\b(?:is )?(?:anyone|anybody|someone|somebody) (?:there|here|real|human|alive|available|around|listening|awake)\b/g,
    closesClause: true,
  },
  {
    pattern: 'callback',
    re: new RegExp(
      String.raw`\b(?:(?:(?:can|could|would|will) (?:someone|somebody|anyone|anybody|you|one of your (?:agents|staff|team|people)|an agent|a person|a human|a real person)(?: please| just)? |please |(?:i want|i need|i would like|i would prefer|i would rather)(?: for)? (?:someone|somebody|you|an agent|a person|a human|a real person|one of your (?:agents|staff|team|people)) to |(?:have|get) (?:someone|somebody|an agent|a person|a human) (?:to )?)(?:call|phone|ring|contact) me\b|(?:call|phone|ring) me back\b|(?:i (?:want|need|would like|would prefer|am requesting|request)|(?:can|could|may) i (?:get|have|request|book|schedule|arrange)|please (?:arrange|book|schedule)|(?:arrange|book|schedule|request)|give me) (?:a |an )?(?:urgent |quick )?(?:call ?back|call-back|callback|phone call|call|ring)\b|(?:call|phone|ring) me (?:asap|please|now|today|tomorrow|urgently|as soon as)\b)`,
      'g',
    ),
  },
  {
    pattern: 'callback',
    re: /\b(?:a )?(?:call ?back|call-back|callback)(?: please| asap| now)?\b/g,
    closesClause: true,
  },
  {
    pattern: 'person + please',
    re: new RegExp(String.raw`\b${STAFF_PERSON} (?:please|now|asap|right now|immediately)(?: please| now)?\b`, 'g'),
    closesClause: true,
  },
  {
    pattern: 'bare person',
    re: new RegExp(
      String.raw`\b${DET}?${ADJ}{0,2}(?:human being|human|agent|operator|representative|rep|person|customer service|customer support|manager|supervisor|live chat|staff)\b`,
      'g',
    ),
    wholeMessage: true,
  },
];

// What may precede a frame in its clause: greetings, discourse markers, repetition.
const OPENERS = /^(?:(?:and|so|but|then|ok|okay|oh|hi|hello|hey|look|listen|yes|yeah|yep|no|nope|well|seriously|honestly|frankly|actually|also|instead|in fact|at this point|to be honest|basically|otherwise|now|just|please|sorry|ugh|again|already|omg|ffs|god|right|fine|alright|anyway|hmm|um|uh|dear|bot|chatbot|sir|madam|excuse me|i said|i told you|like i said|as i said|i repeat|once again|one more time|for the (?:last|second|third|fourth|fifth|tenth|hundredth|umpteenth|nth) time|for god sake|for pete sake|for fuck sake) )*$/;

// A past-time marker in the same clause turns a frame into a story ("I asked to speak to
// a manager yesterday and ...").
const PAST_MARKER = /\b(?:yesterday|ago|earlier|previously|last (?:week|month|night|time|year))\b/;

// Openers are a few words at most; a longer lead-in is a sentence of its own.
const MAX_LEAD_IN = 8;
// A story's time marker sits close after the frame ("... to a manager yesterday").
const STORY_WINDOW = 12;
// "Agent!" as a whole message: only short messages can be nothing but a person noun.
const MAX_BARE_WORDS = 8;

function opensClause(p: PreparedText, hit: Hit): boolean {
  const lead = clauseLeadIn(p, hit.first, MAX_LEAD_IN);
  if (lead === undefined) return false;
  return lead === '' || OPENERS.test(`${lead} `);
}

function closesClause(p: PreparedText, hit: Hit): boolean {
  return clauseEnd(p, hit.last) === hit.last;
}

function wordCount(p: PreparedText): number {
  let n = 0;
  for (const t of p.tokens) if (t.kind === 'word' || t.kind === 'number') n += 1;
  return n;
}

function isWholeMessage(p: PreparedText, hit: Hit): boolean {
  for (let i = 0; i < p.tokens.length; i += 1) {
    if (i >= hit.first && i <= hit.last) continue;
    const t = p.tokens[i];
    if (t === undefined) continue;
    if (t.kind !== 'word' && t.kind !== 'number') continue;
    if (!OPENERS.test(`${t.norm} `)) return false;
  }
  return true;
}

function tellsAStory(p: PreparedText, hit: Hit): boolean {
  const end = Math.min(clauseEnd(p, hit.last), hit.last + STORY_WINDOW);
  return PAST_MARKER.test(canonSlice(p, hit.last + 1, end));
}

// Every frame names a person, a team, a call or a transfer (PERSON_WORDS). A message without
// any of these words skips the frames, which keeps ordinary turns cheap and defers compiling
// the large frame regexes until a message could match them.
function mayRequest(p: PreparedText): boolean {
  for (const t of p.tokens) if (PERSON_WORDS.has(t.norm)) return true;
  return false;
}

/** Detects an explicit request to reach a person ("talk to a human", "agent please", "call me back"). */
export function detectHumanRequest(input: string | PreparedText): HumanRequest {
  const p = asPrepared(input);
  if (!mayRequest(p)) return { detected: false };
  const short = wordCount(p) <= MAX_BARE_WORDS;
  for (const frame of FRAMES) {
    if (frame.wholeMessage === true && !short) continue;
    for (const hit of matchAll(p, frame.re)) {
      if (!opensClause(p, hit)) continue;
      if (frame.closesClause === true && !closesClause(p, hit)) continue;
      if (frame.wholeMessage === true && !isWholeMessage(p, hit)) continue;
      if (tellsAStory(p, hit)) continue;
      return { detected: true, excerpt: quote(p, hit.first, hit.last), pattern: frame.pattern };
    }
  }
  return { detected: false };
}

import type { HumanRequest } from '../schema/analysis';
import { NEGATORS, canonSlice, clauseEnd, clauseLeadIn, matchAll, negatedBefore, quote, recentWords, type Hit } from './match';
import { asPrepared, respell, type PreparedText, type Token } from './normalize';
import { PERSON_WORDS, isKnownWord } from './vocabulary';
import { entryOf } from './word-entry';
import { addFoldTargets, patternWords } from './look-alikes';
import { isForeignWord, modelRequest } from './request-model';

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
 * before the frame that a request never has. One exception: a first-person request
 * ("I want ...", "can I ...") after a finished clause starts a clause of its own ("my
 * password is X and I want a human"), unless a reporting or subordinating word governs it
 * ("they told me I need ...", "if I need ...").
 *
 * The frames read a typo-tolerant view of the message: an unknown word one edit away from a
 * frame word is read as that word ("somneone", "asisstant"), and an unknown word that is two
 * known words typed without a space is read as both ("tosomebody").
 *
 * Choices made from error analysis (general reasoning only, no sentence of the data is used):
 * - The subject is often dropped in chat ("need to ...", "wanna ..."): want/need frames take an optional "i".
 * - People ask for help to reach staff rather than for staff ("help me talk to ...", "assistance
 *   contacting ...", "can you help me speak with ..."): a help/assistance prefix before the talk verbs.
 * - Requests phrased as not knowing the way ("I don't know how to ...", "what do I need to do to
 *   ...", "how to ...") precede the talk verbs.
 * - Talk verbs occur as gerunds after help/assistance ("talking", "speaking", "contacting").
 * - Obligation and attempt openers ("I have got to", "I try to") and inability ("I can't reach ...")
 *   are request openers too.
 * - "assistant" names a human helper in support chats; a bot assistant is ruled out by its modifier.
 * - A staff noun may carry one free modifier after its determiner ("a <company> employee",
 *   "a service agent"), except modifiers that make it a bot or a third party (virtual, travel, ...).
 * - Transfers are asked without "me" ("transfer to a human", "hand the conversation over to ...")
 *   and as the noun "handoff".
 * - Refusing the bot ("I don't want to talk to a bot") asks for a person.
 * - Questions about the existence of staff take adverbs ("are there also ...") and "do you have"
 *   with a human/live staff noun.
 * - "can you get/have a person to ..." is a request for that person to act.
 * - A request after an unpunctuated first clause ("that is annoying I want ...") opens a clause
 *   when it starts with a first-person subject (see above).
 * - Synthetic chat data has one-edit typos and missing spaces in the frame words: the
 *   typo-tolerant view (above), limited to unknown words and a closed frame vocabulary; a dropped
 *   letter in a four-letter frame word ("hep") and two slips in long words ("reprsentitive") too.
 * - Glued words split only when one half is a frame word, so ordinary words ("door") stay whole.
 * - Expletives stand where adjectives do ("a bloody agent"): they join the person adjectives.
 * - Passive transfers ("can I be transferred") and "put me through" without an object.
 * - Widely used chat spellings ("ya", "gimme", "lemme") are expanded like "u" and "wanna"; "wth"
 *   after a talk verb is "with" (elsewhere it stays the exclamation).
 * - "give me to a human" hands the customer over like "pass me to".
 * - "id like", "id rather": "I'd" typed without its apostrophe, as "im" and "dont" are (only
 *   before like/love/rather/prefer, since "id" is also an identifier).
 * - The people at the top ("owner", "founder", "boss") and a whole team ("your team") are staff
 *   to ask for, and "someone from <a department>" stands alone as a request.
 *
 * Written from the language rather than from errors (forms of asking for a person checked against
 * the frames, none of them from the data): "your colleague", superiors and "a member of your team"
 * are staff ("a colleague" is as often the customer's own); "rather deal with" reaches a person as
 * "talk to" does; escalating is asked for ("please escalate", "can this be escalated", "escalate
 * please" as a sentence of its own, "escalate to tier 2", "... to the next level": the company's
 * support lines are its people; not the bare word, which may answer a question, not "no need to
 * escalate", and not escalating to someone else, "to the ombudsman"); a person is fetched into
 * the conversation ("can you get a manager", "bring in a human", "get someone on the phone"),
 * takes it over or joins it ("can a human take over", not "take over my lease"), or contacts the
 * customer ("I want to be called by an advisor");
 * a staff noun that starts a compound ("a manager discount", "agent pricing") names no person; and
 * "do I need to ..." or "should I ..." asks about the process, not for a person.
 *
 * A second round from the language, checked against fresh lists of requests and near misses
 * written here in several settings and registers (bench/written-requests/, none from the data):
 * a department before a staff noun makes one person ("customer service rep", "claims handler",
 * "your retentions team"); a few trades asked for by name where a service has them ("a
 * pharmacist", "reception"; not a lawyer or a doctor, who are as often the customer's own), only
 * as someone to talk to or be passed to; Indian and British chat forms ("kindly", "customer care
 * executive", "mate", "put me thru"); text-speak ("2" for "to" after a talk verb, "w/", "sum1",
 * "ppl"); a staff noun said to be needed ("agent required", not "no agent needed" nor "manager
 * required?") or said again ("AGENT AGENT"); leaving the bot when the bot ends the clause ("skip
 * the bot", not "stop the robot vacuum beeping"); complaining to a person; asking whether anyone
 * is available to chat; a callback from someone in a team, arranged or hoped for ("please arrange
 * for an agent to phone me", "I'd appreciate it if someone could give me a ring"; writing counts
 * only from a person and not of a thing, "can you email me the invoice"; a notice is no callback,
 * "call me when he is on the way"); and calls that name a feature ("a call reminder", "a call
 * back number") are no callback. A third list, after its misses were read: officers, caseworkers
 * and counsellors; "escalate me to", "would you mind passing me to", "would you ever put me onto";
 * sarcastic questions whether anyone works there ("is there even one human working there", "does
 * anyone actually work there"); asking which number reaches a person, or who to talk to in your
 * department; leaving the virtual assistant. A review then dropped forms that flagged ordinary
 * messages: "I am looking for" (a wig of human hair), "discuss it with" (people at home) and
 * "report this to" (a bug for the team). Tried and not kept: any person word after any request
 * word in the same sentence, unless negated or told as a story. On the fourth list, never read, it
 * found 0.71 of the requests against 0.61 for the frames, but called 12 of its 150 near misses
 * requests, where the frames call none.
 *
 * From the misses read on half of a sixth list (20 settings): asking the bot whom to reach ("who
 * can I talk to about a charge", "who do I contact about my deposit"; an earlier choice left it
 * out, but a customer who asks the bot whom to talk to is asking it for a person); a few more
 * people by role ("the concierge", "a receptionist", "a chemist", "whoever handles invoices") and
 * departments ("member services", "head office", "the admissions office"); being put in touch
 * with someone named; a callback hoped for ("any chance someone could give me a bell"), and from
 * a pharmacist or a nurse; "w" and "wit" for "with"; "smone", "sumbody", "ye"; a number that
 * reaches a person ("is there a number I can ring to speak to someone"). A review of 279
 * near misses written for these forms then narrowed them (130 flagged, 10 after, 6 before): a role
 * or department at another place, later or as a compound ("the receptionist at my dentist", "the
 * chemist when I collect", "a concierge plan"); whom to reach elsewhere, later or among others
 * ("who do I call for a locksmith", "... my insurer or the garage?"); being put in touch only with
 * a person named; a callback only before its time, place or subject ("call me Sam", "call me a
 * taxi", "a bell pepper" are none); and dropped: engineers and developers (as often a service
 * asked for), "your folks", and "want to" without its subject ("my parents want to speak to a
 * human").
 *
 * From the misses read on lists 10 and 12 (the forms, not their sentences): a person or a call
 * wished for ("a real person would be lovely", "a callback would be great"), only where nothing
 * follows in the clause; a person asked after as free now or today ("is an agent available this
 * afternoon?", "is someone available to talk to me"; not on a later day, nor free for a task); a
 * person set against the bot ("person, not menu"), not in apposition nor said of oneself; a person
 * demanded on pain of leaving ("a human now or I cancel"); a team fetched onto the phone; a person
 * asked to answer the question; hearing it from a person; "someone with authority" or "with a
 * pulse"; "someone from the airline please"; "call me instead", "ring me on my mobile"; and the
 * way past the bot to a person; "what's the trick to" before it; "someone senior", "higher up" or
 * "in charge" (not of a task nor in the customer's own team); a team asked to "get in touch" about
 * the matter; booking "the" callback; "a number for a real person" (and, later, "what is the
 * number for ...", "the number of an advisor", "a direct line to a supervisor"); "Put them on."
 * after a person is named. A review of 300 near misses written on these shapes flagged
 * 25 with the first version, 8 after narrowing (7 before); a frame followed by "is what" is quoted.
 *
 * When no frame matches, a second stage reads the parts of a request wherever they stand: a
 * small scored model (request-model.ts) of request forms, contact acts, person targets and the
 * evidence against them, fitted on the lists open for tuning. Its hits are reported as pattern
 * "model: ..." with the features that weighed most.
 */

const DET = String.raw`(?:(?:a|an|the|some|any|one of your|one of the|your|another|a different) )`;
const ADJ = String.raw`(?:(?:real|live|actual|human|physical|proper|normal|qualified|senior|living|breathing|real life|real-life|competent|english speaking|bloody|goddamn|god damn|damn|damned|fucking|freaking|frigging|effing) )`;
// Staff nouns that take a free modifier after the determiner: "a service agent", "an acme employee".
const EMPLOYEE = String.raw`(?:agents?|operators?|representatives?|reps?|employees?|advisors?|advisers?|assistants?|specialists?|consultants?|managers?|supervisors?|executives?|handlers?|officers?|caseworkers?|counsell?ors?|(?:staff|team) members?)`;
// A department before a staff noun makes one compound: "customer service rep", "claims handler", "sales team".
const DEPARTMENT = String.raw`(?:customer services?|customer support|customer care|customer relations|member services|head office|admissions|support|service|sales|billing|technical support|tech support|technical|help desk|helpdesk|accounts?|claims|complaints|retentions?)`;
const STAFF_COMPOUND = String.raw`${DEPARTMENT} (?:${EMPLOYEE}|staff|persons?|people|team)`;
// Nouns that name a person who works for the company.
const STAFF = String.raw`(?:${STAFF_COMPOUND}|human beings?|humans?|persons?|people|agents?|operators?|representatives?|reps?|staff members?|staff|employees?|advisors?|advisers?|assistants?|specialists?|managers?|supervisors?|consultants?|executives?|officers?|caseworkers?|case workers?|case handlers?|counsell?ors?|customer service|customer services|customer support|customer care|support team|support staff|team members?|members? of (?:your |the |our )?(?:staff|team)|(?<=\byour )colleagues?|superiors?|live chat|human support|live support|real ones?|owners?|founders?|ceo|boss|directors?)`;
// Modifiers that make the staff noun a bot or somebody else's person.
const NOT_MODIFIER = String.raw`(?!(?:virtual|ai|digital|automated|automatic|robot|robotic|bot|chat|chatbot|voice|smart|personal|travel|estate|insurance|secret|special|free|double|undercover|sleeper|police|parole|probation|prison|army|military|social|my|his|her|their|our) )`;
/*
 * Qualifiers before a staff noun ("a real live agent"), up to four. The regular-expression
 * compiler writes out a count of up to three copy by copy, which cost 10 to 15 ms per frame on
 * first use, and compiles a larger one as a single loop. A bound, not `*`: a run of qualifiers
 * is then never reread from each of its words, and the ReDoS check proves it at once.
 */
const QUALIFIERS = String.raw`${ADJ}{0,4}`;
// A department is read by STAFF_COMPOUND, not as the free modifier: one reading per phrase.
const MODIFIED = String.raw`${DET}${QUALIFIERS}${NOT_MODIFIER}(?!${DEPARTMENT} )[a-z]{2,15} ${EMPLOYEE}`;
const VAGUE = String.raw`(?:someone|somebody|anyone|anybody)`;
// "human resources", "human error", "agent number": the noun starts a compound.
const NOT_A_PERSON = String.raw`(?! (?:resources|error|errors|rights|nature|race|trafficking|body|approval|override|discount|discounts|special|specials|price|prices|pricing|rate|rates|role|access|number|id|code|email|e-mail|name|signature|portal|login|account|app|mode|verification|interaction|language|summary|summaries|lounge|suite|board|committee))`;
// A bot is no person: "a virtual assistant", "an ai agent".
const NOT_A_BOT = String.raw`(?!(?:virtual|ai|digital|automated|robot|bot|chatbot) )`;
const PERSON = String.raw`(?:${DET}?${NOT_A_BOT}${QUALIFIERS}(?:${STAFF}|${VAGUE})|${MODIFIED})\b${NOT_A_PERSON}`;
// "support" alone is a team, not a request, except as the object of talk/speak.
// People known by their trade, asked for by name in the services that have them: "talk to a
// pharmacist", "transfer me to reception". Only as someone to talk to or be passed to: "I need a
// plumber" asks for a service, not for a person in this chat.
// Not someone elsewhere or later ("the receptionist at my dentist", "the chemist when I collect"),
// nor a compound ("a concierge plan") or an errand ("contact the concierge and ask for towels").
const NOT_ELSEWHERE = String.raw`(?! (?:at|in|of|from|for|to|who|with|when|once|and (?:ask|tell|let|get)|account|plan|tier|service|server|portal|desk|wifi|network|closer|nearer)\b)`;
const TRADE = String.raw`(?:(?:a|an|the|your|one of your) (?:pharmacists?|chemists?|nurses?|underwriters?|tellers?|concierge|receptionists?)|(?:the |your )?(?:reception|front desk|concierge))\b${NOT_ELSEWHERE}`;
const TALK_TARGET = String.raw`(?:${PERSON}|${TRADE}|(?:the |your )?(?:support|tech support|technical support|billing|sales|management|the complaints department)\b|(?:the |your )?(?:member services|customer relations|head office|admissions(?: office)?)\b${NOT_ELSEWHERE}|(?:the|your) (?:team|office)\b(?! (?:at (?:home|work)|printer|wifi|network|phone|calendar|email)\b))`;
// "someone" is a person only with a qualifier: "I need someone to fix this" is not a
// request for a human, "I need someone real" is.
// "someone from accounts to sign off the invoice" asks for a task, not for a person in the chat.
const NOT_A_TASK = String.raw`(?! to (?!(?:talk|speak|chat|help|call|sort|look|explain|discuss)\b)[a-z])`;
const VAGUE_QUALIFIED = String.raw`${DET}?${VAGUE} (?:on the (?:phone|line)(?! (?:plan|bill|contract|account|number))${NOT_A_TASK}|from (?:the |your )?${DEPARTMENT}(?: team| department)?${NOT_A_TASK}|real|human|from (?:support|customer service|customer support|customer care|billing|sales|the (?:support )?team|your (?:team|company|staff|support team|office))|who (?:is|can|knows|actually)|to (?:talk|speak|chat|help|call)|i can (?:talk|speak|chat) (?:to|with)|with (?:(?:actual|real|some|proper) )?(?:authority|a pulse|a heartbeat|a brain|half a brain|common sense)|(?:(?:more )?senior|higher up|in charge(?! of))\b(?! (?:in|at|from|on) (?:my|our|his|her|their)\b)${NOT_A_TASK})\b`;
const STAFF_PERSON = String.raw`(?:${DET}?${NOT_A_BOT}${QUALIFIERS}${STAFF}|${MODIFIED})\b${NOT_A_PERSON}`;

const ADV = String.raw`(?:(?:really|just|seriously|still|actually) )?`;
// "I want", "I would really like", "I really do need", and without the subject "need", "would like".
// "I like" and "I love" alone praise ("I love your support team"); only "would like" wants.
const I_WANT = String.raw`(?:i ${ADV}(?:(?:would|do|will) )?${ADV}(?:want|need|wish|demand|prefer|rather|require|request)|i ${ADV}would ${ADV}(?:like|love)|id ${ADV}(?:like|love|rather|prefer)|${ADV}(?:want|need|would like|would love|would rather|would prefer|require|demand))`;
// "help me", "I need assistance", "can you help me": asking for help to reach a person.
const HELP = String.raw`(?:(?:${I_WANT}|(?:can|could|would|will) you(?: please)?|please) )?(?:help me|(?:some |your )?(?:help|assistance)(?: me)?)(?: (?:to|with|in|for|on))?`;
// "I don't know how to", "what do I need to do to", "how can I": not knowing the way to a person.
const HOW = String.raw`(?:(?:i ${ADV}(?:do not|did not|can not) (?:know|understand|see|figure out|find)|(?:i am )?not sure|(?:please )?(?:tell|show) me) )?(?:how (?:(?:i|we) (?:can|could|do|should|would|may|might)|(?:do|can|could|should|would|may|might) (?:i|we)|to)|what (?:(?:do|should|must|can) (?:i|we) (?:need to |have to )?do|(?:i|we) (?:need|have|must|should|got) to do|(?:i|we) (?:should|must|can) do|to do) to|where (?:(?:do|can|could|should) (?:i|we)|(?:i|we) (?:can|could|should)|to))`;
// Openers a first-person request may carry before its verb.
const PREFIX = String.raw`(?:${I_WANT}(?: to| 2)?(?: be)?|(?:i am )?requesting to|request to|(?:where|how do i find|where do i find) (?:is )?the (?:option|button|link|place) to|(?:is there|do you have|have you got) (?:a|any) (?:(?:phone|contact|direct|telephone) )?(?:number|line) (?:where (?:i|we) can|to|i can)|what (?:phone )?number (?:do|should|can) i (?:ring|call|dial|use) to|${HELP}|${HOW}|i ${ADV}(?:have got|have|got|must|insist|try|will try|am trying|have been trying|was hoping|am hoping|wanted|was wanting|was trying)(?: to)?|(?:have|has) got to|got to|have to|i (?:can not|could not|am unable to|am not able to|was unable to|was not able to)|i am (?:looking|wanting|hoping) to|would it be possible (?:for me )?to|i am asking to|i have been asking to|i keep asking to|i (?:already )?asked to|let me|(?:can|could|may|might) i(?: please| just| actually)?|please(?: let me)?|is it possible (?:for me )?to|is there (?:a|any) way (?:to|i can|i could|for me to)|(?:why )?can not i(?: just)?|(?:why )?can i not|why will you not let me|(?:can|could|would|will) you(?: please| just)?(?: let me)?|allow me to)`;
// Reaching a person: talk/speak/chat to, contact, reach, also as gerunds after "help".
const TALK = String.raw`(?:(?:talk|talking|speak|speaking|(?:a )?(?:live )?chat|chatting)(?: directly)? (?:to|with|wth|wit|w /|w|2)|(?:complain|complaining) to|speak(?= (?:your|a|an|one of your) )|(?:make|lodge|file|raise|register) (?:a |my )?complaint (?:to|with)|(?<=\b(?:rather|prefer to|prefer) )deal with|communicate with|hear (?:it |this |that )?from|get(?:ting)? (?:through to|in touch with|in contact with|hold of|connected (?:to|with))|reach out to|reaching out to|reach|reaching|contact|contacting)`;

export interface Frame {
  readonly pattern: string;
  readonly re: RegExp;
  /** The frame must also end its clause ("agent please", not "agent please check"). */
  readonly closesClause?: boolean;
  /** The frame must be the whole message apart from discourse words ("Agent!!", "agent agent"). */
  readonly wholeMessage?: boolean;
  /** A negation right before the frame turns it down ("no agent needed"). */
  readonly negatable?: boolean;
  /**
   * Every match of `re` holds one of these words (after the typo view), so a message without
   * any skips the frame's expression. Most turns that pass {@link mayRequest} ("the phone
   * number", "live music") need one or two frames tried, not all of them.
   */
  readonly needs: ReadonlySet<string>;
}

// The person words of STAFF, EMPLOYEE, VAGUE and TALK_TARGET: one of them is in every person reference.
const PERSON_NOUNS = [
  'human', 'humans', 'person', 'persons', 'people', 'agent', 'agents', 'operator', 'operators', 'representative',
  'representatives', 'rep', 'reps', 'staff', 'member', 'members', 'employee', 'employees', 'advisor', 'advisors',
  'adviser', 'advisers', 'assistant', 'assistants', 'specialist', 'specialists', 'manager', 'managers', 'supervisor',
  'supervisors', 'consultant', 'consultants', 'customer', 'support', 'team', 'chat', 'real', 'owner', 'owners', 'founder',
  'founders', 'ceo', 'boss', 'director', 'directors', 'billing', 'sales', 'complaints', 'office', 'colleague', 'colleagues',
  'superior', 'superiors', 'executive', 'executives', 'handler', 'handlers', 'department', 'officer', 'officers',
  'caseworker', 'caseworkers', 'counsellor', 'counsellors', 'counselor', 'counselors',
  'whoever', 'relations', 'services', 'admissions',
  // TRADE
  'pharmacist', 'pharmacists', 'nurse', 'nurses', 'underwriter', 'underwriters', 'teller', 'tellers', 'reception',
  'chemist', 'chemists', 'concierge', 'receptionist', 'receptionists', 'desk',
];
const VAGUE_WORDS = ['someone', 'somebody', 'anyone', 'anybody'];
const PERSON_NEEDS: ReadonlySet<string> = new Set([...PERSON_NOUNS, ...VAGUE_WORDS]);

const BOT = String.raw`(?:a |the |this |your |some )?(?:stupid |dumb |automated |virtual )?(?:bot|bots|robot|robots|machine|computer|chatbot|chat bot|automated system|ai)\b`;

const BE_LEAD = String.raw`(?:(?:can|could|may) i(?: please| just)? |(?:i )?${ADV}(?:want|need|would like|would love|would rather) to |please (?:let me )?|let me )(?:be|get)`;
const BE_TRANSFERRED = String.raw`${BE_LEAD} (?:transferred|connected|put through|passed|forwarded|redirected|escalated|handed over)`;
// Put in touch only with someone named: "be put in touch with a plumber" asks for no one here.
const BE_PUT_IN_TOUCH = String.raw`${BE_LEAD} put in (?:touch|contact)`;

// Who may call the customer back: "someone from billing", "a member of your accounts team", "an
// advisor". Lighter than the person pattern (no qualifier list), as it appears several times.
const CALLER = String.raw`(?:${VAGUE}(?: (?:from|in|at) (?:the |your )?[a-z]{2,15}(?: (?:team|department|desk|office))?)?|one of your (?:agents|staff|team|people|advisors|advisers)|a member of (?:staff|(?:your|the) (?:[a-z]+ )?team)|(?:an? |the |your )(?:(?:real|live|human|senior|qualified) )?(?:${STAFF_COMPOUND}|person|human|agent|advisor|adviser|representative|rep|manager|supervisor|specialist|consultant|executive|operator|officer|pharmacist|chemist|nurse|receptionist)|(?:your|the) (?:[a-z]{2,15} )?(?:team|department))`;
// Reaching the customer: "call me", "get in touch with me", "give me a ring".
// Not a notice ("call me when he is on the way", "text me once it ships").
const NOT_A_NOTICE = String.raw`(?! (?:when|once|before|after|instead|if|as soon as (?:it|he|she|they)|on arrival|at the door|the moment|whenever)\b)`;
// "a bell pepper", "a shout out", "call me Sam", "call me a taxi": what follows a callback is its
// time, place, subject or the end of the clause.
const CALLBACK_NEXT = String.raw`(?= *$| [.!?,]| (?:back|asap|please|today|tomorrow|tonight|now|later|urgently|on|at|in|within|from|with|about|re|regarding|between|this|first|directly|so|and|to|i|we|my|by (?:phone|email|e-mail|text|telephone))\b)`;
// "a bell" and "a shout" are callbacks only before the end of the clause or its time or subject.
const CONTACT_ME = String.raw`(?:get in touch(?= (?:about|re|regarding|today|tomorrow|asap|soon|urgently|please)\b| *$| [.!?,])|(?:(?:call|phone|ring|contact) me|get in touch with me|reach out to me|give me a (?:call ?back|callback|call|ring|buzz))${CALLBACK_NEXT}|give me a (?:bell|shout)(?= *$| [.!?,]| (?:back|asap|please|today|tomorrow|tonight|now|later|urgently|about|re|regarding)\b))${NOT_A_NOTICE}`;
// Writing to the customer asks for a person only when a person writes, and not to send a thing
// ("can someone from billing email me", not "can you email me the invoice").
const WRITE_ME = String.raw`(?:email|e-mail|message|msg|text|whatsapp) me\b(?! (?:the|a|an|my|your|this|that|it|those|these|some|all)\b)${NOT_A_NOTICE}`;
// "a call reminder", "call forwarding": a call that names a feature, not one to be made.
const NOT_A_CALL = String.raw`(?! (?:reminders?|forwarding|waiting|logs?|history|charges?|plans?|recordings?|quality|centre|center|minutes|rates?|barring|divert|diversion|settings|features?|buttons?|limits?|credit|package|bundle|duration|transcripts?|numbers?)\b)`;

// What a person is free for, when asked after: to talk (to me), to help, or now or soon. A later
// day ("on weekends", "after 6pm") asks about opening hours, not for someone now.
const TO_TALK = String.raw`to (?:chat|talk|speak)(?: (?:to|with) (?:me|us))?`;
const FREE_WHEN = String.raw`(?:to help(?: me| us)?|right now|now|today|tonight|this (?:morning|afternoon|evening)|at the moment|at all)`;
const AVAILABLE_FOR = String.raw`(?: (?:${TO_TALK}(?: (?:about|with|regarding|on) [a-z0-9' ]+)?|${FREE_WHEN}))?\b`;

// A person of the company, or "someone real".
const PERSON_OR_REAL = String.raw`${STAFF_PERSON}|${DET}?${VAGUE} real`;
// Wanted at once or on the line: "a human now", "manager on the phone".
const WANTED_NOW = String.raw`(?:now|right now|today|please|asap|on the (?:phone|line))`;

// The customer's matter, handed on or escalated: "my case", "my complaint".
const MATTER = String.raw`(?:case|issue|complaint|ticket|problem|query|concern)`;
const TRANSFER_NEEDS: ReadonlySet<string> = new Set([
  ...PERSON_NEEDS, 'transfer', 'transferred', 'connect', 'connected', 'put', 'pass', 'passed', 'forwarded', 'redirected', 'escalate',
  'escalated', 'handed', 'hand', 'bump', 'kick', 'push',
]);

export const FRAMES: readonly Frame[] = [
  {
    pattern: 'verb + person',
    needs: PERSON_NEEDS,
    re: new RegExp(String.raw`\b(?:${PREFIX} )?${TALK} ${TALK_TARGET}`, 'g'),
  },
  {
    pattern: 'transfer',
    needs: TRANSFER_NEEDS,
    re: new RegExp(
      // Passed on to someone: the person pattern appears once, since the regular-expression
      // compiler works through each copy of it on first use.
      String.raw`\b(?:(?:can|could|would|will) you(?: please| just| ever| ever just)? |would you mind |please |(?:can|could|may) (?:i|we)(?: please| just)? |(?:i want|i need|i would like) you to |(?:i ${ADV}(?:(?:would|do) )?${ADV}(?:want|need|would like|would love|would rather)|id like) to )?(?:(?:(?:connect|transfer|put|pass|forward|redirect|direct|route|send|hand|switch|refer|link|escalate|connecting|transferring|putting|passing|forwarding) me(?: (?:through|over|across|on|onto|back|in touch|in contact|up))?(?: to| with| wit| w /| w| 2)? |give me to |${BE_TRANSFERRED} (?:to|with) |${BE_PUT_IN_TOUCH} with |(?:connect|transfer|escalate|pass|forward|redirect|direct|route|switch|swap|hand)(?: (?:this|it|us|the (?:chat|conversation|call|case|issue|ticket|complaint|query|problem|matter)|a conversation|my (?:chat|call|case|issue|ticket|complaint|query|problem|request|concern)))?(?: (?:over|through|across|on))? (?:to|with) )${TALK_TARGET})`,
      'g',
    ),
  },
  {
    // A team or department by its own name: "speak to your loans department", "put me through to
    // the fraud team", "a member of the claims team". Its own frame: the name is a free word.
    pattern: 'verb + person',
    needs: new Set(['team', 'department', 'desk', 'office']),
    re: new RegExp(
      String.raw`\b(?:(?:${PREFIX} )?${TALK}|(?:(?:can|could|would|will) you(?: please| just)? |please )?(?:(?:connect|transfer|put|pass|forward|send|switch|link) me(?: through| over| on)?(?: to| with)|(?:transfer|pass|forward|escalate) (?:this chat|the chat|my (?:case|complaint|query|chat)) to)) (?:(?:a |one )?members? of )?(?:(?:the|your) (?:[a-z]{2,15} ){1,2}(?:team|department|desk)|(?:the|your) (?:head|main|admissions|accounts|billing|claims|sales|complaints) office)\b`,
      'g',
    ),
  },
  {
    // Whoever does a job here: "can I speak to whoever handles invoices". Not at another place
    // ("whoever handles payroll at my work"). Its own frame: the lookahead reads free text.
    pattern: 'verb + person',
    needs: new Set(['whoever']),
    re: /\b(?:(?:can|could|may) i(?: please| just)? |i (?:want|need|would like) to |let me |please (?:let me )?)?(?:speak|talk|chat) (?:to|with) whoever (?:handles|deals with|is in charge of|looks after|manages|is responsible for)\b(?![^.?!,]{0,40}\b(?:at|in|for|from) (?:my|our|his|her|their)\b)/g,
  },
  {
    // "who do I speak to in your complaints department", "who can I talk to at your finance office"
    pattern: 'verb + person',
    needs: new Set(['team', 'department', 'desk', 'office']),
    re: /\bwho (?:do|can|should) i (?:speak|talk) to (?:in|at) your (?:[a-z]{2,15} ){1,2}(?:team|department|desk|office)\b/g,
  },
  {
    // Asking the bot whom to reach asks it for a person: "who can I talk to about a charge I never
    // made", "who do I contact about my deposit", "who at your bank should I speak to?". Not who
    // was reached ("who did I talk to yesterday"), who else to call ("who should I call first, my
    // bank or the police"), whom to see somewhere or later ("who do I speak to at the front desk",
    // "... when I arrive"), someone at another place ("about my pension at my old employer") nor a
    // trade ("who do I call for a locksmith").
    pattern: 'verb + person',
    needs: new Set(['who']),
    re: /\bwho(?: (?:at|in) your [a-z]{2,15})? (?:do|can|could|should|would) (?:i|we) (?:need to |have to )?(?:(?:speak|talk|chat) (?:to|with)|contact|call|ring|phone|get in touch with|have a (?:word|chat|talk|yarn) with)(?= *$| [.!?,]| (?:about|regarding|re|for)\b)(?![^.?!]{0,60}(?:\b(?:at|in|from|with) (?:my|our|his|her|their|the)\b|\bwhen (?:i|we)\b|\bfor (?:a|an) (?!refund|replacement)[a-z]+|\bor\b|, (?:my|our|the|a|an) [a-z]+ *\?))/g,
  },
  {
    pattern: 'transfer',
    needs: TRANSFER_NEEDS,
    re: new RegExp(
      // Passed on, with no one named: "can I be transferred", "put me through", "escalate this"
      // (being transferred has leads of its own).
      String.raw`\b${BE_TRANSFERRED}|\b(?:(?:can|could|would|will) you(?: please| just)? |please |(?:can|could|may) (?:i|we)(?: please| just)? |(?:i want|i need|i would like) you to |(?:i ${ADV}(?:(?:would|do) )?${ADV}(?:want|need|would like|would love|would rather)|id like) to )?(?:(?:transfer|connect) me(?: through)?(?= *$| [.!?,]| (?:please|now|asap|right now|immediately|already|over))|pass me on(?= *$| [.!?,]| (?:please|now|asap|right now|immediately))|put me through(?= *$| [.!?,]| (?:please|now|asap|right now|immediately))|escalate (?:this|it|my ${MATTER})\b(?! (?:to|with)\b))` +
        // "please escalate", "I want to escalate": asked for, not the bare word (which may answer a question).
        String.raw`|\b(?:please |i ${ADV}(?:(?:would|do) )?${ADV}(?:want|need|would like)(?: to)? |id like to |(?:can|could|may) (?:i|we) |(?:can|could|would|will) you(?: please| just)? )escalate(?= *$| [.!?,]| (?:please|now|asap|right now|immediately))` +
        // "I want this escalated", "can this be escalated?"
        String.raw`|\b(?:i ${ADV}(?:want|need|would like) (?:this|it|my ${MATTER}) escalated|(?:can|could) (?:this|it|my ${MATTER}) be escalated)(?! (?:to|with)\b)` +
        // The matter handed on with no one named, asked or commanded: "hand this over", "please pass
        // my case up the chain", "could you transfer this chat". Not told ("I'll pass this on").
        String.raw`|(?:^|[.!?,] |\bplease |\b(?:can|could|would|will) you(?: please| just)? |\bjust )(?:(?:hand|pass|bump|kick|push) (?:this|my ${MATTER}) (?:over|up|on)(?: the (?:chain|line|ladder))?|transfer (?:this|the|my) (?:chat|conversation))(?= *$| [.!?,]| (?:please|now|asap|right now|immediately))`,
      'g',
    ),
  },
  {
    pattern: 'transfer',
    needs: new Set(['escalate']),
    re: new RegExp(
      // "escalate please" as a sentence of its own; "escalate to tier 2", "... to the next level":
      // the company's support lines are its people.
      String.raw`(?:^|[.!?,] )escalate(?: (?:this|it|my ${MATTER}))?(?= (?:please|now|asap|right now|immediately)\b)` +
        String.raw`|\b(?:(?:can|could|would|will) you(?: please| just)? )?escalate(?: (?:this|it|me|my ${MATTER}))? to (?:(?:tier|level) (?:2|3|two|three)|(?:the )?(?:next|higher|second|2nd|third|3rd) (?:level|tier|line))\b`,
      'g',
    ),
  },
  {
    pattern: 'transfer',
    needs: new Set(['handoff', 'hand-off', 'handover', 'hand-over']),
    re: new RegExp(
      String.raw`\b(?:(?:${I_WANT}|(?:can|could|may) (?:i|we)(?: please)? (?:get|have|request)|please) )?(?:(?:a|an) )?(?:(?:human|live|agent|manual|warm|person|people) )?(?:handoff|hand-off|handover|hand-over)(?: (?:to|with) ${TALK_TARGET})?(?: please| now| asap)?`,
      'g',
    ),
    closesClause: true,
  },
  {
    pattern: 'refuses bot',
    needs: new Set(['bot', 'bots', 'robot', 'robots', 'machine', 'computer', 'chatbot', 'chat', 'automated', 'ai']),
    re: new RegExp(
      String.raw`\b(?:i )?${ADV}(?:do not|did not) ${ADV}(?:(?:want|wish|like) to (?:talk|speak|chat|deal) (?:to|with) |(?:want|wish) )${BOT}`,
      'g',
    ),
  },
  {
    // Leaving the bot is asking for what is behind it: "stop the bot", "skip the bot", "how do I
    // get past this bot", "get me off this bot", "no more bot". The bot ends the clause or leads
    // on ("... and get me a person"): not stopping what a bot does ("stop the bot from messaging
    // me") nor a product ("how do I stop the robot vacuum beeping").
    pattern: 'refuses bot',
    needs: new Set(['bot', 'bots', 'robot', 'chatbot', 'chat', 'automated', 'machine', 'assistant']),
    re: new RegExp(
      String.raw`\b(?:(?:how (?:do|can) (?:i|we)|is there (?:a|any) way to|what is the (?:trick|secret|way|[a-z]{3,9} way) to|(?:can|could|may) (?:i|we)(?: please| just)?|let me|please|i ${ADV}(?:want|need|would like) to) )?(?:stop|skip|exit|bypass|get past|get out of|get away from|(?:get|take|let) (?:me|us) (?:off|out of|away from)|leave|quit|no more)(?: (?:the|this|your))? (?:stupid |dumb |automated |virtual )?(?:bot|chatbot|chat bot|robot|automated system|machine|assistant)(?= *$| [.!?,]| (?:and|so|i|please|now|already)\b| to (?:a|an|the|your|some|someone|somebody|anyone|anybody)\b)`,
      'g',
    ),
  },
  {
    pattern: 'want + person',
    needs: PERSON_NEEDS,
    re: new RegExp(
      String.raw`\b(?:${I_WANT}|i (?:would rather have|insist on|am asking for|am requesting|have asked for)|(?:can|could|may) (?:i|we)(?: please| just)? (?:get|have|request)|(?:is it possible (?:for me )?to|would it be possible (?:for me )?to|is there (?:a|any) way to|how (?:do|can|could) (?:i|we)|how to|where (?:do|can) (?:i|we)) (?:get|have|request|find)|(?:get|give|find|bring|send) me|(?:is there )?any chance (?:of|i (?:can|could) (?:get|have))) (?:(?:some )?(?:help|assistance) from |(?:a |an |some )?(?:conversation|chat|word|talk|discussion|session|appointment|meeting|yarn) with )?(?:${STAFF_PERSON}|${VAGUE_QUALIFIED})`,
      'g',
    ),
  },
  {
    // Asking a person to do something: "could a human look at my bill", "have an agent check it".
    pattern: 'person + action',
    needs: PERSON_NEEDS,
    re: new RegExp(
      String.raw`\b(?:(?:can|could|would|will) you (?:please |just )?(?:get|have|find|bring|let|ask) |(?:can|could|would|will|may) |(?:have|get|find|bring|let) )(?:${STAFF_PERSON}|${VAGUE}) (?:please |just |quickly )?(?:to )?(?:look at|look into|have a look|take a look|check|review|help|handle|deal with|sort out|explain|go through|assist|get back to|email|answer (?:me|this|that|it|my (?:question|query|questions|queries))\b|take over(?= *$| [.!?,]| (?:please|now|asap)| (?:this|the|my) (?:chat|conversation|case)| from (?:here|the bot|this bot|you))|join(?= *$| [.!?,]| (?:please|now|asap)| (?:this|the) (?:chat|conversation))|step in|jump in)\b`,
      'g',
    ),
  },
  {
    // Fetching a person into the conversation: "can you get a manager", "bring in a human", "get
    // someone on the phone". The person ends the clause or is put on the chat or the line.
    pattern: 'bring in person',
    needs: PERSON_NEEDS,
    re: new RegExp(
      String.raw`\b(?:(?:can|could|would|will) you(?: please| just)? (?:get|find|bring|fetch|put|page)(?: me)?|(?:(?:can|could|may) (?:i|we)(?: please)? |please |just )?(?:get|bring|put|page)|bring in) (?:${STAFF_PERSON}|${VAGUE})(?: on)?(?= *$| [.!?,]| (?:please|now|asap)| (?:on|into|in|to) (?:this|the|my) (?:chat|conversation|line|phone|call)(?= *$| [.!?,]| (?:please|now|asap)))`,
      'g',
    ),
  },
  {
    // A team fetched onto the line: "get the loyalty team on the phone", "can you get billing on the line".
    pattern: 'bring in person',
    needs: new Set(['phone', 'line']),
    re: new RegExp(String.raw`\b(?:(?:can|could|would|will) you(?: please| just)? |(?:can|could|may) (?:i|we)(?: please)? |(?:is there )?any way to |how (?:do|can) (?:i|we) |please |just )?get (?:(?:the|your) (?:[a-z]{2,15} )?(?:team|department|office)|(?:the |your )?${DEPARTMENT}) on the (?:phone|line)(?= *$| [.!?,]| (?:please|now|asap)\b)`, 'g'),
  },
  {
    // A person set against the bot: "person, not menu", "a human not a machine". Opening its clause,
    // so "I am a person, not a robot" (the customer, at a captcha) is none, and not in apposition
    // ("lovely staff, real people, not a machine").
    pattern: 'person not bot',
    needs: PERSON_NEEDS,
    re: new RegExp(String.raw`(?<![,;] )\b(?:${PERSON_OR_REAL}) ?,? (?:and |but )?not (?:a |an |the |this |your |some )?(?:stupid |automated |virtual )?(?:bot|bots|chatbot|chat bot|robot|machine|computer|menu|menus|ai|recording|automated (?:system|menu|service|reply|replies|message))\b`, 'g'),
    closesClause: true,
  },
  {
    // A person demanded on pain of leaving: "a human now or I cancel", "manager on the phone or else"
    // ("get me a manager or else" is a want). Wanted now or on the line: "a supervisor or I will have
    // to sign it" says who.
    pattern: 'person or else',
    needs: PERSON_NEEDS,
    re: new RegExp(String.raw`\b(?:${PERSON_OR_REAL}) ${WANTED_NOW} ?,? or (?:else|(?:i|we) (?:will|am|are|shall|go|leave|cancel|quit|close|walk|switch|report|complain|take|move|port)\b)`, 'g'),
  },
  {
    // A person or a call wished for: "a real person would be lovely", "a callback would be great".
    pattern: 'wish',
    needs: new Set([...PERSON_NEEDS, 'call', 'callback', 'call-back']),
    re: new RegExp(String.raw`\b(?:(?:talking|speaking|chatting) (?:to|with) )?(?:${PERSON_OR_REAL}|(?:a |an )?(?:call ?back|callback|call-back|phone call))(?: (?:now|today|at this point|instead))? would be (?:(?:really|so|very|much|most|greatly|absolutely) )?(?:great|lovely|nice|appreciated|good|helpful|ideal|perfect|better|preferable|brilliant|amazing|wonderful|fantastic|grand|ace|welcome)\b`, 'g'),
    // Nothing after but the end of the clause: "... would be great for my customers" wishes for something else.
    closesClause: true,
  },
  {
    pattern: 'question',
    needs: PERSON_NEEDS,
    re: new RegExp(
      String.raw`\b(?:(?:is|are) there (?:also |actually |even |really |still )?(?:(?:a|an|any|some) )?${QUALIFIERS}(?:${STAFF}|${VAGUE})|(?:is there|are there) (?:a single|even one|one single) (?:real )?(?:human|person|human being) (?:working|employed|left)|(?:does|do) (?:anyone|anybody|any humans|any (?:real )?people|any (?:real )?staff) (?:actually|even|still) work (?:at|in|for|there|here)|(?:do you have|have you got|are there) (?:any|some) (?:(?:real|live|human) )?(?:people|staff|agents|humans|advisors|advisers|operators) (?:working|available|online|around|on duty|on shift)|do you (?:even |also |actually )?(?:have|offer|provide) (?:(?:a|an|any|some) )?(?:${ADJ}{1,4}${STAFF}|live chat|live support|human support|phone support))\b${NOT_A_PERSON}`,
      'g',
    ),
  },
  {
    // A number that reaches a person: "is there a number I can ring to speak to someone", "do you
    // have a line where a real person picks up", "what's the direct line for your claims handler".
    // Only with the person named: "what is your phone number" asks for a number; one person, as
    // "the number of agents on shift" counts them.
    pattern: 'question',
    needs: PERSON_NEEDS,
    re: /\b(?:(?:is there|do you have|have you got|(?:you |u )?got|can i (?:get|have)|give me(?: please)?|what is|which is|tell me|send me) (?:a|any|the|your)|(?:i need|provide|share)(?: (?:a|any|the|your))?) (?:(?:wee|direct|phone|contact|telephone|support|help|whatsapp) )?(?:number|line)(?: (?:i|we) can (?:ring|call|phone|dial|use))? (?:to|for|of|where|that|which)(?: i can)?(?: (?:speak|talk|chat) (?:to|with)| reach| get(?: through to)?)? (?:an? |the |some |your )?(?:(?:actual|real|live|human) )?(?:person|human|someone|somebody|member of staff|staff member|(?:(?:branch|account|case|claims|travel|area|store|shop|duty|office|sales|billing|support|customer service) )?(?:agent|representative|advisor|adviser|operator|supervisor|manager|officer|handler|consultant))(?: (?:picks up|answers))?\b(?! (?:with|who is|from my)\b)/g,
  },
  {
    // "Anyone there?" asks for a person only as a whole clause: "someone here told me" does not.
    pattern: 'question',
    needs: new Set([...VAGUE_WORDS, 'people', 'staff', 'agents', 'team']),
    re: new RegExp(String.raw`\b(?:(?:is|are) )?(?:anyone|anybody|someone|somebody|any of your (?:people|staff|agents|team))(?: from (?:the |your )?[a-z]+(?: team| department)?)? (?:there|here|real|human|alive|available|around|listening|awake|online)(?: (?:there|here|online|around))?${AVAILABLE_FOR}`, 'g'),
    closesClause: true,
  },
  {
    // A person of the company asked after as free to take the customer: "is an agent available
    // today?", "is your manager free this afternoon?". Asked, and closing its clause: "a manager is
    // available on weekdays" tells, and "is a supervisor available to approve it" wants a task done.
    pattern: 'question',
    needs: PERSON_NEEDS,
    re: new RegExp(String.raw`\b(?:is|are) (?:there )?(?:(?:a|an|any|one of your|any of your|your|the) )?${NOT_A_BOT}${QUALIFIERS}(?:${STAFF}) (?:available|free|on duty|online)(?: (?:${TO_TALK}|${FREE_WHEN}))?(?= \?|$)`, 'g'),
    closesClause: true,
  },
  {
    pattern: 'callback',
    needs: new Set(['call', 'phone', 'ring', 'contact', 'callback', 'call-back', 'contacted', 'called', 'phoned', 'touch', 'reach', 'buzz', 'bell', 'shout']),
    re: new RegExp(
      String.raw`\b(?:` +
        // "can you call me", "please contact me", "I want you to call me"
        String.raw`(?:(?:can|could|would|will) you(?: please| just)? |please |kindly |(?:i want|i need|i would like|i would prefer|i would rather)(?: for)? you to )${CONTACT_ME}` +
        String.raw`|(?:call|phone|ring) me back\b` +
        // "I'd like to request a call", "is it possible to book a callback", "any way to get a callback"
        String.raw`|(?:(?:i (?:want|need|would like|would prefer|am requesting|request)|id like)(?: to (?:get|have|request|book|schedule|arrange))?|(?:can|could|may) i (?:possibly )?(?:get|have|request|book|schedule|arrange)|(?:please |kindly )?(?:(?:arrange|book|schedule|request)(?: the)?|(?:log|set up|put in)(?= (?:a|an|the) )(?: the)?)|give me|(?:(?:is|would) it be possible|is it possible|is there (?:a|any) way|any way) (?:for me )?to (?:get|have|request|book|schedule|arrange)|(?:how|where) (?:can|do) i (?:get|request|book|arrange)) (?:a |an )?(?:urgent |quick )?(?:call ?back|call-back|callback|phone call|call|ring)(?: request)?\b${NOT_A_CALL}` +
        String.raw`|(?:call|phone|ring) me (?:asap|please|now|today|tomorrow|urgently|as soon as|instead(?= *$| [.!?,]| (?:please|thanks|thank you|pls)\b)|on (?:my|this) (?:mobile|cell|phone|landline|number|home phone|work phone)\b(?! (?:when|once|before|after|if|as soon as)\b(?! (?:you|someone|somebody) (?:can|could|get|are|have)\b)))\b` +
        String.raw`|(?:${I_WANT} to |please let me |(?:can|could|may) i )be (?:contacted|called|phoned) (?:back )?by ${CALLER}` +
        String.raw`)`,
      'g',
    ),
  },
  {
    // A person of the company reaching the customer: "can someone from billing call me", "please
    // arrange for an agent to phone me", "I'd appreciate it if someone could give me a ring".
    pattern: 'callback',
    needs: new Set(['call', 'phone', 'ring', 'contact', 'callback', 'touch', 'reach', 'email', 'e-mail', 'message', 'msg', 'text', 'whatsapp', 'called', 'rang', 'phoned', 'contacted', 'buzz', 'bell', 'shout']),
    re: new RegExp(String.raw`\b(?:(?:can|could) ${CALLER}(?: please| just| be able to)? |(?:i want|i need|i would like|i would prefer|i would rather)(?: for)? ${CALLER} to |(?:(?:can|could|would|will) you(?: please| just)? |please |kindly |(?:can|could|may) i |(?:would|is) it (?:be )?(?:at all )?possible to |is there (?:a|any) way to )?(?:have|get|ask|arrange for) ${CALLER} (?:to )?|i would (?:really |greatly |very much )?(?:appreciate (?:it )?|be (?:very |really )?grateful )if ${CALLER} (?:could|would|can) |it would be (?:great|good|nice|helpful) if ${CALLER} (?:could|would|can) )(?:${CONTACT_ME}|${WRITE_ME})` +
        // "would it be okay if a member of staff called me"
        String.raw`|\bwould it be (?:ok|okay|alright|all right|possible|fine) if ${CALLER} (?:called|rang|phoned|contacted) me\b${NOT_A_NOTICE}` +
        // "any chance one of your staff could give me a bell", "is it possible for someone to ring me"
        String.raw`|\b(?:(?:is there )?any chance|(?:would|is) it (?:be )?possible for) ${CALLER} (?:could |can |would |to )(?:${CONTACT_ME}|${WRITE_ME})`, 'g'),
  },
  {
    pattern: 'callback',
    needs: new Set(['call', 'callback', 'call-back']),
    re: new RegExp(String.raw`\b(?:a )?(?:call ?back|call-back|callback)(?: from ${CALLER})?(?: please| asap| now)?\b`, 'g'),
    closesClause: true,
  },
  {
    pattern: 'person + please',
    needs: PERSON_NEEDS,
    negatable: true,
    re: new RegExp(String.raw`\b${STAFF_PERSON} (?:please|now|asap|right now|immediately|(?:needed|required|wanted)(?! ?[?]))(?: please| now| asap| urgently| immediately)?\b`, 'g'),
    closesClause: true,
  },
  {
    // "... your supervisor. Put them on.": the person named before, fetched onto the chat or line.
    pattern: 'bring in person',
    needs: PERSON_NEEDS,
    re: /\bput (?:him|her|them) (?:on|through)(?: the (?:phone|line))?(?: please| now)?\b/g,
    closesClause: true,
  },
  {
    // "someone from the airline please": whoever they are, from the company and wanted now.
    pattern: 'person + please',
    needs: new Set(VAGUE_WORDS),
    re: new RegExp(String.raw`\b${VAGUE} from (?:the|your) [a-z]{2,15}(?: (?:team|department|desk|office))? (?:please|now|asap|right now|immediately)\b`, 'g'),
    closesClause: true,
  },
  {
    // "someone from customer care", "somebody real" as the whole message.
    pattern: 'bare person',
    needs: new Set(VAGUE_WORDS),
    re: new RegExp(String.raw`\b${VAGUE_QUALIFIED}`, 'g'),
    wholeMessage: true,
  },
  {
    pattern: 'bare person',
    needs: PERSON_NEEDS,
    re: new RegExp(
      String.raw`\b${DET}?${QUALIFIERS}(?:(?:service|support|customer service|customer support|customer care|sales|billing|help desk|helpdesk|account) (?=agent|rep|operator|advisor|person|staff))?(?:human being|human|agent|operator|representative|rep|person|customer service|customer support|manager|supervisor|live chat|staff)\b`,
      'g',
    ),
    wholeMessage: true,
  },
];

// What may precede a frame in its clause: greetings, discourse markers, repetition.
const OPENERS = /^(?:(?:and|so|but|then|ok|okay|oh|hi|hello|hey|look|listen|yes|yeah|yep|no|nope|well|seriously|honestly|frankly|actually|also|instead|in fact|at this point|to be honest|basically|otherwise|now|just|please|sorry|ugh|again|already|omg|ffs|god|right|fine|alright|anyway|hmm|um|uh|dear|dear team|bot|chatbot|sir|madam|excuse me|kindly|mate|yo|guys|bro|team|hiya|do the needful|please do the needful|if so|if not|in that case|hi there|hello there|good morning|good afternoon|good evening|i said|i told you|like i said|as i said|i repeat|once again|one more time|for the (?:last|second|third|fourth|fifth|tenth|hundredth|umpteenth|nth) time|for god sake|for pete sake|for fuck sake) )*$/;

// A past-time marker in the same clause turns a frame into a story ("I asked to speak to
// a manager yesterday and ...").
const PAST_MARKER = /\b(?:yesterday|ago|earlier|previously|last (?:week|month|night|time|year))\b/;

// Openers are a few words at most; a longer lead-in is a sentence of its own.
const MAX_LEAD_IN = 8;
// A story's time marker sits close after the frame ("... to a manager yesterday").
const STORY_WINDOW = 12;
// "Agent!" as a whole message: only short messages can be nothing but a person noun.
const MAX_BARE_WORDS = 8;

// A first-person request, which can start a clause of its own after another clause.
const FIRST_PERSON = /^(?:i (?:(?:really|just|still|seriously|actually) )?(?:want|need|would|will|do|demand|insist|must|have|am asking|am requesting|am looking|request|require|prefer|can not|try)|(?:can|could|may) i|please|(?:can|could|would|will) you|let me)\b/;
// Words that make what follows reported, conditional or embedded ("they told me I need ...").
const GOVERNS = /\b(?:said|say|says|saying|told|tell|tells|telling|asked|ask|asks|think|thinks|thought|believe|believes|guess|suppose|if|when|whenever|whether|unless|until|that|than|where|why|how|what|who|which|know|knew|knows|sure|mean|meant|realize|realized|wonder|hope|feel|felt|as|do|does|did|should)$/;
// How many words before a first-person request are checked for a governing word.
const GOVERNING_WINDOW = 2;

function opensClause(p: PreparedText, hit: Hit): boolean {
  const lead = clauseLeadIn(p, hit.first, MAX_LEAD_IN);
  if (lead !== undefined && (lead === '' || OPENERS.test(`${lead} `))) return true;
  // "my password is X and I want a human": a first-person request after a finished clause.
  if (!FIRST_PERSON.test(canonSlice(p, hit.first, Math.min(hit.last, hit.first + 3)))) return false;
  const before = recentWords(p, hit.first, GOVERNING_WINDOW);
  for (const word of before.split(' ')) if (GOVERNS.test(word)) return false;
  return true;
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
  // Saying the frame's last word again is emphasis, not more message ("agent agent agent").
  const last = p.tokens[hit.last]?.norm;
  for (let i = 0; i < p.tokens.length; i += 1) {
    if (i >= hit.first && i <= hit.last) continue;
    const t = p.tokens[i];
    if (t === undefined) continue;
    if (t.kind !== 'word' && t.kind !== 'number') continue;
    if (t.norm !== last && !OPENERS.test(`${t.norm} `)) return false;
  }
  return true;
}

function tellsAStory(p: PreparedText, hit: Hit): boolean {
  // "I wish your staff had mentioned the fee": a wish about the past.
  if (p.tokens[hit.last + 1]?.norm === 'had') return true;
  const end = Math.min(clauseEnd(p, hit.last), hit.last + STORY_WINDOW);
  return PAST_MARKER.test(canonSlice(p, hit.last + 1, end));
}

/** "Someone from the airline please! is what I was shouting": the words are quoted, not said. */
function quotedAfter(p: PreparedText, hit: Hit): boolean {
  let i = hit.last + 1;
  while (p.tokens[i] !== undefined && p.tokens[i]!.kind !== 'word') i += 1;
  return p.tokens[i]?.norm === 'is' && p.tokens[i + 1]?.norm === 'what';
}

function hasAny(words: ReadonlySet<string>, needs: ReadonlySet<string>): boolean {
  for (const w of needs) if (words.has(w)) return true;
  return false;
}

// Every frame needs one of its words, so a message with none of any frame's skips them all: that
// keeps ordinary turns cheap and defers compiling the large frame regexes until a message could
// match them. Derived from the frames, so the gate can never hide a match ("can I be transferred").
const ANY_FRAME_WORD: ReadonlySet<string> = new Set(FRAMES.flatMap((frame) => [...frame.needs]));

function mayRequest(p: PreparedText): boolean {
  for (const t of p.tokens) {
    const entry = t.entry;
    if (entry === undefined ? ANY_FRAME_WORD.has(t.norm) : (entry.frameWord ??= ANY_FRAME_WORD.has(t.norm))) return true;
  }
  return false;
}

// Frame words that customers mistype; an unknown word one edit away is read as one of them.
// Short words (four letters) must keep their first letter, so "what" never reads "chat".
const TYPO_TARGETS: readonly string[] = [
  'talk', 'talking', 'speak', 'speaking', 'chat', 'chatting', 'contact', 'contacting', 'someone',
  'somebody', 'anyone', 'anybody', 'person', 'people', 'human', 'agent', 'operator', 'representative',
  'assistant', 'assistance', 'help', 'with', 'employee', 'supervisor', 'manager', 'customer',
  // Not "through", "real" or "team": "though", "read" and "tram" are one slip from them.
  'please', 'transfer', 'connect', 'want', 'need', 'know', 'service', 'services', 'support', 'department',
];
const MIN_TYPO_LENGTH = 4;
const SHORT_TARGET = 4;
const LONG_TYPO_LENGTH = 8;
// Real words one edit away from a frame word: never read as a typo.
const NOT_TYPOS: ReadonlySet<string> = new Set([
  'tall', 'task', 'tale', 'talc', 'tack', 'tank', 'talks', 'chap', 'char', 'chart', 'chit', 'chad', 'chai',
  'cheat', 'wish', 'width', 'wits', 'withe', 'held', 'helm', 'hemp', 'heap', 'helps', 'contract',
  'contacts', 'persona', 'personal', 'humane', 'speck', 'steak', 'spear', 'sneak', 'sneaking',
  'walking', 'stalking', 'lease', 'pleas', 'argent', 'manger', 'connects', 'transfers', 'peoples', 'went', 'wand', 'wane', 'wants', 'nerd', 'needs', 'knot', 'known', 'knob', 'knows',
  'wit', 'wan', 'ned', 'wat', 'nee', 'tak', 'resistance', 'transform', 'employer', 'employers', 'someones',
  'apartment', 'apartments', 'compartment', 'compartments',
]);
// Words the typo view never splits or corrects, besides the detectors' own vocabulary.
const FRAME_WORDS: ReadonlySet<string> = new Set([
  ...TYPO_TARGETS, 'how', 'what', 'where', 'why', 'who', 'u', 'another', 'today', 'tonight',
  'tomorrow', 'without', 'into', 'onto', 'nobody', 'everyone', 'everybody', 'assistants', 'handoff',
  'transferring', 'connecting', 'putting', 'passing', 'forwarding', 'whoever',
]);

function known(word: string): boolean {
  return FRAME_WORDS.has(word) || NEGATORS.has(word) || isKnownWord(word);
}

/** True when `a` becomes `b` by one insertion, deletion, substitution or swap of neighbours. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Optimal string alignment distance of `a` and `b`, or `max + 1` as soon as it exceeds `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

function typoOf(word: string): string | undefined {
  if (word.length < MIN_TYPO_LENGTH - 1 || NOT_TYPOS.has(word)) return undefined;
  for (const target of TYPO_TARGETS) {
    if (target.length <= SHORT_TARGET && word[0] !== target[0]) continue;
    // A three-letter word is a short frame word with a letter dropped ("hep"), nothing else.
    if (word.length < MIN_TYPO_LENGTH && word.length + 1 !== target.length) continue;
    if (oneEditApart(word, target)) return target;
  }
  return undefined;
}

/** Long words survive two slips ("reprsentitive"). */
function longTypoOf(word: string): string | undefined {
  if (word.length < LONG_TYPO_LENGTH || NOT_TYPOS.has(word)) return undefined;
  for (const target of TYPO_TARGETS) {
    if (target.length >= LONG_TYPO_LENGTH && editDistance(word, target, 2) <= 2) return target;
  }
  return undefined;
}

function frameWord(word: string): boolean {
  return FRAME_WORDS.has(word) || PERSON_WORDS.has(word);
}

/**
 * "tosomebody" → to, somebody; "uneed" → you, need: two known words typed without a space, one
 * of them a frame word (or a leading "u"/"i"), so "door" never reads "do or".
 */
function gluedWords(word: string): readonly string[] | undefined {
  for (let k = 1; k < word.length; k += 1) {
    const left = word.slice(0, k);
    const right = word.slice(k);
    if (k === 1 ? left !== 'u' && left !== 'i' : !known(left)) continue;
    if (right.length === 1 ? right !== 'i' : !known(right)) continue;
    if (k > 1 && !frameWord(left) && !frameWord(right)) continue;
    return [left === 'u' ? 'you' : left, right];
  }
  return undefined;
}

const MAX_SPELLED_LENGTH = 24;

// Text-speak for the frame words, read as the words themselves (only here, where a person is asked for).
const CHAT_SPELLINGS: ReadonlyMap<string, readonly string[]> = new Map([
  ['hooman', ['human']],
  ['ppl', ['people']],
  ['pple', ['people']],
  ['sum1', ['someone']],
  ['some1', ['someone']],
  ['sumone', ['someone']],
  ['smone', ['someone']],
  ['sm1', ['someone']],
  ['sumbody', ['somebody']],
  ['ye', ['you']],
  ['any1', ['anyone']],
  ['ne1', ['anyone']],
  ['wud', ['would']],
  ['wld', ['would']],
  // "hit me up", "in real life".
  ['hmu', ['contact', 'me']],
  ['irl', ['real']],
  ['cld', ['could']],
  ['shld', ['should']],
  // "you" in the plural: Irish and northern English, Trinidadian.
  ['yous', ['you']],
  ['youse', ['you']],
  ['allyuh', ['you']],
  ['whr', ['where']],
  ['thru', ['through']],
  ['cn', ['can']],
  ['cud', ['could']],
  // Spoken spellings of "with": "talk wiv a real person", "chat wif someone".
  ['wiv', ['with']],
  ['wif', ['with']],
]);

// Hesitations typed as said ("can i um get someone"): the frames read past them.
const FILLERS: ReadonlySet<string> = new Set(['um', 'umm', 'ummm', 'uh', 'uhh', 'uhm', 'erm', 'ermm']);
const DROPPED: readonly string[] = [];

function spell(token: Token): readonly string[] | undefined {
  const word = token.norm;
  // Kept in the word's entry, known words too (as null): most words are known.
  const entry = token.entry ?? entryOf(word);
  const cached = entry.spelling;
  if (cached !== undefined) return cached ?? undefined;
  if (FILLERS.has(word)) {
    entry.spelling = DROPPED;
    return DROPPED;
  }
  // The model's words of other languages ("transfere", "atendente") are no English typos.
  if (word.length < 2 || word.length > MAX_SPELLED_LENGTH || known(word) || isForeignWord(word)) {
    entry.spelling = null;
    return undefined;
  }
  const chat = CHAT_SPELLINGS.get(word);
  const typo = chat === undefined ? typoOf(word) : undefined;
  let parts = chat ?? (typo !== undefined ? [typo] : gluedWords(word));
  if (parts === undefined) {
    const long = longTypoOf(word);
    if (long !== undefined) parts = [long];
  }
  entry.spelling = parts ?? null;
  return parts;
}

// "hum4n", "4gent", "r3al p3rson": a token of letters and digits is read as a frame word, and only then.
addFoldTargets(() => [patternWords(FRAMES.map((frame) => frame.re)), TYPO_TARGETS, PERSON_WORDS]);

/** The message as the frames read it: normalised, with the typo view applied. */
export function requestView(input: string | PreparedText): PreparedText {
  return respell(asPrepared(input), spell);
}

/**
 * Detects an explicit request to reach a person ("talk to a human", "agent please", "call me back"):
 * the frames first, then, when none matched, the request model (request-model.ts), whose hits are
 * reported as pattern "model: ..." with the features that weighed most.
 */
export function detectHumanRequest(input: string | PreparedText): HumanRequest {
  const p = requestView(input);
  return (mayRequest(p) ? frameRequest(p) : undefined) ?? modelVerdict(p);
}

/** The frames alone, without the model: what the model is consulted after (and fitted beside). */
export function detectByFrames(input: string | PreparedText): HumanRequest {
  const p = requestView(input);
  return (mayRequest(p) ? frameRequest(p) : undefined) ?? { detected: false };
}

function modelVerdict(p: PreparedText): HumanRequest {
  const hit = modelRequest(p);
  if (hit === undefined) return { detected: false };
  return { detected: true, excerpt: quote(p, hit.first, hit.last), pattern: `model: ${hit.reasons.join(' + ')}` };
}

function frameRequest(p: PreparedText): HumanRequest | undefined {
  const short = wordCount(p) <= MAX_BARE_WORDS;
  const words = new Set(p.tokens.map((t) => t.norm));
  for (const frame of FRAMES) {
    if (frame.wholeMessage === true && !short) continue;
    if (!hasAny(words, frame.needs)) continue;
    for (const hit of matchAll(p, frame.re)) {
      if (!opensClause(p, hit)) continue;
      if (frame.closesClause === true && !closesClause(p, hit)) continue;
      if (frame.wholeMessage === true && !isWholeMessage(p, hit)) continue;
      if (frame.negatable === true && negatedBefore(p, hit.first, 1)) continue;
      if (tellsAStory(p, hit) || quotedAfter(p, hit)) continue;
      return { detected: true, excerpt: quote(p, hit.first, hit.last), pattern: frame.pattern };
    }
  }
  return undefined;
}

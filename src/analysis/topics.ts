import type { SensitiveTopic, TopicMatch } from '../schema/analysis';
import { clauseEnd, matchAll, negatedBefore, quote } from './match';
import { asPrepared, type PreparedText } from './normalize';

/*
 * Sensitive topics: what a customer says that a bot must not handle alone. Patterns
 * name the situation (a card *was stolen*, someone *logged into my account*), not the
 * bare word, because the words alone are everywhere in ordinary requests: "cancel my
 * order", "fire up the app", "I'm dying to try it", "my phone died".
 *
 * A negator shortly before a match denies it ("my card was not stolen", "I don't want
 * to cancel my subscription"), except "can not", which is inability ("I can't cancel my
 * subscription" still wants to cancel). Patterns that contain their own denial
 * ("a charge I did not make") skip that check.
 */

interface TopicRule {
  readonly topic: SensitiveTopic;
  readonly re: RegExp;
  /** The pattern itself says "not"; a negator before it does not deny it. */
  readonly containsDenial?: boolean;
  /** Must end its clause ("I'm leaving." but not "I'm leaving tomorrow, so ..."). */
  readonly closesClause?: boolean;
}

const CARD = String.raw`(?:(?:credit|debit|bank|visa|mastercard|amex|atm|business) )?cards?`;
const MONEY_EVENT = String.raw`(?:charges?|transactions?|payments?|purchases?|withdrawals?|debits?|transfers?|direct debits?)`;
const RELATIVE = String.raw`(?:husband|wife|partner|mother|mum|mom|mummy|mommy|father|dad|daddy|son|daughter|child|baby|brother|sister|grandmother|grandfather|grandma|grandpa|gran|granny|nan|nana|aunt|uncle|cousin|niece|nephew|fiance|fiancee|spouse|parents?|family member|loved one|best friend|friend|boyfriend|girlfriend|mother-in-law|father-in-law|account holder|policy holder|policyholder)`;
const HACKER = String.raw`(?:someone|somebody|a stranger|an unknown person|a hacker|hackers|someone else|somebody else|they)`;
const ACCOUNT = String.raw`(?:account|accounts|profile|email|e-mail|login|password|details|online banking|app)`;

// The rules of one topic stay next to each other: after a topic's first match, detectTopics skips its other rules.
const RULES: readonly TopicRule[] = [
  // Fraud: a card or identity stolen or lost, money taken, charges the customer denies.
  {
    topic: 'fraud',
    re: new RegExp(
      String.raw`\b(?:(?:${CARD}|wallet|purse|identity|cheque ?book|checkbook|card details|bank details) (?:(?:was|were|is|are|got|has been|have been|had been|might have been|may have been|must have been)(?: (?:just|recently|possibly|probably|definitely))? )?(?:stolen|lost|skimmed|cloned|compromised)|(?:stolen|lost|missing|cloned|skimmed|compromised) (?:${CARD}|wallet|purse|identity|card details)|(?:lost|misplaced|stole|cloned|skimmed) (?:my|our) (?:${CARD}|wallet|purse|card details|identity))\b`,
      'g',
    ),
  },
  {
    topic: 'fraud',
    re: new RegExp(
      String.raw`\b(?:${HACKER}|a thief|scammers?|fraudsters?) (?:has |have |had |must have |might have )?(?:used|is using|been using|charged|made purchases (?:on|with)|spent money on|took money from|taken money from|stole money from|withdrew money from|emptied|drained) (?:my|our) (?:${CARD}|account|bank account|credit|card details|savings)\b|\b(?:unauthori[sz]ed|unrecogni[sz]ed|unknown|fraudulent|suspicious|strange|unfamiliar|weird) (?:${MONEY_EVENT}|activity)\b|\b(?:scam|scammed|scammer|scammers|fraud|fraudulent|fraudster|fraudsters|phishing|identity theft|skimming|money mule|sim swap)\b`,
      'g',
    ),
  },
  {
    // The denied event may come a few words before its relative clause: "three payments
    // to an online shop that I didn't make".
    topic: 'fraud',
    re: new RegExp(
      String.raw`\b(?:${MONEY_EVENT} (?:(?:[\w'-]+ ){1,6}?(?:that|which) |(?:that |which )?)(?:i|we) (?:did not|never|do not|have not) (?:make|made|recogni[sz]e|authori[sz]e|authori[sz]ed|know about|order|ordered|buy|bought|approve|approved)|(?:i|we) (?:did not|never|do not) (?:make|made|recogni[sz]e|authori[sz]e|authori[sz]ed|approve|approved) (?:this|these|that|those|the|a|any|some) ${MONEY_EVENT})\b`,
      'g',
    ),
    containsDenial: true,
  },
  // Account compromise: someone else inside the customer's account.
  {
    topic: 'account_compromise',
    re: new RegExp(
      String.raw`\b(?:hacked|hacker|hackers|hijacked)\b|\b${HACKER} (?:has |have |had |must have |might have |keeps? |is |was )?(?:logged|logging|signed|signing|broken|broke|got|getting|accessed|accessing|changed|reset|taken over|took over)(?: (?:in|into|in to|on to|onto))? (?:my|our) ${ACCOUNT}\b|\b${HACKER} (?:has|have|had|got|gained|is getting) access to (?:my|our) ${ACCOUNT}\b|\b(?:account|accounts|email|e-mail|profile|login|password) (?:(?:was|were|is|has been|have been|got|may have been|might have been) )?(?:compromised|breached|taken over)\b`,
      'g',
    ),
  },
  {
    topic: 'account_compromise',
    re: new RegExp(
      String.raw`\b(?:password|email|e-mail|email address|phone number|pin|login details|2fa|security questions?|recovery email) (?:(?:was|were|has been|have been|got) )?(?:changed|reset|updated) (?:without (?:me|my (?:permission|consent|knowledge|authori[sz]ation))|by someone(?: else)?|by (?:a )?(?:stranger|hacker))\b|\b(?:unauthori[sz]ed|unrecogni[sz]ed|suspicious|strange|unknown|unfamiliar) (?:logins?|log ins?|sign ins?|sign-ins?|access|devices?|login attempts?|sessions?)\b|\blocked (?:me )?out (?:of (?:my|our) (?:account|profile|email) )?by (?:someone|somebody|a hacker|a stranger|someone else)\b|\b(?:someone|somebody) (?:has )?locked me out\b`,
      'g',
    ),
  },
  {
    topic: 'account_compromise',
    re: /\b(?:i (?:did not|never) (?:change|changed|reset|update|updated|request|requested) (?:my|the) (?:password|email|e-mail|pin|phone number|login|details)|(?:logins?|log ins?|sign ins?|sign-ins?|login attempts?) (?:that )?i (?:did not|do not|never) (?:make|made|recogni[sz]e|do|did))\b/g,
    containsDenial: true,
  },
  // Bereavement: a death, always about a person ("my phone died" is not one).
  {
    topic: 'bereavement',
    re: new RegExp(
      String.raw`\b(?:passed away|death in the family|bereavement|bereaved|deceased|funeral|funerals|widow|widowed|widower|death certificate|probate|next of kin|condolences)\b|\b(?:${RELATIVE}|he|she) (?:(?:has|have|had|recently|sadly|suddenly|just|unfortunately) )*(?:died|passed|is dead|was killed)\b(?! (?:the|my|your|a|an|it|on to|to|through|by|out))|\b(?:my|our|her|his) late ${RELATIVE}\b|\b(?:death|passing|loss) of (?:my|our) ${RELATIVE}\b|\blost (?:my|our) ${RELATIVE}\b(?! (?:card|phone|wallet|bag|keys|order|parcel|package|password|account|details|number|email))`,
      'g',
    ),
  },
  // Legal: lawyers, courts, regulators, a threat to sue.
  {
    topic: 'legal',
    re: /\b(?:lawyers?|attorneys?|solicitors?|legal (?:action|advice|team|department|proceedings|counsel|representation|steps|route)|lawsuits?|law suits?|litigation|class action|small claims|cease and desist|ombudsman|regulator|regulators|trading standards|consumer protection|data protection authority|court case|court order|attorney general|breach of contract|gdpr|subject access request|see you in court|(?:sue|suing) (?:you|u|them|your|this|the company|for|over|everyone)|(?:will|going to|to|can|could|should|might|would|shall|am|be) (?:sue|suing)|(?:take|taking|took) (?:you|this|them|it|your company|the company|this company|this matter|you guys) to court|(?:report|reporting|complain|complaining|escalate|escalating) (?:(?:you|this|it|your company|the company|this company|you guys) )?to (?:the )?(?:ftc|fca|cfpb|bbb|better business bureau|ofcom|ofgem|ico|trading standards|regulator|ombudsman|financial ombudsman|authorities|attorney general|consumer protection|police))\b/g,
  },
  // Safety: self-harm, threats, physical danger and medical emergencies.
  {
    topic: 'safety',
    re: /\b(?:suicide|suicidal|kill myself|killing myself|end my life|ending my life|end it all|take my (?:own )?life|want to die|better off dead|self-harm|self harm|self harming|self-harming|hurt myself|hurting myself|harm myself|harming myself|cut myself|cutting myself|no reason to live|do not want to (?:live|be alive|be here anymore)|overdose|overdosed)\b/g,
  },
  {
    topic: 'safety',
    re: /\b(?:(?:i will|i am going to|i want to|going to) (?:kill|hurt|shoot|stab|attack|beat up|punch|harm|murder) (?:you|him|her|them|someone|somebody|your (?:staff|agents?|people|family|manager|ceo)|the (?:staff|agent|manager|driver|courier)|people|everyone)|i know where you live|bomb threat|blow up (?:your|the) (?:office|store|building|shop))\b/g,
  },
  {
    topic: 'safety',
    re: /\b(?:gas leak|leaking gas|smell (?:of )?gas|smells of gas|carbon monoxide|(?:on|caught|catch|catching) fire|(?:house|kitchen|electrical|small|big|huge) fire|there is a fire|fire (?:in|at) (?:my|the|our)|fire alarm|fire brigade|fire department|smoke (?:coming|pouring|everywhere)|sparks? (?:coming|flying)|sparking|electric shock|electrocuted|exposed wires?|live wires?|chest pains?|heart attack|having a stroke|seizure|can not breathe|could not breathe|can barely breathe|struggling to breathe|trouble breathing|difficulty breathing|short of breath|unconscious|not breathing|bleeding (?:heavily|badly|a lot)|ambulance|call (?:911|999|112|an ambulance|the police)|allergic reaction|anaphylaxis|anaphylactic|emergency(?! (?:contact|number|fund|credit|overdraft|loan|cash|access|exit))|unsafe|not safe|do not feel safe|in danger|dangerous|being followed|stalking|stalker|domestic (?:violence|abuse)|abusive (?:partner|husband|wife|ex)|threatened me|threatening me|being threatened)\b/g,
  },
  // Cancellation: ending the relationship, not an order ("cancel my order" is a task).
  {
    topic: 'cancellation',
    re: /\b(?:(?:cancel|cancelling|canceling|cancellation of|terminate|terminating|termination of|end|ending|stop|stopping|quit|quitting|close|closing|delete|deleting|deactivate|deactivating) (?:my|our|the|this|your) (?:\w+ )?(?:subscriptions?|account|accounts|contract|contracts|membership|plan|service|services|policy|broadband|line|package|direct debit)\b(?! (?:appointment|visit|call|order|booking|request|engineer|number|password|settings|details))|(?:switch|switching|move|moving|go|going|port|porting|change|changing|leave|leaving)(?: over| my number| my account| my business| everything)? to (?:another|a different|a new|a cheaper|a better|a competing) (?:\w+ )?(?:provider|company|bank|network|carrier|supplier|operator|isp|insurer|firm)s?|(?:switch|switching|move|moving|go|going|leave|leaving) (?:over )?to (?:your |a |the )?(?:competitor|competitors|competition)|(?:switch|switching|change|changing) (?:providers?|suppliers?|banks|networks|carriers|insurers)|port (?:my|our) (?:number|numbers|line)|pac code|i am (?:leaving|done with|finished with|through with) (?:you|your (?:company|service|bank|network|brand|business)|this (?:company|service|bank|network))|take my (?:business|custom|money) elsewhere|unsubscribe(?! from (?:your |the |these |all )?(?:emails?|newsletters?|marketing|mailing lists?|texts?|sms|notifications|promotions))|(?:want|get) out of (?:my|this|the) contract)\b/g,
  },
  {
    topic: 'cancellation',
    re: /\b(?:i am leaving|i will (?:be )?leav(?:e|ing)(?: you)?|i am going to leave(?: you)?)\b/g,
    closesClause: true,
  },
  {
    topic: 'cancellation',
    re: /\b(?:never|not) (?:using|use|buying|ordering|shopping) (?:from |with )?(?:you|your (?:company|service|bank|app|store|shop)|this (?:company|service|bank|app|store|shop)) again\b/g,
    containsDenial: true,
  },
];

function accepts(p: PreparedText, rule: TopicRule, first: number, last: number): boolean {
  if (rule.containsDenial !== true && negatedBefore(p, first, 3)) return false;
  if (rule.closesClause === true && clauseEnd(p, last) !== last) return false;
  return true;
}

/** Sensitive topics the message raises, at most one match per topic, in schema order. */
export function detectTopics(input: string | PreparedText): TopicMatch[] {
  const p = asPrepared(input);
  const found: TopicMatch[] = [];
  for (const rule of RULES) {
    if (found.length > 0 && found[found.length - 1]?.topic === rule.topic) continue;
    for (const hit of matchAll(p, rule.re)) {
      if (!accepts(p, rule, hit.first, hit.last)) continue;
      found.push({ topic: rule.topic, excerpt: quote(p, hit.first, hit.last) });
      break;
    }
  }
  return found;
}

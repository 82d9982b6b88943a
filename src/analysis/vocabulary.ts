import { vaderLexicon } from './lexicon';
import { STOP_WORDS } from './stop-words';

/**
 * Words that name a person who works for the company, a team, a call or a transfer: every
 * request-for-a-person frame holds one, so a message with none of them skips the frames.
 */
export const PERSON_WORDS: ReadonlySet<string> = new Set([
  'human', 'humans', 'person', 'persons', 'people', 'agent', 'agents', 'operator', 'operators',
  'representative', 'representatives', 'rep', 'reps', 'staff', 'employee', 'employees', 'advisor',
  'advisors', 'adviser', 'advisers', 'manager', 'managers', 'supervisor', 'supervisors',
  'consultant', 'consultants', 'customer', 'support', 'team', 'member', 'members', 'live', 'real',
  'ones', 'someone', 'somebody', 'anyone', 'anybody', 'billing', 'sales', 'complaints', 'transfer',
  'escalate', 'call', 'phone', 'ring', 'contact', 'callback', 'call-back', 'assistant', 'assistants',
  'specialist', 'specialists', 'handoff', 'hand-off', 'handover', 'hand-over', 'bot', 'bots', 'robot',
  'robots', 'machine', 'computer', 'chatbot', 'ai', 'connect', 'hand', 'direct', 'redirect', 'forward', 'through',
  'owner', 'owners', 'founder', 'founders', 'ceo', 'boss', 'director', 'directors',
]);

/**
 * True for a word the detectors know: a stop word, a word of the sentiment lexicon (insults
 * included) or a person word. Used only to split letters typed one by one ("a h u m a n").
 */
export function isKnownWord(word: string): boolean {
  return STOP_WORDS.has(word) || PERSON_WORDS.has(word) || vaderLexicon().has(word);
}

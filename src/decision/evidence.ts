import type { Evidence } from '../schema/decision';
import type { SensitiveTopic } from '../schema/analysis';
import type { EvidenceLog } from '../facts/state';
import type { ConditionOutcome } from '../schema/trace';

/** Which evidence family explains a fact; facts about the customer or the desk have none. */
function familyOf(fact: string): keyof Omit<EvidenceLog, 'topics'> | 'topics' | undefined {
  if (fact.startsWith('humanRequest.')) return 'humanRequest';
  if (fact === 'bot.loop') return 'botLoop';
  if (fact.startsWith('bot.')) return 'botFailure';
  if (fact.startsWith('sentiment.')) return 'sentiment';
  if (fact.startsWith('frustration.')) return 'frustration';
  if (fact.startsWith('user.repeat')) return 'repetition';
  if (fact.startsWith('topics.')) return 'topics';
  return undefined;
}

function heldLeaves(outcome: ConditionOutcome, out: { fact: string; value: unknown }[]): void {
  if ('all' in outcome) outcome.all.forEach((c) => heldLeaves(c, out));
  else if ('any' in outcome) outcome.any.forEach((c) => heldLeaves(c, out));
  else if ('not' in outcome) return; // a condition that holds by absence points at no turn
  else if (outcome.result === true) out.push({ fact: outcome.fact, value: outcome.value });
}

/**
 * The turns behind a fired rule: for every condition that held, the evidence logged for its
 * fact family (for topics, only the topics the condition names). Frustration without its own
 * signals is explained by what feeds it: repetition and bot failures.
 */
export function evidenceFor(outcome: ConditionOutcome, log: EvidenceLog): Evidence[] {
  const leaves: { fact: string; value: unknown }[] = [];
  heldLeaves(outcome, leaves);
  const found: Evidence[] = [];
  for (const leaf of leaves) {
    const family = familyOf(leaf.fact);
    if (family === undefined) continue;
    if (family === 'topics') {
      const named = (Array.isArray(leaf.value) ? leaf.value : [leaf.value]) as SensitiveTopic[];
      for (const topic of named) found.push(...(log.topics[topic] ?? []));
    } else if (family === 'frustration' && log.frustration.length === 0) {
      found.push(...log.repetition, ...log.botFailure, ...log.sentiment);
    } else {
      found.push(...log[family]);
    }
  }
  const seen = new Set<string>();
  return found
    .filter((e) => {
      const key = `${e.messageIndex}|${e.signal}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.messageIndex - b.messageIndex);
}


import { FACTS } from './schema/facts';
import type { Condition, RulePack } from './schema/rule-pack';

const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** The facts as a Markdown table, as the README shows it. */
export function factsTable(): string {
  const rows = Object.entries(FACTS).map(([name, f]) => `| \`${name}\` | ${f.type} | ${cell(f.description)} |`);
  return [
    '| fact | type | meaning |',
    '| --- | --- | --- |',
    ...rows,
    '| `attributes.<key>` | any | A value from `conversation.attributes` (nested keys joined by dots). |',
  ].join('\n');
}

/** How each operator reads in prose, for docs and failure messages. */
export const OPERATOR_SYMBOLS: Readonly<Record<string, string>> = {
  equal: '=',
  notEqual: '≠',
  lessThan: '<',
  lessThanInclusive: '≤',
  greaterThan: '>',
  greaterThanInclusive: '≥',
  in: 'in',
  notIn: 'not in',
  contains: 'contains',
  doesNotContain: 'does not contain',
  containsAny: 'contains any of',
};

/** A condition tree in one line, e.g. `bot.consecutiveFallbacks ≥ 2 and turns.user ≥ 2`. */
export function conditionText(c: Condition): string {
  if ('all' in c) return c.all.map((x) => ('any' in x ? `(${conditionText(x)})` : conditionText(x))).join(' and ');
  if ('any' in c) return c.any.map((x) => ('all' in x ? `(${conditionText(x)})` : conditionText(x))).join(' or ');
  if ('not' in c) return `not (${conditionText(c.not)})`;
  const value = typeof c.value === 'object' && c.value !== null && !Array.isArray(c.value) ? c.value.fact : JSON.stringify(c.value);
  return `${c.fact} ${OPERATOR_SYMBOLS[c.operator] ?? c.operator} ${value}`;
}

/** The rules of a pack as a Markdown table: when each fires and what it does. */
export function rulesTable(pack: RulePack): string {
  const rows = pack.rules.map((r) => {
    const effect =
      r.event.type === 'escalate'
        ? `escalate \`${r.event.params.reason}\`, ${r.event.params.priority}${r.event.params.queue === undefined ? '' : `, queue \`${r.event.params.queue}\``}`
        : r.event.type === 'route'
          ? `route to \`${r.event.params.queue}\``
          : `suppress (\`${r.event.params.reason}\`)`;
    return `| \`${r.name}\` | \`${cell(conditionText(r.conditions))}\` | ${effect} | ${cell(r.description)} |`;
  });
  return ['| rule | when | does | why |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

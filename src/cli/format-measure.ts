import type { GapGroup, MeasureReport } from '../feedback/report';

/** Groups of each bot-gap list shown in the text report (`--json` has them all). */
const TOP_GROUPS = 10;

const fixed = (x: number | null, digits = 3): string => (x === null ? '-' : x.toFixed(digits));
const percent = (x: number | null): string => (x === null ? '-' : `${(x * 100).toFixed(0)}%`);
const signedTurns = (x: number): string => (x > 0 ? `+${x}` : `${x}`);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function padEnd(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function padStart(text: string, width: number): string {
  return text.length >= width ? text : ' '.repeat(width - text.length) + text;
}

function gapLines(title: string, groups: readonly GapGroup[]): string[] {
  const lines = [`  ${title}`];
  if (groups.length === 0) return [...lines, '    (none)'];
  for (const g of groups.slice(0, TOP_GROUPS)) {
    lines.push(
      `    ${padStart(String(g.events), 4)}  ${g.key}  (${plural(g.escalations, 'escalation')}, ${plural(g.fallbacks, 'fallback')}; ${plural(g.conversations, 'conversation')}, ${g.labelled === 0 ? 'none with an outcome' : `needed ${percent(g.neededShare)} of ${g.labelled} with an outcome`})`,
    );
    for (const e of g.examples) lines.push(`          ${e.conversationId} turn ${e.turn}: "${e.excerpt}"`);
  }
  if (groups.length > TOP_GROUPS) lines.push(`    ... ${groups.length - TOP_GROUPS} more (--json lists them all)`);
  return lines;
}

/** The measure report for people: scores, timing, rules, then the bot gaps. */
export function formatMeasureReport(r: MeasureReport): string {
  const c = r.counts;
  const m = r.confusion;
  const t = r.timing;
  const lines: string[] = [
    'Escalations against agent outcomes',
    `  conversations  ${c.conversations} replayed: ${c.withOutcome} with an outcome, ${c.withoutOutcome} without; ${plural(c.outcomesWithoutConversation, 'outcome')} with no conversation in the logs`,
    `  outcomes       needed ${c.byOutcome.needed}, unneeded ${c.byOutcome.unneeded}, late ${c.byOutcome.late}, missed ${c.byOutcome.missed}`,
    `  escalated      ${r.escalated} of ${c.conversations} (rate ${percent(r.escalationRate)})`,
    `  precision      ${fixed(r.precision)}   recall ${fixed(r.recall)}   F1 ${fixed(r.f1)}`,
    `  confusion      tp ${m.tp}  fp ${m.fp}  fn ${m.fn}  tn ${m.tn}   (predicted: the replay escalated; actual: needed, late or missed)`,
    '',
    `Timing: first escalation turn - ideal turn (${t.withIdealTurn} should escalate with an ideal turn; ${t.measured} escalated, ${t.notEscalated} not)`,
    `  early ${t.early}, on time ${t.onTime}, late ${t.late}; mean ${t.meanOffset === null ? '-' : `${t.meanOffset > 0 ? '+' : ''}${t.meanOffset.toFixed(2)}`} turns`,
    ...t.histogram.map((h) => `  ${padStart(signedTurns(h.offset), 4)}  ${padEnd('#'.repeat(Math.min(h.count, 40)), 40)} ${h.count}`),
    '',
    'Rules: conversations fired in; of those with an outcome, how many were unneeded',
    `  ${padEnd('rule', 30)} ${padEnd('event', 9)} ${padStart('fired', 5)} ${padStart('labelled', 8)} ${padStart('unneeded', 8)} ${padStart('share', 6)} ${padStart('of all unneeded', 15)}`,
  ];
  const fired = r.rules.filter((s) => s.fired > 0);
  for (const s of fired) {
    lines.push(
      `  ${padEnd(s.rule, 30)} ${padEnd(s.event, 9)} ${padStart(String(s.fired), 5)} ${padStart(String(s.firedWithOutcome), 8)} ${padStart(String(s.unneeded), 8)} ${padStart(percent(s.unneededShare), 6)} ${padStart(percent(s.shareOfUnneeded), 15)}`,
    );
  }
  const idle = r.rules.filter((s) => s.fired === 0).map((s) => s.rule);
  if (idle.length > 0) lines.push(`  never fired: ${idle.join(', ')}`);
  lines.push(
    '',
    'Bot gaps: what came just before escalations and bot fallbacks (examples redacted)',
    ...gapLines('by intent of the customer message', r.botGaps.intents),
    ...gapLines('by sensitive topic', r.botGaps.topics),
    ...gapLines('by the bot reply before', r.botGaps.botReplies),
  );
  return lines.join('\n');
}

import type { EvaluationResult } from '../schema/result';
import type { TurnResult } from '../escalator';
import type { Message } from '../schema/conversation';
import { excerptOf } from '../facts/excerpt';

/** A number with its sign always shown, to `digits` decimals. */
export const signed = (x: number, digits = 2): string => (x >= 0 ? `+${x.toFixed(digits)}` : x.toFixed(digits));

function pad(text: string, width: number): string {
  return text.length >= width ? text.slice(0, width) : text + ' '.repeat(width - text.length);
}

/** A readable account of one evaluation: decision, reasons with evidence, message, packet. */
export function formatEvaluation(id: string, result: EvaluationResult): string {
  const d = result.decision;
  const lines: string[] = [];
  if (d.escalate) {
    lines.push(
      `${id}: ESCALATE -> ${d.action} (priority ${d.priority}, queue ${d.queue}), triggered at user turn ${d.triggeredAtTurn}, risk ${d.risk.toFixed(2)}`,
    );
    lines.push('Reasons:');
    for (const r of d.reasons) {
      lines.push(`  - ${r.reason} [${r.rule}, ${r.priority}]: ${r.description}`);
      for (const e of r.evidence) lines.push(`      turn ${e.turn}: "${e.excerpt}" (${e.signal})`);
    }
    lines.push(`Customer message: ${d.customerMessage ?? ''}`);
  } else {
    lines.push(`${id}: no escalation -> ${d.action} (risk ${d.risk.toFixed(2)})`);
  }
  for (const note of result.trace.notes) lines.push(`  why: ${note}`);
  const p = result.packet;
  if (p !== undefined) {
    lines.push('Handoff packet:');
    lines.push(`  issue: ${p.summary.issue}`);
    if (p.summary.botAttempts.length > 0) lines.push(`  bot tried: ${p.summary.botAttempts.join(' | ')}`);
    for (const point of p.summary.keyPoints) lines.push(`  - ${point}`);
    if (p.entities.length > 0) lines.push(`  entities: ${p.entities.map((e) => `${e.kind} ${e.value}`).join(', ')}`);
    lines.push(`  redactions: ${p.redactions.total}`);
    lines.push(`  suggested opening: ${p.suggestedOpening}`);
  }
  return lines.join('\n');
}

/** One line per message: turn, role, text, sentiment, risk, action; marks where escalation triggers. */
export function formatTimeline(messages: readonly Message[], turns: readonly TurnResult[]): string {
  const lines = [`${pad('#', 3)} ${pad('turn', 4)} ${pad('role', 6)} ${pad('text', 44)} ${pad('sent.', 6)} ${pad('risk', 5)} decision`];
  let escalated = false;
  for (const t of turns) {
    const message = messages[t.messageIndex]!;
    const d = t.result.decision;
    const sentiment = message.role === 'user' ? signed(Number(t.result.trace.facts['sentiment.current'])) : '';
    let decision: string = d.escalate ? `${d.action} (${d.priority})` : d.action;
    if (d.escalate && !escalated) decision += `  <== escalates: ${d.reasons.map((r) => r.reason).join(', ')}`;
    if (!d.escalate && escalated) decision += '  <== escalation cleared';
    escalated = d.escalate;
    lines.push(
      `${pad(String(t.messageIndex), 3)} ${pad(message.role === 'user' ? String(t.turn) : '', 4)} ${pad(message.role, 6)} ${pad(excerptOf(message.text), 44)} ${pad(sentiment, 6)} ${pad(d.risk.toFixed(2), 5)} ${decision}`,
    );
  }
  return lines.join('\n');
}

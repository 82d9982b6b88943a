import { analyzeText } from '../analysis/analyze-message';
import { frustrationLevel } from '../facts/to-facts';
import type { MessageAnalysis } from '../schema/analysis';
import type { CliArgs } from './args';
import { UsageError } from './read-input';
import { signed } from './format';

const quoted = (s: string): string => JSON.stringify(s);

/** Why one customer message scored as it did: each detector's finding with the words behind it. */
export function formatExplanation(text: string, a: MessageAnalysis): string {
  const lines = [quoted(text), ''];
  const s = a.sentiment;
  lines.push(`sentiment            ${signed(s.score, 3)} ${s.label}${s.contributions.length === 0 ? ' (no word with a sentiment)' : ''}`);
  const width = Math.max(0, ...s.contributions.map((c) => c.token.length));
  for (const c of s.contributions) lines.push(`  ${c.token.padEnd(width)}  ${signed(c.weight, 3)}${c.note === undefined ? '' : `  ${c.note}`}`);
  const h = a.humanRequest;
  lines.push(`request for a person ${h.detected ? `yes: ${quoted(h.excerpt ?? '')} (${h.pattern ?? 'frame'})` : 'no'}`);
  const f = a.frustration;
  lines.push(`frustration          ${f.score.toFixed(3)} (${frustrationLevel(f.score)} on its own; earlier turns can raise it)`);
  for (const signal of f.signals) lines.push(`  ${signal.kind}: ${quoted(signal.excerpt)}`);
  lines.push(`sensitive topics     ${a.topics.length === 0 ? 'none' : a.topics.map((t) => `${t.topic}: ${quoted(t.excerpt)}`).join('; ')}`);
  lines.push(`problem solved       ${a.resolution.detected ? `yes: ${quoted(a.resolution.excerpt ?? '')}` : 'no'}`);
  lines.push(`content words        ${a.tokens.join(' ') || '(none)'}`);
  return lines.join('\n');
}

/** `warm-handoff explain TEXT`: the words are joined as given, so quoting is optional. */
export function explainCommand(args: CliArgs, out: (s: string) => void): number {
  if (args.paths.length === 0) throw new UsageError(`'explain' needs the text of a customer message, e.g. warm-handoff explain "this is not what I asked for"`);
  const text = args.paths.join(' ');
  const analysis = analyzeText(text);
  out(args.json ? JSON.stringify({ text, ...analysis }, null, 2) : formatExplanation(text, analysis));
  return 0;
}

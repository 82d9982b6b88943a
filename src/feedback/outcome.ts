import type { z } from 'zod';
import { lazySchema } from '../schema/lazy-schema';
import { ValidationError, type ErrorIssue } from '../errors';
import { toErrorIssues } from '../schema/validate';
import { invalidArgument } from '../schema/argument';

/**
 * What agents said about a conversation after the fact:
 * - `needed`: it was escalated, and rightly so;
 * - `unneeded`: it was escalated, but the bot could (or should) have kept it;
 * - `late`: the escalation was right but came after the ideal turn;
 * - `missed`: it should have been escalated and was not.
 *
 * "Should escalate" (the gold label of `measure`) is `needed`, `late` or `missed`.
 */
export const OutcomeKindSchema = lazySchema((z) => z.enum(['needed', 'unneeded', 'late', 'missed']));

/** One agent-reviewed outcome, joined to its conversation by `conversationId`. */
export const OutcomeSchema = lazySchema((z) => z.strictObject({
  conversationId: z.string().min(1).describe('The id of the conversation this outcome is about.'),
  outcome: OutcomeKindSchema.describe("'needed', 'unneeded', 'late' (right, but after the ideal turn) or 'missed' (should have escalated, did not)."),
  idealTurn: z.number().int().min(1).optional().describe('The user turn (from 1) at which a person should have taken over.'),
  resolvedBy: z.enum(['bot', 'agent']).optional().describe('Who resolved the customer\'s issue in the end.'),
  note: z.string().optional().describe("The agent's free-text note; never printed by the report."),
}));

export type OutcomeKind = z.infer<typeof OutcomeKindSchema>;
export type Outcome = z.infer<typeof OutcomeSchema>;
export type OutcomeInput = z.input<typeof OutcomeSchema>;

/** True when the outcome says a person was needed: `needed`, `late` or `missed`. */
export function shouldEscalate(outcome: OutcomeKind): boolean {
  return outcome !== 'unneeded';
}

const NOT_JSON = 'expected one JSON value on the line, found text that is not valid JSON';

/**
 * Outcome records from JSONL; every bad line is named (`outcomes.jsonl:3: idealTurn`),
 * as is an id given twice. Throws one {@link ValidationError} listing them all, never quoting a line.
 */
function parseOutcomeLines(text: string, source: string): Outcome[] {
  const issues: ErrorIssue[] = [];
  const out: Outcome[] = [];
  const seen = new Map<string, string>();
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${source}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      // Not the parser's message: it quotes the line.
      issues.push({ code: 'invalid_json', path: where, message: NOT_JSON });
      return;
    }
    const parsed = OutcomeSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of toErrorIssues(parsed.error.issues, value)) {
        issues.push({ ...issue, path: issue.path === '' ? where : `${where}: ${issue.path}` });
      }
      return;
    }
    const first = seen.get(parsed.data.conversationId);
    if (first !== undefined) {
      issues.push({ code: 'duplicate', path: `${where}: conversationId`, message: `expected one outcome per conversation, found a second one (first at ${first})` });
      return;
    }
    seen.set(parsed.data.conversationId, where);
    out.push(parsed.data);
  });
  if (issues.length > 0) throw new ValidationError(`Invalid outcomes in ${source}: ${issues.length} problem${issues.length === 1 ? '' : 's'}`, issues);
  return out;
}

/**
 * Parses and validates outcomes JSONL (one outcome per line, blank lines skipped). `source`, a
 * file name, prefixes every error path: `outcomes.jsonl:3: idealTurn: expected a number >= 1, found 0`.
 */
export function parseOutcomesJsonl(text: string, source = 'outcomes.jsonl'): Outcome[] {
  if (typeof text !== 'string') invalidArgument(source, 'the text of a JSONL file', text);
  return parseOutcomeLines(text, source);
}

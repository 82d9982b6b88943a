import { createEscalator, type Escalator, type EscalatorOptions } from '../escalator';
import { ValidationError, asLibraryError, type ErrorIssue } from '../errors';
import { ConversationSchema, type Conversation } from '../schema/conversation';
import { EnvironmentSchema, type EnvironmentInput } from '../schema/environment';
import type { RulePack } from '../schema/rule-pack';
import { parseOrThrow } from '../schema/parse';
import { toErrorIssues } from '../schema/validate';
import { runConversation, type ConversationRun, type GapEvent } from './conversation-run';
import { OutcomeSchema, shouldEscalate, type Outcome } from './outcome';
import { ratio, rates, round4 } from './ratios';
import type { GapGroup, MeasureReport, RuleStats } from './report';
import { invalidArgument } from '../schema/argument';

export interface MeasureOptions {
  /** The rule pack to replay with (ignored when `escalator` is given). @default the bundled pack */
  readonly rules?: EscalatorOptions['rules'];
  /** The environment every message is evaluated in. @default {} */
  readonly environment?: EnvironmentInput;
  /** An escalator of your own (custom facts, thresholds); its pack is the one measured. */
  readonly escalator?: Escalator;
}

const MAX_EXAMPLES = 3;

/**
 * Replays every conversation turn by turn through a session and scores the escalations against
 * agent outcomes: precision, recall, F1, escalation rate, timing against the ideal turn, each
 * rule's share of unneeded escalations, and the bot gaps (intents, topics and bot replies after
 * which escalations and fallbacks cluster). Throws one {@link ValidationError} naming every bad
 * conversation or outcome (`conversations[2].messages[0].role`, `outcomes[1].outcome`).
 */
export async function measure(conversations: readonly unknown[], outcomes: readonly unknown[], options: MeasureOptions = {}): Promise<MeasureReport> {
  const { convs, outs } = parseLabelled(conversations, outcomes);
  const environment = options.environment === undefined ? undefined : parseOrThrow(EnvironmentSchema, options.environment, 'environment');
  const escalator = options.escalator ?? createEscalator(options.rules === undefined ? {} : { rules: options.rules });
  const runs: ConversationRun[] = [];
  try {
    for (const conversation of convs) runs.push(await runConversation(escalator, conversation, environment));
  } catch (error) {
    throw asLibraryError(error);
  }
  return buildMeasureReport(runs, outs, escalator.rulePack);
}

/** Validates conversations and outcomes, naming every bad one (`conversations[2].messages[0].role`) and every repeated id. */
export function parseLabelled(conversations: readonly unknown[], outcomes: readonly unknown[]): { convs: Conversation[]; outs: Outcome[] } {
  return {
    convs: parseAll(conversations, 'conversations', (v) => ConversationSchema.safeParse(v), (c: Conversation) => c.id, 'id'),
    outs: parseAll(outcomes, 'outcomes', (v) => OutcomeSchema.safeParse(v), (o: Outcome) => o.conversationId, 'conversationId'),
  };
}

/** Validates each value of a list and refuses a repeated id; one {@link ValidationError} names every bad path (`conversations[2].id`). */
function parseAll<T>(
  values: readonly unknown[],
  name: string,
  parse: (v: unknown) => { success: true; data: T } | { success: false; error: { issues: Parameters<typeof toErrorIssues>[0] } },
  idOf: (v: T) => string,
  idPath: string,
): T[] {
  if (!Array.isArray(values)) invalidArgument(name, 'an array', values, name);
  const issues: ErrorIssue[] = [];
  const out: T[] = [];
  const seen = new Map<string, number>();
  values.forEach((value, i) => {
    const parsed = parse(value);
    if (!parsed.success) {
      issues.push(...toErrorIssues(parsed.error.issues, value, [name, i]));
      return;
    }
    const id = idOf(parsed.data);
    const first = seen.get(id);
    if (first !== undefined) {
      issues.push({ code: 'duplicate', path: `${name}[${i}].${idPath}`, message: `expected a unique ${idPath}, found the one of ${name}[${first}] again` });
      return;
    }
    seen.set(id, i);
    out.push(parsed.data);
  });
  if (issues.length > 0) throw new ValidationError(`Invalid ${name}: ${issues.length} problem${issues.length === 1 ? '' : 's'}`, issues);
  return out;
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The report from per-conversation replays (in input order) and validated outcomes: a pure
 * function, so the CLI gives the same report whether the replays ran on one thread or many.
 */
export function buildMeasureReport(runs: readonly ConversationRun[], outcomes: readonly Outcome[], pack: Pick<RulePack, 'rules'>): MeasureReport {
  const outcomeOf = new Map(outcomes.map((o) => [o.conversationId, o]));
  const runIds = new Set(runs.map((r) => r.id));
  const byOutcome = { needed: 0, unneeded: 0, late: 0, missed: 0 };
  const confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const offsets: number[] = [];
  let withIdealTurn = 0;
  let withOutcome = 0;
  for (const run of runs) {
    const outcome = outcomeOf.get(run.id);
    if (outcome === undefined) continue;
    withOutcome += 1;
    byOutcome[outcome.outcome] += 1;
    const gold = shouldEscalate(outcome.outcome);
    if (gold && run.escalated) confusion.tp += 1;
    else if (gold) confusion.fn += 1;
    else if (run.escalated) confusion.fp += 1;
    else confusion.tn += 1;
    if (gold && outcome.idealTurn !== undefined) {
      withIdealTurn += 1;
      if (run.firstEscalationTurn !== null) offsets.push(run.firstEscalationTurn - outcome.idealTurn);
    }
  }
  const { precision, recall, f1 } = rates(confusion);
  const histogram = new Map<number, number>();
  for (const o of offsets) histogram.set(o, (histogram.get(o) ?? 0) + 1);
  const escalated = runs.filter((r) => r.escalated).length;
  return {
    counts: {
      conversations: runs.length,
      withOutcome,
      withoutOutcome: runs.length - withOutcome,
      outcomesWithoutConversation: outcomes.filter((o) => !runIds.has(o.conversationId)).length,
      byOutcome,
    },
    escalated,
    escalationRate: ratio(escalated, runs.length),
    confusion,
    precision,
    recall,
    f1,
    timing: {
      withIdealTurn,
      measured: offsets.length,
      notEscalated: withIdealTurn - offsets.length,
      early: offsets.filter((o) => o < 0).length,
      onTime: offsets.filter((o) => o === 0).length,
      late: offsets.filter((o) => o > 0).length,
      meanOffset: offsets.length === 0 ? null : round4(offsets.reduce((a, b) => a + b, 0) / offsets.length),
      histogram: [...histogram].sort((a, b) => a[0] - b[0]).map(([offset, count]) => ({ offset, count })),
    },
    rules: ruleStats(runs, outcomeOf, pack, byOutcome.unneeded),
    botGaps: {
      intents: gapGroups(runs, outcomeOf, (e) => [e.intent ?? '(no intent)']),
      topics: gapGroups(runs, outcomeOf, (e) => e.topics),
      botReplies: gapGroups(runs, outcomeOf, (e) => [e.botReply ?? '(no bot reply yet)']),
    },
  };
}

function ruleStats(runs: readonly ConversationRun[], outcomeOf: ReadonlyMap<string, Outcome>, pack: Pick<RulePack, 'rules'>, unneededTotal: number): RuleStats[] {
  const stats = pack.rules.map((rule): RuleStats => {
    let fired = 0;
    let firedWithOutcome = 0;
    let unneeded = 0;
    for (const run of runs) {
      if (!run.rulesFired.includes(rule.name)) continue;
      fired += 1;
      const outcome = outcomeOf.get(run.id);
      if (outcome === undefined) continue;
      firedWithOutcome += 1;
      if (outcome.outcome === 'unneeded') unneeded += 1;
    }
    return {
      rule: rule.name,
      event: rule.event.type,
      fired,
      firedWithOutcome,
      unneeded,
      unneededShare: ratio(unneeded, firedWithOutcome),
      shareOfUnneeded: ratio(unneeded, unneededTotal),
    };
  });
  return stats.sort((a, b) => b.fired - a.fired || byKey(a.rule, b.rule));
}

interface GroupAcc {
  escalations: number;
  fallbacks: number;
  conversations: Set<string>;
  examples: GapGroup['examples'];
}

function gapGroups(runs: readonly ConversationRun[], outcomeOf: ReadonlyMap<string, Outcome>, keysOf: (e: GapEvent) => readonly string[]): GapGroup[] {
  const groups = new Map<string, GroupAcc>();
  for (const run of runs) {
    for (const event of run.events) {
      for (const key of new Set(keysOf(event))) {
        let acc = groups.get(key);
        if (acc === undefined) {
          acc = { escalations: 0, fallbacks: 0, conversations: new Set(), examples: [] };
          groups.set(key, acc);
        }
        if (event.kind === 'escalation') acc.escalations += 1;
        else acc.fallbacks += 1;
        // One example per conversation, the first ones in input order.
        if (!acc.conversations.has(run.id) && event.excerpt !== null && acc.examples.length < MAX_EXAMPLES) {
          acc.examples.push({ conversationId: run.id, turn: event.turn, excerpt: event.excerpt });
        }
        acc.conversations.add(run.id);
      }
    }
  }
  return [...groups]
    .map(([key, acc]): GapGroup => {
      const labelled = [...acc.conversations].map((id) => outcomeOf.get(id)).filter((o): o is Outcome => o !== undefined);
      const needed = labelled.filter((o) => shouldEscalate(o.outcome)).length;
      return {
        key,
        events: acc.escalations + acc.fallbacks,
        escalations: acc.escalations,
        fallbacks: acc.fallbacks,
        conversations: acc.conversations.size,
        labelled: labelled.length,
        needed,
        neededShare: ratio(needed, labelled.length),
        examples: acc.examples,
      };
    })
    .sort((a, b) => b.events - a.events || byKey(a.key, b.key));
}

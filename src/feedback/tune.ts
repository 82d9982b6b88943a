import { createEscalator, type EscalatorOptions } from '../escalator';
import { RulePackError, ValidationError, asLibraryError } from '../errors';
import type { Conversation } from '../schema/conversation';
import { EnvironmentSchema, type EnvironmentInput } from '../schema/environment';
import { parseOrThrow } from '../schema/parse';
import type { Rule, RulePack } from '../schema/rule-pack';
import { factsReadBy } from '../rules/leaves';
import { compileRule } from '../rules/compile';
import { runRules } from '../rules/run-rules';
import type { FactValues } from '../rules/compile';
import { runConversation, sessionFor } from './conversation-run';
import { stratifiedFolds } from './folds';
import { rates, round4 } from './ratios';
import { parseLabelled } from './measure';
import { shouldEscalate } from './outcome';
import { findTunables, withValues, type TunableSlot } from './tunables';
import { ObjectiveSchema, type Curve, type Objective, type Score, type TuneReport, type TunedNumber } from './tune-report';

export interface TuneOptions {
  /** The pack to tune: its numbers marked `tunable` are searched. @default the bundled pack */
  readonly rules?: EscalatorOptions['rules'];
  /** Everything else the escalator needs (custom facts, humanRequestWithin, …), as in production. */
  readonly escalator?: Omit<EscalatorOptions, 'rules'>;
  /** The environment every message is evaluated in. @default {} */
  readonly environment?: EnvironmentInput;
  /** What to maximise. @default F1: { kind: 'fbeta', beta: 1 } */
  readonly objective?: Objective;
  /** Cross-validation folds. @default 5 */
  readonly folds?: number;
  /** Seed of the fold split. @default 1 */
  readonly seed?: number;
  /** Most coordinate-search passes over the numbers. @default 4 */
  readonly maxPasses?: number;
  /**
   * Called after each conversation replayed, with how many of all the replays tuning makes are
   * done (one to record facts, then the scoring replays: before, each fold, each number alone,
   * the final pack). For a progress bar.
   */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The tuned pack (fitted on all the labelled conversations) and the report with held-out figures. */
export interface TuneResult {
  readonly rules: Rule[];
  readonly report: TuneReport;
}

/** The facts at each message of one conversation, as a replay saw them. */
interface Trace {
  readonly facts: readonly FactValues[];
  readonly turns: readonly number[];
  /** User turn at which the customer first asked for a person, or null. */
  readonly askedAt: number | null;
}

interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}


function objectiveOf(c: Confusion, objective: Objective): number {
  if (objective.kind === 'cost') {
    const n = c.tp + c.fp + c.fn + c.tn;
    // `0 -` rather than unary minus: no cost is 0, not -0.
    return n === 0 ? 0 : 0 - (c.fp * objective.unneededCost + c.fn * objective.missedCost) / n;
  }
  const b2 = objective.beta * objective.beta;
  const denominator = (1 + b2) * c.tp + b2 * c.fn + c.fp;
  return denominator === 0 ? 0 : ((1 + b2) * c.tp) / denominator;
}

function scoreOf(c: Confusion, objective: Objective): Score {
  return {
    confusion: { ...c },
    ...rates(c),
    objective: round4(objectiveOf(c, objective)),
  };
}

function confusionOf(predicted: readonly boolean[], gold: readonly boolean[], indexes: readonly number[]): Confusion {
  const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const i of indexes) {
    if (gold[i] && predicted[i]) c.tp += 1;
    else if (gold[i]) c.fn += 1;
    else if (predicted[i]) c.fp += 1;
    else c.tn += 1;
  }
  return c;
}

const add = (a: Confusion, b: Confusion): Confusion => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn, tn: a.tn + b.tn });

/**
 * Searches the numbers of a rule pack marked `tunable` (and only those: no rule's logic
 * changes) for the best objective on agent-labelled conversations, with k-fold
 * cross-validation, so the report's `before` and `after` are held-out figures.
 *
 * The search replays each conversation once, keeps the facts at every message, and then
 * re-runs only the rules over them: fast enough to try every value on every number's grid.
 * Facts do not depend on the rules, except where a suppress rule resets signals after it
 * clears an escalation; so every score in the report comes from real session replays of the
 * tuned packs, not from the search's shortcut. Curves are the exception: computed on all the
 * labelled data with the shortcut (they show a shape, not a held-out figure).
 */
export async function tune(conversations: readonly unknown[], outcomes: readonly unknown[], options: TuneOptions = {}): Promise<TuneResult> {
  const { convs, outs } = parseLabelled(conversations, outcomes);
  const objective = parseOrThrow(ObjectiveSchema, options.objective ?? { kind: 'fbeta', beta: 1 }, 'objective');
  const k = options.folds ?? 5;
  const seed = options.seed ?? 1;
  const maxPasses = options.maxPasses ?? 4;
  checkWhole('folds', k, 2, 100);
  checkWhole('maxPasses', maxPasses, 1, 100);
  if (!Number.isInteger(seed)) throw new ValidationError('Invalid tune options: 1 problem', [{ code: 'invalid_type', path: 'seed', message: `expected a whole number, found ${seed}` }]);
  const environment = options.environment === undefined ? undefined : parseOrThrow(EnvironmentSchema, options.environment, 'environment');
  const base = createEscalator({ ...options.escalator, ...(options.rules === undefined ? {} : { rules: options.rules }) });
  const pack = base.rulePack;
  const slots = findTunables(pack);
  if (slots.length === 0) {
    throw new RulePackError('Nothing to tune: 1 problem', [
      { code: 'no_tunable', path: 'rules', message: 'expected at least one condition number marked "tunable": { "min": …, "max": …, "step": … }' },
    ]);
  }
  const outcomeOf = new Map(outs.map((o) => [o.conversationId, o]));
  const labelled = convs.filter((c) => outcomeOf.has(c.id));
  const gold = labelled.map((c) => shouldEscalate(outcomeOf.get(c.id)!.outcome));
  if (labelled.length < k) {
    throw new ValidationError('Too few labelled conversations: 1 problem', [
      { code: 'too_small', path: 'outcomes', message: `expected at least ${k} conversations with an outcome (one per fold), found ${labelled.length}` },
    ]);
  }
  const within = options.escalator?.humanRequestWithin ?? 0;
  const total = labelled.length * (4 + slots.length);
  let done = 0;
  const progressed = (): void => {
    done += 1;
    options.onProgress?.(done, total);
  };
  const replay = async (rules: readonly Rule[], indexes: readonly number[]): Promise<boolean[]> => {
    const escalator = rules === pack.rules ? base : createEscalator({ ...options.escalator, rules: { rules } });
    const out: boolean[] = new Array<boolean>(labelled.length).fill(false);
    for (const i of indexes) {
      out[i] = (await runConversation(escalator, labelled[i]!, environment)).escalated;
      progressed();
    }
    return out;
  };
  try {
    const traces: Trace[] = [];
    const kept = factsRead(pack);
    for (const c of labelled) {
      traces.push(await traceOf(base, c, environment, kept));
      progressed();
    }
    const search = new Search(pack, slots, traces, gold, objective, within);
    await search.prepare();
    const all = labelled.map((_, i) => i);
    const folds = stratifiedFolds(gold, k, seed);
    const original = slots.map((s) => s.value);
    const heldOut = async (tuneOn: (train: number[]) => number[]): Promise<{ confusion: Confusion; values: number[][] }> => {
      let confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
      const values: number[][] = [];
      for (const test of folds) {
        const testSet = new Set(test);
        const chosen = tuneOn(all.filter((i) => !testSet.has(i)));
        values.push(chosen);
        confusion = add(confusion, confusionOf(await replay(withValues(pack.rules, slots, chosen), test), gold, test));
      }
      return { confusion, values };
    };
    const before = confusionOf(await replay(pack.rules, all), gold, all);
    const after = await heldOut((train) => search.run(train, slots.map((_, i) => i), original, maxPasses));
    const final = search.run(all, slots.map((_, i) => i), original, maxPasses);
    const tunedRules = withValues(pack.rules, slots, final);
    const training = confusionOf(await replay(tunedRules, all), gold, all);
    const numbers: TunedNumber[] = [];
    for (let s = 0; s < slots.length; s++) {
      const slot = slots[s]!;
      const alone = await heldOut((train) => search.run(train, [s], original, maxPasses));
      numbers.push({
        ...refOf(slot),
        before: slot.value,
        after: final[s]!,
        min: slot.tunable.min,
        max: slot.tunable.max,
        step: slot.tunable.step,
        foldValues: after.values.map((v) => v[s]!),
        heldOutAlone: scoreOf(alone.confusion, objective),
      });
    }
    const curves: Curve[] = slots.map((slot, s) => ({
      ...refOf(slot),
      before: slot.value,
      after: final[s]!,
      points: slot.grid.map((value) => {
        const c = search.confusionWith(all, final, s, value);
        return { value, ...rates(c) };
      }),
    }));
    return {
      rules: tunedRules,
      report: {
        objective,
        folds: k,
        seed,
        conversations: labelled.length,
        before: scoreOf(before, objective),
        after: scoreOf(after.confusion, objective),
        training: scoreOf(training, objective),
        numbers,
        curves,
      },
    };
  } catch (error) {
    throw asLibraryError(error);
  }
}

function checkWhole(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError('Invalid tune options: 1 problem', [{ code: 'too_small', path: name, message: `expected a whole number from ${min} to ${max}, found ${value}` }]);
  }
}

const refOf = (slot: TunableSlot) => ({ rule: slot.rule, path: slot.path, fact: slot.fact, operator: slot.operator });

/**
 * The facts the search reads: those the pack's conditions name, and the two the decision stage
 * reads for requests for a person. Keeping only these makes a trace a few numbers per message,
 * so large logs fit in memory.
 */
function factsRead(pack: RulePack): string[] {
  const names = new Set(['humanRequest.detected', 'humanRequest.latest']);
  for (const rule of pack.rules) factsReadBy(rule.conditions, names);
  return [...names];
}

async function traceOf(escalator: ReturnType<typeof createEscalator>, conversation: Conversation, environment: EnvironmentInput | undefined, kept: readonly string[]): Promise<Trace> {
  const session = sessionFor(escalator, conversation);
  const facts: FactValues[] = [];
  const turns: number[] = [];
  let askedAt: number | null = null;
  for (const message of conversation.messages) {
    const { trace } = await session.push(message, environment);
    const all = trace.facts as FactValues;
    const some: Record<string, unknown> = {};
    for (const name of kept) if (Object.prototype.hasOwnProperty.call(all, name)) some[name] = all[name];
    facts.push(some);
    turns.push(trace.turn);
    if (askedAt === null && trace.facts['humanRequest.detected'] === true) askedAt = trace.turn;
  }
  return { facts, turns, askedAt };
}

/**
 * Coordinate search over precomputed facts. For every message it keeps which rules fire at the
 * current values, so trying a value of one number re-runs only the rule that holds it.
 */
class Search {
  /** fired[conversation][message][rule] at the pack's own values. */
  private fired: boolean[][][] = [];
  private readonly kinds: readonly ('escalate' | 'route' | 'suppress')[];

  constructor(
    private readonly pack: RulePack,
    private readonly slots: readonly TunableSlot[],
    private readonly traces: readonly Trace[],
    private readonly gold: readonly boolean[],
    private readonly objective: Objective,
    private readonly within: number,
  ) {
    this.kinds = pack.rules.map((r) => r.event.type);
  }

  async prepare(): Promise<void> {
    for (const trace of this.traces) {
      const perMessage: boolean[][] = [];
      for (const facts of trace.facts) perMessage.push((await runRules(this.pack, facts)).map((f) => f.fired));
      this.fired.push(perMessage);
    }
  }

  /** Does the conversation escalate when `rule` fires as `override` says (the others as prepared)? */
  private escalates(i: number, rule: number, override: (facts: FactValues) => boolean): boolean {
    const trace = this.traces[i]!;
    const fired = this.fired[i]!;
    for (let m = 0; m < trace.facts.length; m++) {
      const facts = trace.facts[m]!;
      let escalate = false;
      let suppress = false;
      const row = fired[m]!;
      for (let r = 0; r < row.length; r++) {
        const on = r === rule ? override(facts) : row[r]!;
        if (!on) continue;
        if (this.kinds[r] === 'escalate') escalate = true;
        else if (this.kinds[r] === 'suppress') suppress = true;
      }
      // The decision stage's order: a suppress clears everything unless the latest message asks
      // for a person; a request for a person is honoured once `within` turns have passed.
      if (suppress && facts['humanRequest.latest'] !== true) continue;
      if (escalate) return true;
      if (facts['humanRequest.detected'] === true && trace.turns[m]! - (trace.askedAt ?? trace.turns[m]!) >= this.within) return true;
    }
    return false;
  }

  private ruleWith(values: readonly number[], slot: number, value: number): (facts: FactValues) => boolean {
    const s = this.slots[slot]!;
    const vs = [...values];
    vs[slot] = value;
    const rule = withValues(this.pack.rules, this.slots, vs)[s.ruleIndex]!;
    const compiled = compileRule(rule);
    // Every operator a pack may name compiles today; one that did not would have no fast path
    // to search with, and guessing would tune against the wrong rule.
    if (compiled === undefined) {
      throw new RulePackError('Cannot tune: 1 problem', [
        { code: 'not_tunable', path: `${s.rule}: ${s.path}`, message: 'the rule uses an operator only json-rules-engine runs, so its numbers cannot be searched' },
      ]);
    }
    return (facts) => compiled.evaluate(facts).fired;
  }

  /** The values `fired` was last computed at; null: the pack's own. */
  private settled: readonly number[] | null = null;

  /** Makes `values` the prepared state of every rule that holds a slot whose value changed. */
  private settle(values: readonly number[]): void {
    const was = this.settled ?? this.slots.map((s) => s.value);
    const rules = new Set(this.slots.flatMap((s, i) => (values[i] === was[i] ? [] : [s.ruleIndex])));
    this.settled = [...values];
    for (const ruleIndex of rules) {
      const slot = this.slots.findIndex((s) => s.ruleIndex === ruleIndex);
      const test = this.ruleWith(values, slot, values[slot]!);
      this.fired.forEach((perMessage, i) => {
        perMessage.forEach((row, m) => {
          row[ruleIndex] = test(this.traces[i]!.facts[m]!);
        });
      });
    }
  }

  confusionWith(indexes: readonly number[], values: readonly number[], slot: number, value: number): Confusion {
    this.settle(values);
    const test = this.ruleWith(values, slot, value);
    const rule = this.slots[slot]!.ruleIndex;
    const predicted: boolean[] = [];
    for (const i of indexes) predicted[i] = this.escalates(i, rule, test);
    return confusionOf(predicted, this.gold, indexes);
  }

  /**
   * Coordinate ascent from `start` over the given slots: each pass tries every grid value of
   * each slot in turn and keeps the best; ties keep the value nearest the pack's own, so a
   * number moves only when the data says so.
   */
  run(indexes: readonly number[], which: readonly number[], start: readonly number[], maxPasses: number): number[] {
    const values = [...start];
    for (let pass = 0; pass < maxPasses; pass++) {
      let moved = false;
      for (const s of which) {
        const slot = this.slots[s]!;
        let best = values[s]!;
        let bestScore = objectiveOf(this.confusionWith(indexes, values, s, best), this.objective);
        for (const value of slot.grid) {
          if (value === best) continue;
          const score = objectiveOf(this.confusionWith(indexes, values, s, value), this.objective);
          const nearer = Math.abs(value - slot.value) < Math.abs(best - slot.value);
          if (score > bestScore + 1e-12 || (Math.abs(score - bestScore) <= 1e-12 && nearer)) {
            best = value;
            bestScore = score;
          }
        }
        if (best !== values[s]) {
          values[s] = best;
          moved = true;
        }
      }
      if (!moved) break;
    }
    return values;
  }
}

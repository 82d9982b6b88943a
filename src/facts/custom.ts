import type { Customer, Message } from '../schema/conversation';
import type { Environment } from '../schema/environment';
import type { Facts } from '../schema/facts';
import { isKnownFactName, type RulePack } from '../schema/rule-pack';
import { factsReadBy } from '../rules/leaves';
import { CustomFactError, type ErrorIssue } from '../errors';

/** What a custom fact is told about the conversation at the message being evaluated. */
export interface CustomFactContext {
  readonly conversationId: string;
  readonly channel?: string | undefined;
  readonly locale?: string | undefined;
  readonly customer?: Customer | undefined;
  readonly attributes?: Readonly<Record<string, unknown>> | undefined;
  readonly environment: Environment;
  /** The message just added. */
  readonly message: Message;
  /** Its position in the conversation, from 0. */
  readonly messageIndex: number;
  /** User turns so far, from 1. */
  readonly turn: number;
  /** The built-in facts at this message. */
  readonly facts: Readonly<Facts>;
}

/**
 * A fact computed by your code, e.g. from a CRM: returns (or resolves to) a string, number,
 * boolean, null or a list of those. Called once per evaluated message when a rule names it.
 */
export type CustomFact = (context: CustomFactContext) => unknown;

/** Custom fact names: dotted camelCase like the built-in ones, e.g. `crm.openTickets`. */
export const CUSTOM_FACT_NAME = /^[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_-]+)+$/;

/** Problems with the names in `createEscalator({ facts })`. */
export function checkCustomFactNames(names: readonly string[]): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  for (const name of names) {
    if (isKnownFactName(name)) {
      issues.push({ code: 'custom_fact', path: `facts.${name}`, message: 'expected a new fact name, found a built-in or attributes.* fact' });
    } else if (!CUSTOM_FACT_NAME.test(name)) {
      issues.push({ code: 'custom_fact', path: `facts.${name}`, message: "expected a dotted name such as 'crm.openTickets'" });
    }
  }
  return issues;
}

/** For each fact name the pack reads that is neither built in nor `attributes.*`: the rules that read it, in pack order. */
export function customFactUses(pack: RulePack): Map<string, string[]> {
  const uses = new Map<string, string[]>();
  for (const rule of pack.rules) {
    const names = new Set<string>();
    factsReadBy(rule.conditions, names);
    for (const name of names) {
      if (isKnownFactName(name)) continue;
      const list = uses.get(name);
      if (list === undefined) uses.set(name, [rule.name]);
      else list.push(rule.name);
    }
  }
  return uses;
}

function isFactValue(value: unknown): boolean {
  const scalar = (v: unknown): boolean => v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
  return value === undefined || scalar(value) || (Array.isArray(value) && value.every(scalar));
}

/** The custom facts a pack reads, ready to evaluate for one message. */
export interface CustomFactPlan {
  readonly entries: readonly { readonly name: string; readonly fn: CustomFact; readonly rules: readonly string[] }[];
}

/**
 * Evaluates every custom fact the pack reads, concurrently, and adds them to `into`. A fact
 * that throws, rejects or returns something that is not a fact value fails the evaluation
 * with a {@link CustomFactError} naming it and the rules that read it.
 */
export async function evaluateCustomFacts(plan: CustomFactPlan, context: CustomFactContext, into: Record<string, unknown>): Promise<void> {
  // Settled, not Promise.all: when several fail, the first in pack order is reported, every time.
  const settled = await Promise.allSettled(plan.entries.map(async ({ fn }) => fn(context)));
  const values = settled.map((outcome, i) => {
    const { name, rules } = plan.entries[i]!;
    if (outcome.status === 'rejected') {
      const error: unknown = outcome.reason;
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : 'a non-Error value';
      throw new CustomFactError(name, rules, `threw ${detail}`, error);
    }
    if (!isFactValue(outcome.value)) {
      const found = Array.isArray(outcome.value) ? 'a list with other values' : typeof outcome.value;
      throw new CustomFactError(name, rules, `expected a string, finite number, boolean, null or a list of them, found ${found}`);
    }
    return outcome.value;
  });
  plan.entries.forEach(({ name }, i) => {
    into[name] = values[i];
  });
}

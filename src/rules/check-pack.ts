import type { ErrorIssue } from '../errors';
import { FACTS, FactNameSchema, type FactName } from '../schema/facts';
import type { LeafCondition, Operator, Rule } from '../schema/rule-pack';
import { forEachLeaf, pathOfKeys } from './leaves';

const NUMERIC: ReadonlySet<Operator> = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);
const ON_ARRAYS: ReadonlySet<Operator> = new Set(['contains', 'doesNotContain', 'containsAny']);
const LIST_VALUE: ReadonlySet<Operator> = new Set(['in', 'notIn', 'containsAny']);

/**
 * Checks what the schema cannot: unique rule names and operators that fit the fact's type
 * (a `lessThan` on a boolean fact is a typo that would silently never fire).
 */
export function checkRules(rules: readonly Rule[], pathOf: (ruleIndex: number) => string): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const seen = new Set<string>();
  rules.forEach((rule, index) => {
    if (seen.has(rule.name)) {
      issues.push({
        code: 'duplicate_rule',
        path: `${pathOf(index)}name`,
        message: `rule name '${rule.name}' is already used by another rule of this pack`,
      });
    }
    seen.add(rule.name);
    forEachLeaf(rule.conditions, (leaf, keys) => checkLeaf(leaf, `${pathOf(index)}${pathOfKeys(keys)}`, issues), ['conditions']);
  });
  return issues;
}

function checkLeaf(leaf: LeafCondition, path: string, issues: ErrorIssue[]): void {
  const known = FactNameSchema.safeParse(leaf.fact);
  if (!known.success) return; // attributes.* facts have no declared type
  const type = FACTS[known.data as FactName].type;
  const wrong = (message: string): void => {
    issues.push({ code: 'operator_mismatch', path: `${path}.operator`, message });
  };
  if (NUMERIC.has(leaf.operator) && type !== 'number') {
    wrong(`'${leaf.operator}' compares numbers, but fact '${leaf.fact}' is a ${type}`);
  } else if (ON_ARRAYS.has(leaf.operator) && type !== 'array') {
    wrong(`'${leaf.operator}' looks inside a list, but fact '${leaf.fact}' is a ${type}`);
  }
  if (leaf.tunable !== undefined) checkTunable(leaf, path, issues);
  if (LIST_VALUE.has(leaf.operator) && !Array.isArray(leaf.value)) {
    issues.push({ code: 'operator_mismatch', path: `${path}.value`, message: `'${leaf.operator}' expects a list as value` });
  }
}

function checkTunable(leaf: LeafCondition, path: string, issues: ErrorIssue[]): void {
  const t = leaf.tunable!;
  if (typeof leaf.value !== 'number') {
    issues.push({ code: 'invalid_tunable', path: `${path}.tunable`, message: 'only a number value can be tunable' });
  } else if (leaf.value < t.min || leaf.value > t.max) {
    issues.push({ code: 'invalid_tunable', path: `${path}.value`, message: `expected a value within the tunable range ${t.min} to ${t.max}, found ${leaf.value}` });
  }
}

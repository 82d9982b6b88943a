import { RulePackError, type ErrorIssue } from '../errors';
import { ruleSchemasFor, type Rule, type RulePack } from '../schema/rule-pack';
import { toErrorIssues } from '../schema/validate';
import { checkRules } from './check-pack';
import { RiskWeightsSchema, type RiskWeights } from '../decision/risk';
import { invalidArgument, isPlainObject } from '../schema/argument';

/** Options for reading a rule pack. */
export interface RulePackOptions {
  /** Names of custom facts (given to `createEscalator({ facts })`) the pack's rules may use. @default [] */
  readonly facts?: readonly string[];
}

const schemaCache = new Map<string, ReturnType<typeof ruleSchemasFor>>();

function schemasFor(facts: readonly string[]): ReturnType<typeof ruleSchemasFor> {
  const key = [...new Set(facts)].sort().join('\n');
  let schemas = schemaCache.get(key);
  if (schemas === undefined) {
    schemas = ruleSchemasFor(new Set(facts));
    if (schemaCache.size < 32) schemaCache.set(key, schemas);
  }
  return schemas;
}

/** One rule-pack document and where it came from, for error paths. */
export interface RuleSource {
  readonly file?: string;
  readonly content: unknown;
}

const parsed = new WeakSet<object>();

/** Most rules in one pack: a pack is read by people, and every rule runs on every message. */
export const MAX_RULES = 500;
/** Deepest nesting of objects and arrays in one rule document (real conditions use a handful). */
export const MAX_NESTING = 32;

/**
 * The JSON path of the first place nested deeper than {@link MAX_NESTING}, or null. Checked
 * before the schema, which walks conditions recursively and would overflow the stack on a
 * pathological document instead of reporting it.
 */
function tooDeep(content: unknown): string | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: content, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_NESTING) return path;
    if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, path: `${path}[${i}]`, depth: depth + 1 }));
    else for (const key of Object.keys(value)) stack.push({ value: (value as Record<string, unknown>)[key], path: path === '' ? key : `${path}.${key}`, depth: depth + 1 });
  }
  return null;
}

// zod says "unknown key 'path'"; the reason it is refused says more.
const PATH_KEY = /^unknown keys? [^(]*'path'/;
const PATH_REFUSED =
  "unknown key 'path': JSON-path conditions are not allowed, since a path could reach outside the facts; name a fact instead (attributes.<key> reaches nested attributes)";

/** True for a pack returned by {@link parseRulePack} or `loadRulePack`, which needs no second validation. */
export function isParsedRulePack(value: object): value is RulePack {
  return parsed.has(value);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/**
 * Validates rule-pack documents (each a single rule or `{ rules: [...] }`) into one frozen
 * pack, or throws a {@link RulePackError} whose issue paths start with the file name.
 * `riskWeights`, when given, is the pack's risk-weights document (`risk-weights.json` of a
 * folder), validated with the rules and carried on the pack as `riskWeights`.
 */
export function parseRulePack(sources: readonly RuleSource[], options: RulePackOptions = {}, riskWeights?: RuleSource): RulePack {
  if (!Array.isArray(sources)) invalidArgument('rule sources', 'an array of { file, content }', sources);
  const bad = sources.findIndex((source) => !isPlainObject(source));
  if (bad >= 0) invalidArgument('rule sources', 'an object { file, content }', sources[bad], `[${bad}]`);
  const { pack: RulePackSchema, rule: RuleSchema } = schemasFor(options.facts ?? []);
  const issues: ErrorIssue[] = [];
  const rules: Rule[] = [];
  const places: string[] = [];
  for (const source of sources) {
    const prefix = source.file === undefined ? '' : `${source.file}: `;
    const isPack = typeof source.content === 'object' && source.content !== null && 'rules' in source.content;
    const deep = tooDeep(source.content);
    if (deep !== null) {
      issues.push({ code: 'too_big', path: `${prefix}${deep}`, message: `expected at most ${MAX_NESTING} levels of nested objects and lists, found more` });
      continue;
    }
    const result = (isPack ? RulePackSchema : RuleSchema).safeParse(source.content);
    if (!result.success) {
      for (const issue of toErrorIssues(result.error.issues, source.content)) {
        issues.push({ ...issue, path: `${prefix}${issue.path}`, message: PATH_KEY.test(issue.message) ? PATH_REFUSED : issue.message });
      }
      continue;
    }
    const found = 'rules' in result.data ? result.data.rules : [result.data];
    found.forEach((rule, i) => {
      rules.push(rule);
      places.push(isPack ? `${prefix}rules[${i}].` : prefix);
    });
  }
  if (rules.length > MAX_RULES) {
    issues.push({ code: 'too_big', path: `${places[MAX_RULES] ?? ''}name`, message: `expected at most ${MAX_RULES} rules in a pack, found ${rules.length}` });
  }
  issues.push(...checkRules(rules, (index) => places[index] ?? ''));
  const weights = riskWeights === undefined ? undefined : parseRiskWeights(riskWeights, issues);
  if (issues.length > 0) {
    throw new RulePackError(`Invalid rule pack: ${issues.length} problem${issues.length === 1 ? '' : 's'}`, issues);
  }
  const pack: RulePack = deepFreeze(weights === undefined ? { rules } : { rules, riskWeights: weights });
  parsed.add(pack);
  return pack;
}

function parseRiskWeights(source: RuleSource, issues: ErrorIssue[]): RiskWeights | undefined {
  const result = RiskWeightsSchema.safeParse(source.content);
  if (result.success) return deepFreeze(result.data);
  const file = source.file ?? 'risk weights';
  for (const issue of toErrorIssues(result.error.issues, source.content)) {
    issues.push({ ...issue, path: issue.path === '' ? file : `${file}: ${issue.path}` });
  }
  return undefined;
}

/**
 * The package's own default pack from its documents, without the schemas: loading zod costs a
 * process about 60 ms, more than the rest of its start-up, and every process using the default
 * pack would pay it for files that never change. The test suite parses these very files with
 * the schemas and the pack's checks and requires the same pack, key for key, so a bundled file
 * the schemas would refuse fails there, not in a customer's process. Never for other packs.
 */
export function bundledRulePack(sources: readonly RuleSource[], riskWeights?: RuleSource): RulePack {
  const rules: Rule[] = [];
  for (const { content } of sources) {
    const document = content as Rule | { rules: Rule[] };
    if ('rules' in document) rules.push(...document.rules);
    else rules.push(document);
  }
  const pack: RulePack = deepFreeze(riskWeights === undefined ? { rules } : { rules, riskWeights: riskWeights.content as RiskWeights });
  parsed.add(pack);
  return pack;
}

/** Validates a risk-weights document on its own, or throws a {@link RulePackError} whose issue paths start with the file name. */
export function parseRiskWeightsFile(source: RuleSource): RiskWeights {
  const issues: ErrorIssue[] = [];
  const weights = parseRiskWeights(source, issues);
  if (weights === undefined) throw new RulePackError(`Invalid risk weights: ${issues.length} problem${issues.length === 1 ? '' : 's'}`, issues);
  return weights;
}

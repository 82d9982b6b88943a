import type { z } from 'zod';
import type { ErrorIssue } from '../errors';

type ZodIssue = z.core.$ZodIssue;
type PathKey = PropertyKey;

/** Renders a zod path as `messages[3].role`. */
export function formatPath(path: readonly PathKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/**
 * Converts zod issues into readable `expected X, found Y` issues. Values are described by
 * type and, for short scalars only, by value: customer text may hold secrets.
 */
export function toErrorIssues(issues: readonly ZodIssue[], input: unknown, prefix: readonly PathKey[] = []): ErrorIssue[] {
  const out: ErrorIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const best = closestBranch(issue.errors);
      if (best !== undefined && best.length > 0) {
        // Branch issues are relative to the union's own place.
        out.push(...toErrorIssues(best, input, [...prefix, ...issue.path]));
        continue;
      }
    }
    const path = [...prefix, ...issue.path];
    out.push({ code: issue.code, path: formatPath(path), message: describe(issue, valueAt(input, path)) });
  }
  return dedupe(out);
}

// For a union that failed, the branch whose errors reach deepest is almost always the one
// the author meant; its issues say far more than "no branch matched".
function closestBranch(branches: readonly (readonly ZodIssue[])[]): readonly ZodIssue[] | undefined {
  let best: readonly ZodIssue[] | undefined;
  let bestScore = -Infinity;
  for (const branch of branches) {
    const unknownKeyAtRoot = branch.some((i) => i.code === 'unrecognized_keys' && i.path.length === 0);
    const depth = Math.max(0, ...branch.map((i) => i.path.length));
    const score = depth * 10 - branch.length - (unknownKeyAtRoot ? 100 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = branch;
    }
  }
  return best;
}

function dedupe(issues: ErrorIssue[]): ErrorIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function valueAt(input: unknown, path: readonly PathKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

const WORD_LIKE = /^[A-Za-z]?[a-z0-9 _.:-]*$/;

/** A short, secret-safe description of a value: its type, and its value only when short and not free text. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : `an array of ${value.length}`;
  if (typeof value === 'string') {
    if (value === '') return 'an empty string';
    // Only what reads like a word is quoted ("robot", "Critical"): digits may be a card, a code or
    // an account, and mixed case or symbols a password, so such a string is described, never quoted.
    return value.length <= 24 && WORD_LIKE.test(value) && (value.match(/\d/g)?.length ?? 0) <= 2
      ? `"${value}"`
      : `a string of ${value.length} characters`;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? `${value}` : `${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

function quoteList(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(' | ');
}

function describe(issue: ZodIssue, found: unknown): string {
  const foundText = describeValue(found);
  switch (issue.code) {
    case 'invalid_type':
      return found === undefined ? `expected ${issue.expected}, found nothing (required)` : `expected ${issue.expected}, found ${foundText}`;
    case 'invalid_value':
      return `expected ${quoteList(issue.values)}, found ${foundText}`;
    case 'too_small': {
      const bound = issue.inclusive === false ? 'more than' : 'at least';
      if (issue.origin === 'array') return `expected ${bound} ${issue.minimum} item(s), found ${foundText}`;
      if (issue.origin === 'string') return `expected ${bound} ${issue.minimum} character(s), found ${foundText}`;
      return `expected a number ${issue.inclusive === false ? '>' : '>='} ${issue.minimum}, found ${foundText}`;
    }
    case 'too_big': {
      const bound = issue.inclusive === false ? 'fewer than' : 'at most';
      if (issue.origin === 'array') return `expected ${bound} ${issue.maximum} item(s), found ${foundText}`;
      if (issue.origin === 'string') return `expected ${bound} ${issue.maximum} character(s), found ${foundText}`;
      return `expected a number ${issue.inclusive === false ? '<' : '<='} ${issue.maximum}, found ${foundText}`;
    }
    case 'invalid_format':
      // A pattern check given its own message says best what it wants.
      if (issue.format === 'regex' && !issue.message.startsWith('Invalid')) return `${issue.message}, found ${foundText}`;
      return `expected ${formatName(issue.format)}, found ${foundText}`;
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${quoteList(issue.keys)} (allowed keys are listed in the schema; put extra data in 'attributes')`;
    case 'invalid_union':
      if ('options' in issue && issue.discriminator !== undefined && issue.options !== undefined) {
        return `expected '${issue.discriminator}' to be ${quoteList(issue.options)}`;
      }
      return `expected one of the allowed shapes, found ${foundText}`;
    case 'custom':
      return issue.message;
    default:
      return issue.message;
  }
}

function formatName(format: string): string {
  switch (format) {
    case 'datetime':
      return 'an ISO 8601 date-time with offset, e.g. 2026-05-01T10:00:00Z';
    case 'date':
      return 'an ISO date, e.g. 2026-05-01';
    case 'regex':
      return 'text in the documented format';
    default:
      return `a valid ${format}`;
  }
}

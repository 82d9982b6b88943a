import { describeValue } from './schema/validate';
/** Stable codes of every error the library throws. */
export type WarmHandoffErrorCode = 'VALIDATION' | 'RULE_PACK' | 'SESSION' | 'CUSTOM_FACT' | 'INTERNAL';

/** One problem found in an input, located by a readable path such as `messages[3].role`. */
export interface ErrorIssue {
  readonly code: string;
  readonly path: string;
  readonly message: string;
}

const BRAND = Symbol.for('warm-handoff.error');

/** Base class of every error thrown by warm-handoff; `code` tells which kind it is. */
export class WarmHandoffError extends Error {
  readonly code: WarmHandoffErrorCode;
  readonly issues: readonly ErrorIssue[];

  constructor(code: WarmHandoffErrorCode, summary: string, issues: readonly ErrorIssue[] = []) {
    super(issues.length === 0 ? summary : `${summary}\n${formatIssues(issues)}`);
    this.name = 'WarmHandoffError';
    this.code = code;
    this.issues = Object.freeze([...issues]);
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/** Input (conversation, environment, message, options) did not match its schema. */
export class ValidationError extends WarmHandoffError {
  constructor(summary: string, issues: readonly ErrorIssue[]) {
    super('VALIDATION', summary, issues);
    this.name = 'ValidationError';
  }
}

/** A rule pack could not be read or is invalid; each issue path starts with the file name. */
export class RulePackError extends WarmHandoffError {
  constructor(summary: string, issues: readonly ErrorIssue[]) {
    super('RULE_PACK', summary, issues);
    this.name = 'RulePackError';
  }
}

/** A session was used in a way its state does not allow (for example a corrupt saved state). */
export class SessionError extends WarmHandoffError {
  constructor(summary: string, issues: readonly ErrorIssue[] = []) {
    super('SESSION', summary, issues);
    this.name = 'SessionError';
  }
}

/**
 * A custom fact given to `createEscalator({ facts })` threw, rejected or returned a value that
 * is not a fact value. `fact` names it, `rules` the rules that read it; `cause` is the
 * original error (a failure in your code, kept apart from the library's own errors).
 */
export class CustomFactError extends WarmHandoffError {
  readonly fact: string;
  readonly rules: readonly string[];

  constructor(fact: string, rules: readonly string[], problem: string, cause?: unknown) {
    super('CUSTOM_FACT', `Custom fact '${fact}' failed (read by ${rules.length === 0 ? 'no rule' : rules.map((r) => `'${r}'`).join(', ')})`, [
      { code: 'custom_fact', path: `facts.${fact}`, message: problem },
    ]);
    this.name = 'CustomFactError';
    this.fact = fact;
    this.rules = Object.freeze([...rules]);
    if (cause !== undefined) Object.defineProperty(this, 'cause', { value: cause, enumerable: false, writable: true, configurable: true });
  }
}

/**
 * Something failed inside the library that is not one of the errors above: a bug. Evaluations
 * throw nothing else, so callers handle one family of errors. The message names only the kind
 * of the original error (its text could hold input); `cause` is the original.
 */
export class InternalError extends WarmHandoffError {
  constructor(cause: unknown) {
    const kind = cause instanceof Error ? cause.name : typeof cause;
    super('INTERNAL', `Internal error in warm-handoff (${kind}); the original error is this error's cause`);
    this.name = 'InternalError';
    Object.defineProperty(this, 'cause', { value: cause, enumerable: false, writable: true, configurable: true });
  }
}

/** The error as the library throws it: its own errors unchanged, anything else as an {@link InternalError}. */
export function asLibraryError(error: unknown): WarmHandoffError {
  return isWarmHandoffError(error) ? error : new InternalError(error);
}

/** Formats issues one per line, `  path: message`. */
export function formatIssues(issues: readonly ErrorIssue[]): string {
  if (!Array.isArray(issues) || !issues.every((i) => typeof i === 'object' && i !== null)) {
    throw new ValidationError('Invalid issues: 1 problem', [{ code: 'invalid_type', path: '', message: `expected an array of issues, found ${describeValue(issues)}` }]);
  }
  return issues.map((i) => `  ${i.path === '' ? '(root)' : i.path}: ${i.message}`).join('\n');
}

/** True for any warm-handoff error, even one from another copy of the library (cross-realm safe). */
export function isWarmHandoffError(value: unknown): value is WarmHandoffError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/** True for a {@link ValidationError}, even from another copy of the library. */
export function isValidationError(value: unknown): value is ValidationError {
  return isWarmHandoffError(value) && value.code === 'VALIDATION';
}

/** True for a {@link RulePackError}, even from another copy of the library. */
export function isRulePackError(value: unknown): value is RulePackError {
  return isWarmHandoffError(value) && value.code === 'RULE_PACK';
}

/** True for a {@link CustomFactError}, even from another copy of the library. */
export function isCustomFactError(value: unknown): value is CustomFactError {
  return isWarmHandoffError(value) && value.code === 'CUSTOM_FACT';
}

/** True for an {@link InternalError}, even from another copy of the library. */
export function isInternalError(value: unknown): value is InternalError {
  return isWarmHandoffError(value) && value.code === 'INTERNAL';
}

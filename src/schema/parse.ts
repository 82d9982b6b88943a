import type { z } from 'zod';
import { ValidationError } from '../errors';
import { toErrorIssues } from './validate';

/** Parses `input` with `schema` or throws one {@link ValidationError} naming every bad path. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = toErrorIssues(result.error.issues, input);
  throw new ValidationError(`Invalid ${what}: ${issues.length} problem${issues.length === 1 ? '' : 's'}`, issues);
}

import { ValidationError } from '../errors';
import { describeValue } from './validate';

/**
 * Throws the error a public function gives for an argument of the wrong kind, so a caller
 * without types (plain JavaScript, data from JSON) gets a ValidationError naming what was
 * expected, not a TypeError from deep inside.
 */
export function invalidArgument(what: string, expected: string, value: unknown, path = ''): never {
  throw new ValidationError(`Invalid ${what}: 1 problem`, [{ code: 'invalid_type', path, message: `expected ${expected}, found ${describeValue(value)}` }]);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import type { Operator } from 'json-rules-engine';

/** Operators this library adds to json-rules-engine's own. */
export function customOperators(engine: typeof import('json-rules-engine')): Operator[] {
  return [
    new engine.Operator<unknown[], unknown[]>(
      'containsAny',
      (factValue, values) => Array.isArray(values) && values.some((v) => factValue.includes(v)),
      Array.isArray,
    ),
  ];
}

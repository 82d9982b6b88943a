import type { z } from 'zod';

/** zod's namespace, as the schema builders receive it. */
export type Zod = typeof z;

let loaded: Zod | undefined;
let forBuilders: Zod | undefined;

/**
 * zod, loaded on first use. Loading zod and building some eighty schemas took about 70 ms,
 * more than Node's own start-up; a caller that imports the library for its types, a helper or
 * the CLI's usage text should not pay that.
 */
export function zod(): Zod {
  loaded ??= (require('zod') as { z: Zod }).z;
  return loaded;
}

/**
 * zod as schema builders get it: its factory functions (`z.strictObject`, `z.array`, `z.union`,
 * `z.lazy`, ...) are handed the schemas themselves wherever a builder passes a stand-in, inside
 * shapes and lists too. zod tells recursive schemas and JSON Schema definitions apart by object
 * identity, which a stand-in does not share with its schema.
 */
export function zodForBuilders(): Zod {
  if (forBuilders === undefined) {
    const z = zod();
    const wrapped: Record<string, unknown> = {};
    for (const key of Object.keys(z)) {
      const value: unknown = (z as unknown as Record<string, unknown>)[key];
      // Factories only: capitalised names are zod's classes, for `instanceof` and `new`.
      if (typeof value === 'function' && /^[a-z]/.test(key)) {
        const factory = value as (...args: unknown[]) => unknown;
        // z.lazy's getter returns a schema; any other function argument (a check, a class for
        // z.instanceof) is passed as it is.
        const unwrap = key === 'lazy' ? unwrapGetter : unwrapArgument;
        wrapped[key] = (...args: unknown[]) => factory(...args.map(unwrap));
      } else {
        wrapped[key] = value;
      }
    }
    forBuilders = wrapped as unknown as Zod;
  }
  return forBuilders;
}

function unwrapGetter(value: unknown): unknown {
  if (typeof value !== 'function') return value;
  const getter = value as () => unknown;
  return () => unwrapSchema(getter());
}

function unwrapArgument(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unwrapSchema);
  if (typeof value === 'object' && value !== null && !builtOf.has(value) && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrapSchema(v)]));
  }
  return unwrapSchema(value);
}

const builtOf = new WeakMap<object, () => object>();
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * A schema built on first use. The value stands in for the schema everywhere: `.parse`, `.shape`,
 * `instanceof`, spreading, use inside other schemas. Its type is the schema's own, so
 * `z.infer<typeof X>` is unchanged.
 */
export function lazySchema<T extends object>(build: (z: Zod) => T): T {
  let schema: T | undefined;
  const built = (): T => (schema ??= build(zodForBuilders()));
  const handler: ProxyHandler<object> = {
    get: (_target, key) => Reflect.get(built(), key),
    set: (_target, key, value) => Reflect.set(built(), key, value),
    has: (_target, key) => Reflect.has(built(), key),
    ownKeys: () => Reflect.ownKeys(built()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(built(), key);
      // A proxy may not report a property as non-configurable when its own (empty) target lacks it.
      return descriptor === undefined ? undefined : { ...descriptor, configurable: true };
    },
    defineProperty: (_target, key, descriptor) => Reflect.defineProperty(built(), key, descriptor),
    deleteProperty: (_target, key) => Reflect.deleteProperty(built(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(built()),
  };
  // Node's util.inspect reads a proxy's target, not through the traps: show the schema, not `{}`.
  const target = { [INSPECT]: (_depth: number, options: object, inspect: (value: unknown, options: object) => string) => inspect(built(), options) };
  const stand = new Proxy(target, handler) as T;
  builtOf.set(stand, built);
  return stand;
}

/**
 * The schema itself behind a {@link lazySchema} stand-in (anything else is returned as is). zod
 * keeps descriptions and metadata in a registry keyed by the schema object, so JSON Schema
 * generation must see the schema, not its stand-in.
 */
export function unwrapSchema<T>(value: T): T {
  const built = typeof value === 'object' && value !== null ? builtOf.get(value) : undefined;
  return built === undefined ? value : (built() as T);
}

/**
 * The function `name` of the module that `load` requires, required on the first call. The
 * exporters, the feedback reports and tuning are about a third of the package's code and most
 * callers never run them; requiring them eagerly cost every import (every jest test file)
 * about 6 ms, a tenth of Node's own start-up.
 */
export function lazyFunction<M, K extends keyof M>(load: () => M, name: K): M[K] {
  let target: ((...args: unknown[]) => unknown) | undefined;
  const call = function (this: unknown, ...args: unknown[]): unknown {
    target ??= load()[name] as (...args: unknown[]) => unknown;
    return target.apply(this, args);
  };
  Object.defineProperty(call, 'name', { value: String(name) });
  return call as M[K];
}

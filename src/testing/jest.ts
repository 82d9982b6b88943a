// warm-handoff/jest: importing this module (or listing it in jest's setupFilesAfterEnv)
// registers the matchers and the packet snapshot serializer with jest's `expect`.
import { matchers, type WarmHandoffMatchers } from './matchers';
import { packetSerializer, type SnapshotSerializer } from './serializer';
// Brings jest's `expect` types into the program so the augmentation below has a module to extend.
import type {} from 'expect';

export { matchers, toEscalate, toEscalateWith, toEscalateAtTurn, toEscalateBetweenTurns } from './matchers';
export type { WarmHandoffMatchers, MatcherOptions, EscalationExpectation, EscalationAction, MatcherResult } from './matchers';
export { packetSerializer, createPacketSerializer, stablePacket } from './serializer';
export type { SnapshotSerializer, StablePacketOptions } from './serializer';

/** The part of jest's `expect` this module uses. */
interface ExpectLike {
  extend(matchers: Record<string, unknown>): void;
  addSnapshotSerializer(serializer: SnapshotSerializer): void;
}

function isExpect(value: unknown): value is ExpectLike {
  return typeof value === 'function' && typeof (value as Partial<ExpectLike>).extend === 'function';
}

/** Jest's `expect`: the global one, or `@jest/globals`' when globals are not injected. */
function jestExpect(): ExpectLike {
  const global = (globalThis as { expect?: unknown }).expect;
  if (isExpect(global)) return global;
  let fromGlobals: unknown;
  try {
    fromGlobals = (require('@jest/globals') as { expect?: unknown }).expect;
  } catch {
    fromGlobals = undefined;
  }
  if (isExpect(fromGlobals)) return fromGlobals;
  throw new Error(
    "warm-handoff/jest registers jest matchers and must be loaded inside a jest run: import it from a test file or list it in setupFilesAfterEnv. Outside jest, use the functions of 'warm-handoff/testing'.",
  );
}

const expect = jestExpect();
expect.extend(matchers);
expect.addSnapshotSerializer(packetSerializer);

declare module 'expect' {
  // Users of `@jest/globals` / `@jest/expect` get the matchers on `expect(...)`.
  interface Matchers<R extends void | Promise<void>, T = unknown> extends WarmHandoffMatchers<R> {}
}

declare global {
  namespace jest {
    // Users of `@types/jest` (the global `expect`) get them too.
    interface Matchers<R, T = {}> extends WarmHandoffMatchers<R> {}
  }
}

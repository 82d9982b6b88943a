import { invalidArgument, isPlainObject } from '../schema/argument';

/** Bounds, in user turns from 1, for when escalation may first trigger; either may be left open. */
export interface TurnWindow {
  readonly earliest?: number | undefined;
  readonly latest?: number | undefined;
}

/** How the first escalation sits against a window. */
export type TimingVerdict =
  | { readonly ok: true; readonly turn: number }
  | { readonly ok: false; readonly kind: 'too-early' | 'too-late' | 'never'; readonly turn: number | null; readonly problem: string };

/** Words for a window: "between turns 3 and 4", "at turn 3", "no earlier than turn 3", ... */
export function describeWindow(window: TurnWindow): string {
  if (!isPlainObject(window as unknown)) invalidArgument('turn window', 'an object { earliest?, latest? }', window);
  const { earliest, latest } = window;
  if (earliest !== undefined && latest !== undefined) return earliest === latest ? `at turn ${earliest}` : `between turns ${earliest} and ${latest}`;
  if (earliest !== undefined) return `no earlier than turn ${earliest}`;
  if (latest !== undefined) return `no later than turn ${latest}`;
  return 'at any turn';
}

/**
 * Checks the first escalation turn (null: never escalated) against the window. Premature and
 * late escalation are both failures, each with its own message.
 */
export function checkTiming(firstTurn: number | null, window: TurnWindow): TimingVerdict {
  if (firstTurn !== null && typeof firstTurn !== 'number') invalidArgument('first escalation turn', 'a user turn number or null', firstTurn);
  if (!isPlainObject(window as unknown)) invalidArgument('turn window', 'an object { earliest?, latest? }', window);
  const { earliest, latest } = window;
  if (firstTurn === null) {
    return { ok: false, kind: 'never', turn: null, problem: `turn: expected escalation ${describeWindow(window)}, got none` };
  }
  if (earliest !== undefined && firstTurn < earliest) {
    return {
      ok: false,
      kind: 'too-early',
      turn: firstTurn,
      problem: `turn: escalated too early, at turn ${firstTurn} (earliest allowed ${earliest})`,
    };
  }
  if (latest !== undefined && firstTurn > latest) {
    return {
      ok: false,
      kind: 'too-late',
      turn: firstTurn,
      problem: `turn: escalated too late, at turn ${firstTurn} (latest allowed ${latest})`,
    };
  }
  return { ok: true, turn: firstTurn };
}

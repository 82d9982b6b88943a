// Type tests for the testing kit: `npm run typecheck` compiles this file (jest never runs it).
// Each `@ts-expect-error` line must fail to type-check, or the typecheck fails.
import { expect as globalsExpect } from '@jest/globals';
import '../../src/testing/jest';
import { matchers, packetSerializer, type EscalationExpectation, type WarmHandoffMatchers } from '../../src/testing/jest';
import { conversation, replay, type TurnDecision } from '../../src/testing';
import { createEscalator } from '../../src/escalator';

export async function globalExpect(): Promise<void> {
  const conv = conversation().user('hi');
  // The global `expect` of @types/jest knows the matchers, their .not forms and their options.
  await expect(conv).toEscalate();
  await expect(conv.build()).toEscalate({ escalator: createEscalator() });
  await expect(conv).toEscalateWith({ reason: 'human_request', priority: 'urgent', queue: 'fraud', action: 'ticket' });
  await expect(conv).not.toEscalateAtTurn(2);
  await expect(conv).toEscalateBetweenTurns(1, 3, { environment: { agentsAvailable: 0 } });

  // @ts-expect-error 'critical' is not a priority
  await expect(conv).toEscalateWith({ priority: 'critical' });
  // @ts-expect-error 'continue' is not an action that escalates
  await expect(conv).toEscalateWith({ action: 'continue' });
  // @ts-expect-error unknown field
  await expect(conv).toEscalateWith({ prio: 'high' });
  // @ts-expect-error a reason is a string
  await expect(conv).toEscalateWith({ reason: 42 });
  // @ts-expect-error a turn is a number
  await expect(conv).toEscalateAtTurn('2');
  // @ts-expect-error both bounds are needed
  await expect(conv).toEscalateBetweenTurns(1);
  // @ts-expect-error the options are { environment?, escalator? }
  await expect(conv).toEscalate({ rules: [] });
  // @ts-expect-error the environment is checked too
  await expect(conv).toEscalate({ environment: { agentsAvailable: 'none' } });
}

export async function jestGlobalsExpect(): Promise<void> {
  const conv = conversation().user('hi');
  // `expect` from @jest/globals (the `expect` package's Matchers) knows them too.
  await globalsExpect(conv).toEscalateWith({ priority: 'high' });
  await globalsExpect(conv).not.toEscalate();
  const pending: Promise<void> = globalsExpect(conv).toEscalateAtTurn(1);
  await pending;
  // @ts-expect-error 'critical' is not a priority
  await globalsExpect(conv).toEscalateWith({ priority: 'critical' });
  // @ts-expect-error the turn is required
  await globalsExpect(conv).toEscalateAtTurn();
  // @ts-expect-error not a matcher of ours
  await globalsExpect(conv).toEscalateSoon();
}

export function serializerAndBuilder(): void {
  // The matchers fit both expects' extend, for users who register them by hand.
  expect.extend(matchers);
  globalsExpect.extend(matchers);
  // The serializer fits both expects' addSnapshotSerializer.
  expect.addSnapshotSerializer(packetSerializer);
  globalsExpect.addSnapshotSerializer(packetSerializer);

  // @ts-expect-error an intent confidence is a number
  conversation().user('x').intent('greeting', 'high');
  // @ts-expect-error the role comes from the method
  conversation().user('x', { role: 'bot' });
  // @ts-expect-error customers have no `vip` flag; use `tier`
  conversation().customer({ vip: true });
  // @ts-expect-error the environment is typed
  conversation().env({ agents: 2 });

  const expected: EscalationExpectation = { reason: 'fraud' };
  const withFields: WarmHandoffMatchers<void>['toEscalateWith'] = async () => undefined;
  void expected;
  void withFields;
}

export async function replayTypes(): Promise<number> {
  const turns: TurnDecision[] = await replay(conversation().user('hi'), { environment: { agentsAvailable: 1 } });
  // @ts-expect-error the decision is read-only data, not a function
  turns[0]?.decision();
  return turns[0]?.turn ?? 0;
}

// warm-handoff/testing: build conversations, replay them turn by turn, run scenario files.
export { conversation, ConversationBuilder, isConversationBuilder, DEFAULT_CONVERSATION_ID } from './builder';
export type { ConversationLike, MessageExtra } from './builder';

export { replay, firstEscalationTurn, defaultEscalator } from './replay';
export type { ReplayOptions, TurnDecision } from './replay';

export { checkTiming, describeWindow } from './timing';
export type { TurnWindow, TimingVerdict } from './timing';

export { explain, nearMisses, factsReadBy, NEAR_RATIO } from './explain';
export type { NearMiss, ConditionCheck } from './explain';

export { matchers, toEscalate, toEscalateWith, toEscalateAtTurn, toEscalateBetweenTurns } from './matchers';
export type {
  WarmHandoffMatchers,
  MatcherOptions,
  MatcherResult,
  MatcherContextLike,
  EscalationExpectation,
  EscalationAction,
} from './matchers';

export { packetSerializer, createPacketSerializer, stablePacket, isHandoffPacket, placeholder } from './serializer';
export type { SnapshotSerializer, StablePacketOptions } from './serializer';

export { compareWithExpectation } from './check-scenario';
export { runScenario, runScenarios, readScenario, scenarioFiles, escalatorForScenario } from './run-scenarios';
export type { ScenarioOutcome, ScenarioRunOptions } from './run-scenarios';
export { ScenarioSchema, ExpectationSchema } from '../schema/scenario';
export type { Scenario, ScenarioInput, Expectation } from '../schema/scenario';
export { scenarioJsonSchema } from '../json-schemas';

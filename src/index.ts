import { lazyFunction } from './lazy-function';

export { createEscalator } from './escalator';
export type { Escalator, EscalatorOptions, Session, TurnResult, SafeResult } from './escalator';
export { DEFAULT_LIMITS } from './limits';
export type { Limits } from './limits';
export type { CustomFact, CustomFactContext } from './facts/custom';

// The analysis and the packet are required on first call, as the escalator requires them on its
// first evaluation (see lazy-function.ts): most of the package's code, compiled only when used.
const analysis = (): typeof import('./analysis/analyze-message') => require('./analysis/analyze-message');
const packet = (): typeof import('./packet/build-packet') => require('./packet/build-packet');
const redaction = (): typeof import('./packet/redact') => require('./packet/redact');
/**
 * Everything the library reads from one message on its own. Customer messages get every
 * detector; bot messages only bot-failure and tokens; agent and system messages only tokens.
 */
export const analyzeMessage = lazyFunction(analysis, 'analyzeMessage');
/**
 * The analysis of a customer message with this text.
 * @example analyzeText('this is NOT what I asked for!!').sentiment.label // 'negative'
 */
export const analyzeText = lazyFunction(analysis, 'analyzeText');
export type { AnalysisOptions } from './analysis/options';

export { loadRulePack, loadRiskWeights, RISK_WEIGHTS_FILE } from './rules/load-pack';
export { parseRulePack } from './rules/parse-pack';
export type { RuleSource, RulePackOptions } from './rules/parse-pack';
export { defaultRulePack, defaultRiskWeights, DEFAULT_RULES_DIR } from './rules/default-pack';
export { riskOf, riskFeatures, RiskWeightsSchema, RiskMetricsSchema, HAND_SET_RISK_WEIGHTS, RISK_FEATURES, RISK_FEATURE_NAMES } from './decision/risk';
export type { RiskWeights, RiskWeightsInput, RiskMetrics, RiskFitInfo, RiskFeature, RiskFeatureName } from './decision/risk';

/** The warm handoff packet for the agent; deterministic, redacted, and valid against `HandoffPacketSchema`. */
export const buildPacket = lazyFunction(packet, 'buildPacket');
export type { PacketInput } from './packet/types';
/** Replace cards, CVVs, IBANs, SSNs, passwords and one-time codes by `[kind]` placeholders. */
export const redactText = lazyFunction(redaction, 'redactText');

// Exporters, feedback reports and tuning are required on first call (see lazy-function.ts).
const botFramework = (): typeof import('./export/bot-framework') => require('./export/bot-framework');
const sunshine = (): typeof import('./export/sunshine') => require('./export/sunshine');
const dialogflowCx = (): typeof import('./export/dialogflow-cx') => require('./export/dialogflow-cx');
const textExport = (): typeof import('./export/text') => require('./export/text');
const measureModule = (): typeof import('./feedback/measure') => require('./feedback/measure');
const riskModel = (): typeof import('./feedback/risk-model') => require('./feedback/risk-model');
const htmlReport = (): typeof import('./feedback/html-report') => require('./feedback/html-report');
const tuneModule = (): typeof import('./feedback/tune') => require('./feedback/tune');

export { BOT_FRAMEWORK_HANDOFF_INITIATE, SUNSHINE_METADATA_MAX_BYTES } from './export/names';
/** The packet as a Bot Framework `handoff.initiate` event activity. */
export const toBotFrameworkHandoff = lazyFunction(botFramework, 'toBotFrameworkHandoff');
export type {
  BotFrameworkHandoffActivity,
  BotFrameworkHandoffOptions,
  BotFrameworkHandoffContext,
  BotFrameworkTranscriptActivity,
  BotFrameworkTranscriptAttachment,
  BotFrameworkAccount,
  BotFrameworkConversation,
  BotFrameworkConversationReference,
  BotFrameworkReferenceInput,
} from './export/bot-framework';
/** The packet as the body of a Sunshine Conversations `passControl` call. */
export const toSunshinePassControl = lazyFunction(sunshine, 'toSunshinePassControl');
export type { SunshinePassControlBody, SunshinePassControlOptions } from './export/sunshine';
/** The packet as a Dialogflow CX live agent handoff response message. */
export const toDialogflowCxLiveAgentHandoff = lazyFunction(dialogflowCx, 'toDialogflowCxLiveAgentHandoff');
export type { DialogflowCxLiveAgentHandoff, DialogflowCxHandoffMetadata, DialogflowCxHandoffOptions } from './export/dialogflow-cx';
/** The packet as plain text for an agent desk's note field. */
export const toPlainText = lazyFunction(textExport, 'toPlainText');
/** The packet as Markdown. */
export const toMarkdown = lazyFunction(textExport, 'toMarkdown');
/** A sentiment history as a one-line sparkline. */
export const sentimentSparkline = lazyFunction(textExport, 'sentimentSparkline');
export type { TextExportOptions } from './export/text';
export type { JsonValue } from './export/common';

export {
  WarmHandoffError,
  ValidationError,
  RulePackError,
  SessionError,
  CustomFactError,
  InternalError,
  isWarmHandoffError,
  isCustomFactError,
  isValidationError,
  isRulePackError,
  isInternalError,
  formatIssues,
} from './errors';
export type { ErrorIssue, WarmHandoffErrorCode } from './errors';

export { FACTS, FactNameSchema } from './schema/facts';
export type { FactName, Facts } from './schema/facts';

export { ConversationSchema, MessageSchema, CustomerSchema, IntentSchema, RoleSchema } from './schema/conversation';
export type { Conversation, ConversationInput, Message, Customer, Intent, Role } from './schema/conversation';
export { EnvironmentSchema, BusinessHoursSchema, QueueStatusSchema } from './schema/environment';
export type { Environment, EnvironmentInput, BusinessHours, QueueStatus } from './schema/environment';
export { MessageAnalysisSchema } from './schema/analysis';
export type { MessageAnalysis, Sentiment, HumanRequest, Frustration, FrustrationSignal, TopicMatch, SensitiveTopic } from './schema/analysis';
export { RulePackSchema, RuleSchema, OperatorSchema } from './schema/rule-pack';
export type { RulePack, Rule, RuleEvent, Operator, Condition } from './schema/rule-pack';
export { DecisionSchema, ReasonSchema, EvidenceSchema, ActionSchema, PrioritySchema } from './schema/decision';
export type { Decision, Reason, Evidence, Action, Priority } from './schema/decision';
export { HandoffPacketSchema, PACKET_VERSION } from './schema/packet';
export type { HandoffPacket, Entity, TranscriptLine, RedactionKind, Truncation } from './schema/packet';
export { TraceSchema } from './schema/trace';
export type { Trace, RuleOutcome, ConditionOutcome } from './schema/trace';
export { EvaluationResultSchema } from './schema/result';
export type { EvaluationResult } from './schema/result';
export { ScenarioSchema, ExpectationSchema } from './schema/scenario';
export type { Scenario, ScenarioInput, Expectation } from './schema/scenario';
export { SessionStateSchema } from './session-state';
export type { SessionState, SessionInfo, SessionInfoInput } from './session-state';
export { packetJsonSchema, decisionJsonSchema, scenarioJsonSchema, conversationJsonSchema } from './json-schemas';

/** Replays conversations turn by turn and scores the escalations against agent outcomes. */
export const measure = lazyFunction(measureModule, 'measure');
export type { MeasureOptions } from './feedback/measure';
export { OutcomeSchema, OutcomeKindSchema, parseOutcomesJsonl } from './feedback/outcome';
export type { Outcome, OutcomeInput, OutcomeKind } from './feedback/outcome';
export { MeasureReportSchema } from './feedback/report';
export type { MeasureReport, GapGroup, GapExample, RuleStats, Timing } from './feedback/report';
/** Fits the risk weights to labelled conversations. */
export const fitRiskWeights = lazyFunction(riskModel, 'fitRiskWeights');
export type { FitRiskOptions, RiskFitReport, RiskExample, RiskExampleCounts } from './feedback/risk-model';
/** The measure report (and tuning results) as one self-contained HTML page. */
export const renderHtmlReport = lazyFunction(htmlReport, 'renderHtmlReport');
export type { HtmlReportInput } from './feedback/html-report';
/** Tunes the pack's tunable thresholds on labelled conversations. */
export const tune = lazyFunction(tuneModule, 'tune');
export type { TuneOptions, TuneResult } from './feedback/tune';
export { TuneReportSchema, ObjectiveSchema } from './feedback/tune-report';
export type { TuneReport, Objective, Score, TunedNumber, Curve } from './feedback/tune-report';

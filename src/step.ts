import type { Message } from './schema/conversation';
import type { Environment } from './schema/environment';
import type { EvaluationResult } from './schema/result';
import type { RulePack } from './schema/rule-pack';
import type { AnalysisOptions } from './analysis/options';
import { analyzeMessage } from './analysis/analyze-message';
import { reduceFacts, resetSignals } from './facts/reduce';
import { attributeFacts, toFacts } from './facts/to-facts';
import { runRules } from './rules/run-rules';
import { decide } from './decision/decide';
import { buildPacket } from './packet/build-packet';
import { frustrationLevel } from './facts/to-facts';
import type { SessionState } from './session-state';

/** Settings shared by every evaluation of one escalator. */
export interface StepConfig {
  readonly pack: RulePack;
  readonly analysis: AnalysisOptions;
  readonly watchRisk: number;
}

/**
 * One message through the whole pipeline: analyse, fold into the facts, run the rules,
 * decide, and build the packet when escalating. Returns the next state; never mutates.
 */
export async function step(
  state: SessionState,
  message: Message,
  environment: Environment,
  config: StepConfig,
  options: { readonly packet: boolean } = { packet: true },
): Promise<{ state: SessionState; result: EvaluationResult }> {
  const index = state.messages.length;
  const analysis = analyzeMessage(message, config.analysis);
  let facts = reduceFacts(state.facts, message, analysis, index);
  const context = { customer: state.info.customer, channel: state.info.channel, attributes: state.info.attributes, environment };
  const factValues = toFacts(facts, context);
  const allFacts = { ...attributeFacts(state.info.attributes), ...factValues };
  const fired = await runRules(config.pack, allFacts);
  const outcome = decide({
    fired,
    facts: factValues,
    evidence: facts.evidence,
    latch: state.latch,
    previousRisk: state.risk,
    turn: facts.userTurns,
    environment,
    customer: state.info.customer,
    channel: state.info.channel,
    watchRisk: config.watchRisk,
  });
  if (outcome.reset) facts = resetSignals(facts);
  const next: SessionState = {
    ...state,
    messages: [...state.messages, message],
    analyses: [...state.analyses, { ...analysis, sentiment: { ...analysis.sentiment, contributions: [] } }],
    facts,
    latch: outcome.latch,
    risk: outcome.decision.risk,
  };
  const result: EvaluationResult = {
    decision: outcome.decision,
    trace: {
      turn: facts.userTurns,
      messageIndex: index,
      facts: allFacts,
      rules: fired.map((f) => f.outcome),
      notes: outcome.notes,
    },
  };
  if (options.packet && outcome.decision.escalate) {
    result.packet = buildPacket({
      conversationId: state.info.conversationId,
      channel: state.info.channel,
      locale: state.info.locale,
      customer: state.info.customer,
      messages: next.messages,
      analyses: next.analyses,
      decision: outcome.decision,
      frustration: { score: factValues['frustration.score'], level: frustrationLevel(facts.frustration) },
      sentimentTrend: factValues['sentiment.trend'],
      now: environment.now,
    });
  }
  return { state: next, result };
}

import type { FrustrationSignalKind, MessageAnalysis, SensitiveTopic } from '../../src/schema/analysis';
import type { Decision, Reason } from '../../src/schema/decision';
import type { Message } from '../../src/schema/conversation';

/** Options for {@link analysis}: only what a test cares about; everything else is calm and neutral. */
export interface AnalysisOverrides {
  readonly score?: number;
  readonly humanRequest?: boolean;
  readonly signals?: readonly [FrustrationSignalKind, string][];
  readonly topics?: readonly [SensitiveTopic, string][];
  readonly botFailure?: 'flag' | 'text' | 'low_confidence';
  readonly resolution?: boolean;
  readonly tokens?: readonly string[];
}

export function analysis(overrides: AnalysisOverrides = {}): MessageAnalysis {
  const score = overrides.score ?? 0;
  const signals = (overrides.signals ?? []).map(([kind, excerpt]) => ({ kind, excerpt }));
  return {
    sentiment: {
      score,
      label: score <= -0.05 ? 'negative' : score >= 0.05 ? 'positive' : 'neutral',
      contributions: [],
    },
    humanRequest: overrides.humanRequest ? { detected: true, excerpt: 'a person', pattern: 'verb + person' } : { detected: false },
    frustration: { signals, score: Math.min(1, signals.length * 0.3) },
    topics: (overrides.topics ?? []).map(([topic, excerpt]) => ({ topic, excerpt })),
    resolution: { detected: overrides.resolution ?? false },
    botFailure: overrides.botFailure ? { detected: true, kind: overrides.botFailure } : { detected: false },
    tokens: [...(overrides.tokens ?? [])],
  };
}

export const user = (text: string, extra: Partial<Message> = {}): Message => ({ ...extra, role: 'user', text });
export const bot = (text: string, extra: Partial<Message> = {}): Message => ({ ...extra, role: 'bot', text });

export function reason(overrides: Partial<Reason> = {}): Reason {
  return {
    rule: 'human-request',
    reason: 'human_request',
    description: 'The customer asked for a person.',
    priority: 'high',
    evidence: [],
    ...overrides,
  };
}

export function decision(overrides: Partial<Decision> = {}): Decision {
  return {
    escalate: true,
    action: 'handoff',
    priority: 'high',
    queue: 'general',
    risk: 0.8,
    reasons: [reason()],
    customerMessage: 'Connecting you to a person now.',
    triggeredAtTurn: 2,
    suppressed: [],
    ...overrides,
  };
}

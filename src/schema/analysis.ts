import type { z } from 'zod';
import { lazySchema } from './lazy-schema';

export const SentimentLabelSchema = lazySchema((z) => z.enum(['negative', 'neutral', 'positive']));

/** One word or pattern that moved a score, kept so a result can say why. */
export const ContributionSchema = lazySchema((z) => z.strictObject({
  token: z.string(),
  /** Signed weight this token added to the raw score after negation, intensity and contrast. */
  weight: z.number(),
  /** Why the weight differs from the lexicon value, e.g. `negated by "not"`, `intensified by "very"`, `after "but"`. */
  note: z.string().optional(),
}));

export const SentimentSchema = lazySchema((z) => z.strictObject({
  /** -1 (very negative) to 1 (very positive). */
  score: z.number().min(-1).max(1),
  label: SentimentLabelSchema,
  contributions: z.array(ContributionSchema),
}));

export const HumanRequestSchema = lazySchema((z) => z.strictObject({
  detected: z.boolean(),
  /** The words that asked for a person, when detected. */
  excerpt: z.string().optional(),
  /**
   * Which kind of phrasing matched, e.g. `verb + person`, `person + please`; or, when no phrase
   * frame matched and the request model found one, `model: ` and the features that weighed most
   * (`model: can you + put me through`).
   */
  pattern: z.string().optional(),
}));

export const FrustrationSignalKindSchema = lazySchema((z) => z.enum([
  'shouting',
  'punctuation',
  'insult',
  'profanity',
  'phrase',
  'urgency',
  'rejection',
  'correction',
  'complaint',
]));

export const FrustrationSignalSchema = lazySchema((z) => z.strictObject({
  kind: FrustrationSignalKindSchema,
  excerpt: z.string(),
}));

export const FrustrationSchema = lazySchema((z) => z.strictObject({
  signals: z.array(FrustrationSignalSchema),
  /** 0 (calm) to 1 (furious), from this message alone. */
  score: z.number().min(0).max(1),
}));

export const SensitiveTopicSchema = lazySchema((z) => z.enum([
  'fraud',
  'account_compromise',
  'bereavement',
  'legal',
  'safety',
  'cancellation',
]));

export const TopicMatchSchema = lazySchema((z) => z.strictObject({
  topic: SensitiveTopicSchema,
  excerpt: z.string(),
}));

export const BotFailureKindSchema = lazySchema((z) => z.enum(['flag', 'text', 'low_confidence']));

export const BotFailureSchema = lazySchema((z) => z.strictObject({
  detected: z.boolean(),
  kind: BotFailureKindSchema.optional(),
  excerpt: z.string().optional(),
}));

export const ResolutionSchema = lazySchema((z) => z.strictObject({
  /** The customer says the problem is solved or they need nothing more. */
  detected: z.boolean(),
  excerpt: z.string().optional(),
}));

/** Everything the library reads from one message on its own. */
export const MessageAnalysisSchema = lazySchema((z) => z.strictObject({
  sentiment: SentimentSchema,
  humanRequest: HumanRequestSchema,
  frustration: FrustrationSchema,
  topics: z.array(TopicMatchSchema),
  resolution: ResolutionSchema,
  botFailure: BotFailureSchema,
  /** Normalised content tokens (lower case, stemmed, stop words removed), used to spot repetition. */
  tokens: z.array(z.string()),
}));

export type SentimentLabel = z.infer<typeof SentimentLabelSchema>;
export type Contribution = z.infer<typeof ContributionSchema>;
export type Sentiment = z.infer<typeof SentimentSchema>;
export type HumanRequest = z.infer<typeof HumanRequestSchema>;
export type FrustrationSignalKind = z.infer<typeof FrustrationSignalKindSchema>;
export type FrustrationSignal = z.infer<typeof FrustrationSignalSchema>;
export type Frustration = z.infer<typeof FrustrationSchema>;
export type SensitiveTopic = z.infer<typeof SensitiveTopicSchema>;
export type TopicMatch = z.infer<typeof TopicMatchSchema>;
export type BotFailureKind = z.infer<typeof BotFailureKindSchema>;
export type BotFailure = z.infer<typeof BotFailureSchema>;
export type Resolution = z.infer<typeof ResolutionSchema>;
export type MessageAnalysis = z.infer<typeof MessageAnalysisSchema>;

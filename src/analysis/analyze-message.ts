import type { MessageAnalysis, Sentiment } from '../schema/analysis';
import type { Message } from '../schema/conversation';
import { detectBotFailure } from './bot-failure';
import { detectFrustration } from './frustration';
import { detectHumanRequest } from './human-request';
import { contentTokens, prepare } from './normalize';
import { DEFAULT_ANALYSIS_OPTIONS, type AnalysisOptions } from './options';
import { detectResolution } from './resolution';
import { analyzeSentiment } from './sentiment';
import { detectTopics } from './topics';
import { invalidArgument, isPlainObject } from '../schema/argument';

function neutralSentiment(): Sentiment {
  return { score: 0, label: 'neutral', contributions: [] };
}

/**
 * Everything the library reads from one message on its own. Customer messages get every
 * detector; bot messages only bot-failure and tokens (to spot a bot repeating itself);
 * agent and system messages only tokens. Without `explain`, the sentiment lists no contributions.
 */
export function analyzeMessage(message: Message, options: AnalysisOptions = DEFAULT_ANALYSIS_OPTIONS, explain = true): MessageAnalysis {
  if (typeof message !== 'object' || message === null) invalidArgument('message', 'an object with `role` and `text`', message);
  if (typeof message.text !== 'string') invalidArgument('message', 'a string', message.text, 'text');
  const p = prepare(message.text);
  const tokens = contentTokens(p);
  if (message.role === 'user') {
    const sentiment = analyzeSentiment(p, explain);
    return {
      sentiment,
      humanRequest: detectHumanRequest(p),
      frustration: detectFrustration(p, sentiment.score),
      topics: detectTopics(p),
      resolution: detectResolution(p),
      botFailure: detectBotFailure(message, options, p),
      tokens,
    };
  }
  return {
    sentiment: neutralSentiment(),
    humanRequest: { detected: false },
    frustration: { signals: [], score: 0 },
    topics: [],
    resolution: { detected: false },
    botFailure: message.role === 'bot' ? detectBotFailure(message, options, p) : { detected: false },
    tokens,
  };
}

/**
 * The analysis of a customer message with this text.
 * @example analyzeText('this is NOT what I asked for!!').sentiment.label // 'negative'
 */
export function analyzeText(text: string, options: AnalysisOptions = DEFAULT_ANALYSIS_OPTIONS): MessageAnalysis {
  if (typeof text !== 'string') invalidArgument('text', 'a string', text);
  if (!isPlainObject(options)) invalidArgument('analysis options', 'an object such as { lowConfidence }', options);
  return analyzeMessage({ role: 'user', text }, options);
}

/**
 * Word valences on VADER's -4..4 scale: the VADER lexicon, loaded on first use, under a
 * small set of customer-service corrections.
 */

// A type-only reference: it makes tsc copy the data file next to the compiled code
// without loading it at import time.
type LexiconFile = typeof import('./data/vader-lexicon.json');

let vader: ReadonlyMap<string, number> | undefined;

/** The VADER lexicon (see data/README.md), parsed once on the first sentiment call. */
export function vaderLexicon(): ReadonlyMap<string, number> {
  if (vader === undefined) {
    // Lazy on purpose: 7,500 entries cost about a millisecond to parse, and importing the
    // library must stay cheap for callers who never score sentiment.
    const raw: Readonly<Record<string, unknown>> = require('./data/vader-lexicon.json') as LexiconFile;
    const map = new Map<string, number>();
    for (const [token, value] of Object.entries(raw)) {
      if (typeof value === 'number') map.set(token, value);
    }
    vader = map;
  }
  return vader;
}

/*
 * Where VADER, built on social media text, reads a service conversation wrongly.
 * A value of 0 removes the word from scoring.
 */
const DOMAIN_VALENCE: ReadonlyMap<string, number> = new Map([
  // Requests and politeness: "I need help", "please", "support" ask for service; they
  // say nothing about how the customer feels, yet VADER scores them up to +1.7.
  ['help', 0],
  ['please', 0],
  ['support', 0],
  ['care', 0],
  ['want', 0],
  ['wish', 0],
  ['dear', 0],
  ['sure', 0],
  ['well', 0],
  ['matter', 0],
  // Answers to the bot's questions: "yes", "no" and "ok" confirm or deny a fact.
  ['yes', 0],
  ['no', 0],
  ['ok', 0.3],
  ['okay', 0.3],
  ['true', 0],
  // Banking and account vocabulary that names products, not feelings: "credit card",
  // "interest rate", "save my card", "reward points", "gift card", "security question",
  // "order number".
  ['credit', 0],
  ['number', 0],
  ['interest', 0],
  ['save', 0],
  ['saving', 0],
  ['savings', 0],
  ['reward', 0],
  ['rewards', 0],
  ['bonus', 0],
  ['gift', 0],
  ['benefit', 0],
  ['benefits', 0],
  ['security', 0],
  ['secure', 0],
  ['free', 0],
  ['share', 0],
  ['clear', 0],
  ['pay', 0],
  // Tasks the customer asks for: "cancel", "block my card" are requests, not complaints
  // (churn is a topic, detected separately).
  ['cancel', 0],
  ['cancelled', 0],
  ['block', 0],
  ['blocked', -0.8],
  // Modifiers handled by the scorer itself; their own valence would count twice.
  ['kind', 0],
  ['pretty', 0],
  ['like', 1.5],
  ['honestly', 0],
  ['seriously', -0.5],
  // Words whose sign flips in complaints: "this is a joke", "unbelievable", "ha".
  ['joke', -1.5],
  ['unbelievable', -1.5],
  ['ha', 0],
  ['hah', 0],
  // Urgency is a frustration signal of its own; VADER scores "urgent" +0.8.
  ['urgent', 0],
  ['fire', 0],
  ['fine', 0.3],
  ['interested', 0.5],
]);

/** The valence of one lower-case word, or undefined when neither table knows it. */
export function wordValence(word: string): number | undefined {
  const override = DOMAIN_VALENCE.get(word);
  if (override !== undefined) return override === 0 ? undefined : override;
  return vaderLexicon().get(word);
}

/** The valence of an emoticon as typed (":D" and ":d" differ), or undefined. */
export function emoticonValence(face: string): number | undefined {
  const lexicon = vaderLexicon();
  return lexicon.get(face) ?? lexicon.get(face.toLowerCase());
}

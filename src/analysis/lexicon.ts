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
  // say nothing about how the customer feels, yet VADER scores them up to +1.7. ("care",
  // "well", "yes" and "no" get their feeling back in context: see sentiment.ts.)
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
  ['laughable', -1.8],
  ['ha', 0],
  ['hah', 0],
  // Urgency is a frustration signal of its own; VADER scores "urgent" +0.8.
  ['urgent', 0],
  ['fire', 0],
  ['fine', 0.3],
  ['interested', 0.5],
]);

/*
 * Judgements VADER's lexicon lacks. VADER was rated on social-media vocabulary, and it has
 * few of the words people use to judge a product or a service: "flimsy", "unreliable",
 * "buggy". Each family below is a closed class of English evaluative words whose dictionary
 * sense is a negative judgement, written from that sense (not from any data), with a value
 * set by analogy to VADER's own entries of like strength ("poor" -2.1, "weak" -1.9,
 * "boring" -1.3, "defective" -1.9, "awful" -2.0, "horrid" -2.5).
 */
const JUDGEMENT_VALENCE: ReadonlyMap<string, number> = new Map([
  // Poor workmanship or quality, like "poor" and "defective".
  ['flimsy', -1.8], ['shoddy', -2.2], ['subpar', -1.8], ['sub-par', -1.8], ['substandard', -1.8], ['mediocre', -1.4],
  ['cheaply', -1.2], ['poorly', -1.8], ['junk', -2.0], ['junky', -2.0], ['garbage', -2.2], ['rubbish', -2.0],
  ['trash', -2.0], ['trashy', -1.8], ['unusable', -2.2], ['unreliable', -1.8], ['second-rate', -1.8],
  ['overpriced', -1.5], ['pointless', -1.5], ['lackluster', -1.5], ['lacklustre', -1.5],
  ['underwhelming', -1.5], ['atrocious', -2.8], ['abysmal', -2.8],
  // Software and devices that misbehave, like "faulty" and "crash".
  ['buggy', -1.8], ['glitchy', -1.6], ['glitch', -1.3], ['glitches', -1.3], ['laggy', -1.4],
  ['clunky', -1.3], ['unresponsive', -1.6], ['malfunction', -1.8], ['malfunctions', -1.8], ['malfunctioned', -1.8],
  ['malfunctioning', -1.8], ['crashed', -1.6], ['crashes', -1.5], ['crashing', -1.5], ['froze', -1.2], ['cracked', -1.3],
  // Work done badly by people, like "incompetent" and "rude".
  ['inept', -1.8], ['sloppy', -1.5], ['amateurish', -1.6], ['unhelpful', -1.8],
  ['incoherent', -1.5], ['nonsensical', -1.4],
  // Tedium, like "boring" and "dull".
  ['tedious', -1.4], ['tiresome', -1.4], ['bland', -1.2], ['forgettable', -1.2], ['unwatchable', -2.2], ['unbearable', -2.2],
  ['unfunny', -1.6], ['overrated', -1.2], ['cliched', -1.2], ['clichéd', -1.2], ['overacted', -1.4], ['overlong', -1.2],
  // Work without craft or sense, like "insipid" and "meaningless".
  ['cheesy', -1.2], ['corny', -1.2], ['contrived', -1.5], ['pretentious', -1.5], ['uninspired', -1.5], ['uninspiring', -1.4],
  ['unoriginal', -1.4], ['unimaginative', -1.4], ['uninteresting', -1.5], ['unremarkable', -1.0], ['unconvincing', -1.4],
  ['implausible', -1.3], ['lifeless', -1.6], ['soulless', -1.6], ['vapid', -1.6], ['banal', -1.3],
  ['incomprehensible', -1.6], ['unintelligible', -1.5], ['senseless', -1.6], ['stilted', -1.2], ['melodramatic', -1.0],
  ['cringeworthy', -1.8], ['cringey', -1.6], ['cringy', -1.6], ['unlikable', -1.4], ['unlikeable', -1.4], ['annoyingly', -1.6],
  // Slowness, like "sluggish" (-1.7): a service or a device judged too slow. Milder than
  // "sluggish", since "slow" also just describes ("a slow cooker", "slow down").
  ['slow', -1.1], ['slower', -1.1], ['slowest', -1.1], ['slowly', -0.6],
  // Faults and ordeals, like "faulty" (-1.3) and "fiasco" (-2.3).
  ['flawed', -1.5], ['nightmare', -2.3], ['nightmares', -2.3], ['nightmarish', -2.3], ['hassle', -1.3], ['ordeal', -1.8],
  // The inflections of "lack" (-1.3) that VADER leaves out: an absence is the complaint.
  ['lacks', -1.3], ['lacking', -1.3], ['lacked', -1.3],
]);

let valences: ReadonlyMap<string, number> | undefined;

/** The three tables as one, built on first use: the scorer asks several times per word. */
function valenceTable(): ReadonlyMap<string, number> {
  if (valences === undefined) {
    // VADER's own entry wins over ours, and a service correction over both.
    const map = new Map<string, number>(JUDGEMENT_VALENCE);
    for (const [word, value] of vaderLexicon()) map.set(word, value);
    for (const [word, value] of DOMAIN_VALENCE) {
      if (value === 0) map.delete(word);
      else map.set(word, value);
    }
    valences = map;
  }
  return valences;
}

/** The valence of one lower-case word, or undefined when neither table knows it. */
export function wordValence(word: string): number | undefined {
  return valenceTable().get(word);
}

/** The valence of an emoticon as typed (":D" and ":d" differ), or undefined. */
export function emoticonValence(face: string): number | undefined {
  const lexicon = vaderLexicon();
  return lexicon.get(face) ?? lexicon.get(face.toLowerCase());
}

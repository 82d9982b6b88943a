#!/usr/bin/env node
'use strict';
// Accuracy of warm-handoff's analysis against peers, every figure measured in the same run on the
// same data. Measuring only: nothing here is tuned to the data, and no rule or threshold below was
// chosen by looking at these results.
//
//   npm run eval                  one Markdown table
//   npm run eval -- --json        the same figures as JSON on stdout
//   npm run eval -- --data DIR    another data folder in the same formats (default ../shared/bench-data)
//   npm run eval -- --held-out    adds the UCI Yelp sentences from the `sentiment` package's own
//                                 validation fixtures, a source nothing here was tuned on: a check
//                                 that the sentiment figures generalise. Keep it that way: read
//                                 its figures, never its sentences. Also the lists of requests for a
//                                 person written for this project (bench/written-requests/).
//
// Data (formats in ../shared/bench-data/README.md), read at run time; sets are found by file name:
//   sentences-*.tsv           UCI sentences, `text<TAB>label` (1 positive, 0 negative), no header, no quoting
//   vader-*.jsonl             VADER ground truth, {"text","label"} with label the mean rating -4..+4
//   human-request.jsonl       {"text","label","intent",borderline?,label_conflict?}
//   dialog-satisfaction.jsonl {"id","turns":[{"role","text","label":[ratings]|null}]}
// A missing file leaves its group out (and says so on stderr).
// Runs against the built package (dist/): `npm run eval` builds first.
//
// Protocols, fixed before measuring:
// - Sentiment accuracy: a score >= 0 is positive (the peers' protocol). With the neutral band, rows
//   whose |score| < 0.05 are dropped first (on each method's own continuous score, listed below), and
//   the share kept is reported. Pearson r on the VADER sets against `label`, on the same scores.
// - Requests for a person: rows with `label_conflict` are skipped. Recall on label 1; false-positive
//   rate on label 0 without `borderline` rows; borderline rows are scored separately; hard negatives
//   are label-0, non-borderline rows whose intent matches /human|canthelp|complaint/i
//   (chitchat/ask_ishuman, check_human, canthelp, complaint in the default data).
// - Dissatisfaction: each dialog goes turn by turn, bot turns included, through one session of the
//   default escalator; at each user turn with ratings the gold is mean(ratings) <= 2. Ours: the
//   session's `frustration.level` after that turn is 'medium' or 'high' (frustration.score >= 0.4,
//   the documented bound of 'medium'). Variant: `decision.action !== 'continue'`. Baseline: VADER
//   compound <= -0.05 on the user turn's own text. The F1 is also given per source of the dialogs
//   (the file a dialog's `source` names, else its id without the number), with its ratio to the
//   baseline's F1 on the same dialogs.

const { readFileSync, readdirSync, existsSync } = require('node:fs');
const { join, resolve, basename } = require('node:path');
const { performance } = require('node:perf_hooks');

const root = join(__dirname, '..');
const lib = require(join(root, 'dist', 'index.js'));
const Sentiment = require('sentiment');
const winkSentiment = require('wink-sentiment');
const vader = require('vader-sentiment');
// natural by submodule only (never the top-level package).
const SentimentAnalyzer = require('natural/lib/natural/sentiment/SentimentAnalyzer');
const PorterStemmer = require('natural/lib/natural/stemmers/porter_stemmer');
const { WordTokenizer } = require('natural/lib/natural/tokenizers/regexp_tokenizer');

// ---------------------------------------------------------------------------------- arguments

const args = process.argv.slice(2);
const JSON_OUT = args.includes('--json');
const dataIndex = args.indexOf('--data');
if (dataIndex !== -1 && !args[dataIndex + 1]) {
  process.stderr.write('eval: --data needs a directory\n');
  process.exit(2);
}
const DATA_DIR = dataIndex !== -1 ? resolve(process.cwd(), args[dataIndex + 1]) : resolve(root, '..', 'shared', 'bench-data');
if (!existsSync(DATA_DIR)) {
  process.stderr.write(`eval: data directory not found: ${DATA_DIR} (use --data DIR)\n`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------- data

const lines = (file) => readFileSync(file, 'utf8').split('\n'); // \n only: U+0085 and \r stay in the text
const readJsonl = (file) =>
  lines(file)
    .map((l, i) => [l, i])
    .filter(([l]) => l.trim() !== '')
    .map(([l, i]) => {
      try {
        return JSON.parse(l);
      } catch (error) {
        throw new Error(`${file}:${i + 1}: ${error.message}`);
      }
    });

function readTsv(file) {
  const rows = [];
  for (const line of lines(file)) {
    if (line.trim() === '') continue;
    const tab = line.lastIndexOf('\t');
    if (tab === -1) throw new Error(`${file}: a line without a tab`);
    const label = Number(line.slice(tab + 1).trim());
    if (label !== 0 && label !== 1) throw new Error(`${file}: label ${JSON.stringify(line.slice(tab + 1))} is not 0 or 1`);
    rows.push({ text: line.slice(0, tab), label });
  }
  return rows;
}

const files = readdirSync(DATA_DIR).sort();
const setName = (f) => basename(f).replace(/\.(tsv|jsonl)$/, '');
const uciSets = files.filter((f) => /^sentences-.*\.tsv$/.test(f)).map((f) => ({ name: setName(f), rows: readTsv(join(DATA_DIR, f)) }));
const HELD_OUT = args.includes('--held-out');
if (HELD_OUT) {
  // The same sentences the `sentiment` package validates itself on (its README gives 0.696 on them).
  const yelp = require('sentiment/test/fixtures/yelp.json');
  const rows = yelp.filter((r) => r.class === 0 || r.class === 1).map((r) => ({ text: r.text, label: r.class }));
  uciSets.push({ name: 'held-out sentences-yelp', rows, heldOut: true });
}
const vaderSets = files.filter((f) => /^vader-.*\.jsonl$/.test(f)).map((f) => ({ name: setName(f), rows: readJsonl(join(DATA_DIR, f)) }));
const optional = (f) => {
  const p = join(DATA_DIR, f);
  if (existsSync(p)) return readJsonl(p);
  process.stderr.write(`eval: ${f} not in ${DATA_DIR}; its group is left out\n`);
  return null;
};
const humanRows = optional('human-request.jsonl');
const dialogs = optional('dialog-satisfaction.jsonl');
if (uciSets.length === 0) process.stderr.write(`eval: no sentences-*.tsv in ${DATA_DIR}\n`);
if (vaderSets.length === 0) process.stderr.write(`eval: no vader-*.jsonl in ${DATA_DIR}\n`);

// ---------------------------------------------------------------------------------- scorers

const sentimentPeer = new Sentiment();
const tokenizer = new WordTokenizer();
let naturalVocabulary = null;
let naturalAnalyzer = null;
for (const vocabulary of ['afinn', 'senticon', 'pattern']) {
  try {
    const a = new SentimentAnalyzer('English', PorterStemmer, vocabulary);
    a.getSentiment(['good']);
    naturalAnalyzer = a;
    naturalVocabulary = vocabulary;
    break;
  } catch (error) {
    process.stderr.write(`eval: natural '${vocabulary}' vocabulary failed to load (${String(error.message).split('\n')[0]}); trying the next\n`);
  }
}
if (!naturalAnalyzer) throw new Error('natural SentimentAnalyzer: no English vocabulary loads');

const num = (x) => (typeof x === 'number' && Number.isFinite(x) ? x : 0);

/** Each method's continuous score (its sign decides accuracy; the band and r use it as is). */
const SCORERS = {
  ours: (t) => num(lib.analyzeText(t).sentiment.score),
  sentiment: (t) => num(sentimentPeer.analyze(t).comparative),
  wink: (t) => num(winkSentiment(t).normalizedScore),
  vader: (t) => num(vader.SentimentIntensityAnalyzer.polarity_scores(t).compound),
  natural: (t) => {
    const tokens = tokenizer.tokenize(t.toLowerCase());
    return tokens.length === 0 ? 0 : num(naturalAnalyzer.getSentiment(tokens));
  },
};
const KEYWORD = /\b(human|agent|person|representative|operator|someone|manager)\b/i;

const COLUMNS = [
  ['ours', 'ours'],
  ['sentiment', 'sentiment (comparative)'],
  ['wink', 'wink-sentiment (normalizedScore)'],
  ['vader', 'vader-sentiment (compound)'],
  ['natural', `natural SentimentAnalyzer (${naturalVocabulary})`],
  ['keyword', 'keyword baseline'],
];

// ---------------------------------------------------------------------------------- metrics

const BAND = 0.05;
const ratio = (a, b) => (b === 0 ? NaN : a / b);

function pearson(xs, ys) {
  const n = xs.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i];
    my += ys[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? NaN : sxy / Math.sqrt(sxx * syy);
}

function prf(pred, gold) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < gold.length; i++) {
    if (pred[i] && gold[i]) tp += 1;
    else if (pred[i]) fp += 1;
    else if (gold[i]) fn += 1;
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = Number.isNaN(precision) || Number.isNaN(recall) || precision + recall === 0 ? NaN : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, tp, fp, fn };
}

const figures = [];
const counts = {};
function figure(id, group, data, metric, values, n) {
  figures.push({ id, group, data, metric, n, values });
}

// ---------------------------------------------------------------------------------- 1. sentiment

const SENTIMENT_METHODS = ['ours', 'sentiment', 'wink', 'vader', 'natural'];

function sentimentGroup() {
  for (const set of uciSets) {
    const n = set.rows.length;
    counts[set.name] = { rows: n, positive: set.rows.filter((r) => r.label === 1).length };
    const acc = {};
    const banded = {};
    const kept = {};
    for (const m of SENTIMENT_METHODS) {
      const scores = set.rows.map((r) => SCORERS[m](r.text));
      let right = 0;
      let keptN = 0;
      let keptRight = 0;
      scores.forEach((s, i) => {
        const ok = (s >= 0) === (set.rows[i].label === 1);
        if (ok) right += 1;
        if (Math.abs(s) >= BAND) {
          keptN += 1;
          if (ok) keptRight += 1;
        }
      });
      acc[m] = ratio(right, n);
      banded[m] = ratio(keptRight, keptN);
      kept[m] = ratio(keptN, n);
    }
    figure(`sentiment.${set.name}.accuracy`, 'sentiment', `${set.name} (${n})`, 'accuracy, score ≥ 0 is positive', acc, n);
    figure(`sentiment.${set.name}.accuracyBanded`, 'sentiment', `${set.name} (${n})`, `accuracy, |score| < ${BAND} dropped`, banded, n);
    figure(`sentiment.${set.name}.keptByBand`, 'sentiment', `${set.name} (${n})`, `share kept with |score| ≥ ${BAND}`, kept, n);
  }
  for (const set of vaderSets) {
    const rows = set.rows.filter((r) => typeof r.text === 'string' && typeof r.label === 'number');
    const n = rows.length;
    counts[set.name] = { rows: n };
    const gold = rows.map((r) => r.label);
    const r = {};
    for (const m of SENTIMENT_METHODS) r[m] = pearson(rows.map((row) => SCORERS[m](row.text)), gold);
    figure(`sentiment.${set.name}.pearson`, 'sentiment', `${set.name} (${n})`, 'Pearson r with the mean rating', r, n);
  }
}

// ---------------------------------------------------------------------------------- 2. requests for a person

const HARD_NEGATIVE = /human|canthelp|complaint/i;

function humanRequestGroup() {
  if (!humanRows) return;
  const rows = humanRows.filter((r) => !r.label_conflict && typeof r.text === 'string');
  const positives = rows.filter((r) => r.label === 1);
  const negatives = rows.filter((r) => r.label === 0 && !r.borderline);
  const borderline = rows.filter((r) => r.label === 0 && r.borderline);
  const hard = negatives.filter((r) => HARD_NEGATIVE.test(String(r.intent ?? '')));
  counts['human-request'] = {
    rows: humanRows.length,
    skippedLabelConflict: humanRows.length - rows.length,
    positive: positives.length,
    negative: negatives.length,
    borderline: borderline.length,
    hardNegative: hard.length,
  };
  const detectors = {
    ours: (t) => lib.analyzeText(t).humanRequest.detected === true,
    keyword: (t) => KEYWORD.test(t),
  };
  const rate = (set, d) => ratio(set.filter((r) => d(r.text)).length, set.length);
  const per = (set) => Object.fromEntries(Object.entries(detectors).map(([k, d]) => [k, rate(set, d)]));
  figure('humanRequest.recall', 'requests for a person', `label 1 (${positives.length})`, 'recall', per(positives), positives.length);
  figure('humanRequest.fpr', 'requests for a person', `label 0, not borderline (${negatives.length})`, 'false-positive rate', per(negatives), negatives.length);
  figure('humanRequest.fprHard', 'requests for a person', `hard negatives (${hard.length})`, 'false-positive rate', per(hard), hard.length);
  figure('humanRequest.rateBorderline', 'requests for a person', `borderline label 0 (${borderline.length})`, 'detection rate (scored separately)', per(borderline), borderline.length);
  if (HELD_OUT) writtenRequestLists(per);
}

// Lists written for this project (bench/written-requests/README.md says how each was used).
const NEVER_READ = new Set([4, 5, 9, 11, 13, 14, 16, 19, 21, 23]);

function writtenRequestLists(per) {
  const dir = join(__dirname, 'written-requests');
  const lines = (f) => readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l.trim() !== '').map((text) => ({ text }));
  for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24]) {
    const requests = lines(`list-${n}-requests.txt`);
    const near = lines(`list-${n}-near-misses.txt`);
    const label = NEVER_READ.has(n) ? `written list ${n}, never read` : `written list ${n}`;
    figure(`humanRequest.written${n}.recall`, 'requests for a person', `${label}: requests (${requests.length})`, 'recall', per(requests), requests.length);
    // List 6: the misses of its 1st, 3rd, 5th ... requests were read; the others never were.
    if (n === 6) figure('humanRequest.written6.recallUnread', 'requests for a person', `${label}: requests never read (${requests.length / 2})`, 'recall', per(requests.filter((_, i) => i % 2 === 1)), requests.length / 2);
    figure(`humanRequest.written${n}.fpr`, 'requests for a person', `${label}: near misses (${near.length})`, 'false-positive rate', per(near), near.length);
  }
}

// ---------------------------------------------------------------------------------- 3. dissatisfaction

async function dissatisfactionGroup() {
  if (!dialogs) return;
  const escalator = lib.createEscalator();
  const gold = [];
  const frustrated = [];
  const acting = [];
  const vaderNeg = [];
  const sources = [];
  let userTurns = 0;
  for (const d of dialogs) {
    const source = sourceOf(d);
    const session = escalator.session({ conversationId: String(d.id) });
    for (const t of d.turns || []) {
      const role = t.role === 'user' ? 'user' : 'bot';
      const result = await session.push({ role, text: t.text });
      if (role !== 'user') continue;
      userTurns += 1;
      if (!Array.isArray(t.label) || t.label.length === 0) continue;
      const mean = t.label.reduce((a, b) => a + b, 0) / t.label.length;
      gold.push(mean <= 2);
      const level = result.trace.facts['frustration.level'];
      frustrated.push(level === 'medium' || level === 'high');
      acting.push(result.decision.action !== 'continue');
      vaderNeg.push(vader.SentimentIntensityAnalyzer.polarity_scores(t.text).compound <= -0.05);
      sources.push(source);
    }
  }
  const positives = gold.filter(Boolean).length;
  counts['dialog-satisfaction'] = { dialogs: dialogs.length, userTurns, ratedUserTurns: gold.length, dissatisfied: positives };
  const baseline = prf(vaderNeg, gold);
  const data = `${gold.length} rated user turns, ${positives} dissatisfied`;
  for (const [key, label, pred] of [
    ['frustration', 'dissatisfaction: frustration.level medium/high', frustrated],
    ['action', "dissatisfaction: decision.action ≠ 'continue'", acting],
  ]) {
    const ours = prf(pred, gold);
    for (const metric of ['precision', 'recall', 'f1']) {
      figure(`dissatisfaction.${key}.${metric}`, label, data, metric === 'f1' ? 'F1' : metric, { ours: ours[metric], vader: baseline[metric] }, gold.length);
    }
  }
  // The same F1 on each source's dialogs alone: a rare event's F1 moves a lot between sources,
  // so the ratio to the baseline on the same dialogs is the figure to compare across them.
  const names = [...new Set(sources)].sort();
  if (names.length < 2) return;
  for (const name of names) {
    const pick = (xs) => xs.filter((_, i) => sources[i] === name);
    const g = pick(gold);
    const ours = prf(pick(frustrated), g).f1;
    const base = prf(pick(vaderNeg), g).f1;
    const n = g.length;
    const dissatisfied = g.filter(Boolean).length;
    figure(
      `dissatisfaction.bySource.${name}.f1`,
      'dissatisfaction by source',
      `${name} (${n} rated, ${dissatisfied} dissatisfied)`,
      `F1 of frustration medium/high; ours ÷ baseline ${Number.isFinite(ours / base) ? (ours / base).toFixed(2) : 'n/a'}`,
      { ours, vader: base, ratioToBaseline: ratio(ours, base) },
      n,
    );
  }
}

/** A dialog's source: the data file its `source` names ("…:dataset/MWOZ.txt@8ba06bd" → MWOZ), else its id without the number. */
function sourceOf(d) {
  const named = /([^/:@]+)\.[A-Za-z]+(?:@[^/]*)?$/.exec(String(d.source ?? ''));
  if (named) return named[1];
  const id = String(d.id ?? '').replace(/[-_]?\d+$/, '');
  return id === '' ? 'all' : id;
}

// ---------------------------------------------------------------------------------- 4. speed

// Throughput of each scorer on the same sentences, as a ratio to `sentiment`'s (the cheapest
// lexicon peer), so it holds on a noisy machine: rounds alternate between the methods and the
// median time of each is used. Ours is the whole per-message analysis (`analyzeText`: sentiment,
// requests for a person, frustration, topics), not the sentiment scorer alone.
function speedGroup() {
  // The same sentences with or without --held-out, so speed figures compare across runs.
  const texts = [...uciSets.filter((s) => !s.heldOut).flatMap((s) => s.rows.map((r) => r.text)), ...vaderSets.flatMap((s) => s.rows.map((r) => r.text))]
    .filter((t) => typeof t === 'string')
    .slice(0, 4000);
  if (texts.length === 0) return;
  const rounds = 5;
  const times = Object.fromEntries(SENTIMENT_METHODS.map((m) => [m, []]));
  for (const m of SENTIMENT_METHODS) for (const t of texts) SCORERS[m](t); // warm up
  for (let r = 0; r < rounds; r++) {
    for (const m of SENTIMENT_METHODS) {
      const t0 = performance.now();
      for (const t of texts) SCORERS[m](t);
      times[m].push(performance.now() - t0);
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const base = median(times.sentiment);
  const values = Object.fromEntries(SENTIMENT_METHODS.map((m) => [m, base / median(times[m])]));
  figure('speed.throughput', 'speed', `${texts.length} sentences, median of ${rounds} rounds`, "messages per second ÷ sentiment's", values, texts.length);
}

// Lists written for this project (bench/written-frustration/README.md): each message alone.
async function writtenFrustrationLists() {
  const dir = join(__dirname, 'written-frustration');
  const lines = (f) => readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l.trim() !== '');
  const escalator = lib.createEscalator();
  const reaches = async (text) => {
    const level = (await escalator.evaluate({ id: 'written', messages: [{ role: 'user', text }] })).trace.facts['frustration.level'];
    return level === 'medium' || level === 'high';
  };
  const negative = (text) => vader.SentimentIntensityAnalyzer.polarity_scores(text).compound <= -0.05;
  const frustrated = lines('frustrated.txt');
  const sets = [
    ['frustrated', frustrated, 'written frustrated messages'],
    ['frustratedUnread', frustrated.filter((_, i) => i % 2 === 0), 'written frustrated messages, lines never read'],
    ['calm', lines('calm.txt'), 'written calm messages'],
    ['frustrated2', lines('frustrated-2.txt'), 'second list: frustrated messages, never read'],
    ['calm2', lines('calm-2.txt'), 'second list: calm messages'],
    ['frustrated3', lines('frustrated-3.txt'), 'third list: frustrated messages, never read'],
    ['calm3', lines('calm-3.txt'), 'third list: calm messages using the forms innocently'],
    ['frustrated4', lines('frustrated-4.txt'), 'fourth list: frustrated without swearing, insults or capitals (read)'],
    ['calm4', lines('calm-4.txt'), 'fourth list: calm messages telling of problems (read)'],
    ['frustrated5', lines('frustrated-5.txt'), 'fifth list: frustrated messages of every kind, never read'],
    ['calm5', lines('calm-5.txt'), 'fifth list: calm messages using the complaint cues innocently (read)'],
    ['frustrated6', lines('frustrated-6.txt'), 'sixth list: frustrated messages in every voice (read)'],
    ['calm6', lines('calm-6.txt'), 'sixth list: calm messages about the same problems (read)'],
    ['calm7', lines('calm-7.txt'), 'seventh list: calm messages using oaths and idioms of impatience innocently (read)'],
    ['frustrated8', lines('frustrated-8.txt'), 'eighth list: frustrated messages in every voice, never read'],
    ['calm8', lines('calm-8.txt'), 'eighth list: calm messages, never read'],
    ['frustrated9', lines('frustrated-9.txt'), 'ninth list: frustrated messages in twelve other languages (read)'],
    ['calm9', lines('calm-9.txt'), 'ninth list: calm messages in the same languages (read)'],
    ['frustrated10', lines('frustrated-10.txt'), 'tenth list: frustrated messages in other languages, never read'],
    ['calm10', lines('calm-10.txt'), 'tenth list: calm messages in other languages, never read'],
  ];
  for (const [id, texts, label] of sets) {
    let ours = 0;
    for (const t of texts) if (await reaches(t)) ours += 1;
    const vaderShare = ratio(texts.filter(negative).length, texts.length);
    figure(`frustration.written.${id}`, 'frustration, one message alone', `${label} (${texts.length})`, 'share reaching medium/high (vader: compound <= -0.05)', { ours: ratio(ours, texts.length), vader: vaderShare }, texts.length);
  }
}

// ---------------------------------------------------------------------------------- main

(async () => {
  const started = performance.now();
  sentimentGroup();
  humanRequestGroup();
  await dissatisfactionGroup();
  if (HELD_OUT) await writtenFrustrationLists();
  speedGroup();
  const seconds = (performance.now() - started) / 1000;
  const meta = {
    node: process.version,
    dataDir: DATA_DIR,
    seconds,
    scores: {
      ours: 'analyzeText(text).sentiment.score',
      sentiment: 'new Sentiment().analyze(text).comparative',
      wink: 'winkSentiment(text).normalizedScore',
      vader: 'SentimentIntensityAnalyzer.polarity_scores(text).compound',
      natural: `new SentimentAnalyzer('English', PorterStemmer, '${naturalVocabulary}').getSentiment(WordTokenizer(lowercased text))`,
      keyword: KEYWORD.source,
    },
    naturalVocabulary,
    hardNegativeIntent: HARD_NEGATIVE.source,
    dissatisfaction: {
      gold: 'mean(label) <= 2',
      ours: "frustration.level in {medium, high} after the user turn (frustration.score >= 0.4)",
      variant: "decision.action !== 'continue'",
      baseline: 'vader compound <= -0.05 on the user turn text',
    },
  };
  const clean = (v) => (typeof v === 'number' && Number.isFinite(v) ? Number(v.toFixed(4)) : null);
  if (JSON_OUT) {
    const out = figures.map((f) => ({ ...f, values: Object.fromEntries(Object.entries(f.values).map(([k, v]) => [k, clean(v)])) }));
    process.stdout.write(`${JSON.stringify({ meta, counts, figures: out }, null, 2)}\n`);
    return;
  }
  const cell = (v) => (v === undefined ? '—' : typeof v === 'number' && Number.isFinite(v) ? v.toFixed(3) : 'n/a');
  const countText = Object.entries(counts)
    .map(([k, c]) => `${k}: ${Object.entries(c).map(([a, b]) => `${b} ${a}`).join(', ')}`)
    .join('; ');
  const out = [];
  out.push(`warm-handoff eval — node ${meta.node}, data ${DATA_DIR}, ${seconds.toFixed(1)} s; every figure measured in this run on the same data`);
  out.push('');
  out.push(`Data: ${countText}.`);
  out.push('');
  out.push(`| group | data | metric | ${COLUMNS.map(([, h]) => h).join(' | ')} |`);
  out.push(`| --- | --- | --- | ${COLUMNS.map(() => '---').join(' | ')} |`);
  const esc = (t) => String(t).replace(/\|/g, '\\|');
  for (const f of figures) out.push(`| ${esc(f.group)} | ${esc(f.data)} | ${esc(f.metric)} | ${COLUMNS.map(([k]) => cell(f.values[k])).join(' | ')} |`);
  out.push('');
  out.push(
    `Hard negatives: label-0, non-borderline rows with intent matching /${HARD_NEGATIVE.source}/i; label_conflict rows skipped. ` +
      "Dissatisfaction: gold mean rating ≤ 2; ours = frustration.level medium/high (score ≥ 0.4) or the action variant, after the user turn with earlier turns as context; the vader column there is the baseline compound ≤ -0.05 on the turn's own text.",
  );
  process.stdout.write(`${out.join('\n')}\n`);
})().catch((error) => {
  process.stderr.write(`eval failed: ${error.stack || error}\n`);
  process.exitCode = 1;
});

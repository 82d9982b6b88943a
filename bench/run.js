#!/usr/bin/env node
'use strict';
// Benchmarks for warm-handoff. Every figure is a ratio against a peer measured in the same run,
// on the same messages, so it holds on a noisy, shared machine. Timed work alternates with its
// peer round by round and the median of the per-round ratios is reported.
//
//   npm run bench            one table
//   npm run bench -- --json  the same figures as JSON on stdout
//   npm run bench -- --quick fewer rounds (a smoke run)
//   npm run bench -- --replay-copies 30   replay the dialogs 30 times over instead of 3 (about half a
//                            million messages: worker start-up and warm-up weigh less)
//   npm run bench -- --only adversarial   one section (perTurn, rules, longConversation, importTimes,
//                            memory, packets, adversarial, parallelReplay, breakdown)
//
// Data: fixtures/*.json and ../shared/bench-data/dialog-satisfaction.jsonl, read at run time.
// Runs against the built package (dist/): `npm run bench` builds first. Needs --expose-gc
// (the npm script passes it) for the memory figures.

const { readFileSync, readdirSync, existsSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');
const { performance } = require('node:perf_hooks');

const root = join(__dirname, '..');
const dist = (p) => require(join(root, 'dist', p));
const lib = dist('index.js');
const { runRulesSync, runRulesReference } = dist('rules/run-rules.js');
const { customOperators } = dist('rules/operators.js');
const { buildPacket } = dist('packet/build-packet.js');
const Sentiment = require('sentiment');

const args = process.argv.slice(2);
const JSON_OUT = args.includes('--json');
const QUICK = args.includes('--quick');
const ONLY = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const REPLAY_COPIES = args.includes('--replay-copies') ? Number(args[args.indexOf('--replay-copies') + 1]) : undefined;
if (REPLAY_COPIES !== undefined && !(Number.isInteger(REPLAY_COPIES) && REPLAY_COPIES >= 1)) {
  throw new Error('--replay-copies takes a whole number of at least 1');
}
const ROUNDS = QUICK ? 3 : 9;

// ---------------------------------------------------------------------------------- data

const DIALOGS_FILE = process.env.WH_BENCH_DIALOGS || join(root, '..', 'shared', 'bench-data', 'dialog-satisfaction.jsonl');

function loadDialogs() {
  if (!existsSync(DIALOGS_FILE)) throw new Error(`bench data not found: ${DIALOGS_FILE} (set WH_BENCH_DIALOGS)`);
  return readFileSync(DIALOGS_FILE, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l))
    .map((d) => ({ id: d.id, messages: d.turns.map((t) => ({ role: t.role === 'user' ? 'user' : 'bot', text: t.text })) }));
}

function loadFixtures() {
  const dir = join(root, 'fixtures');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')))
    .map((s) => ({ conversation: s.conversation, environment: s.environment }));
}

const dialogs = loadDialogs();
const fixtures = loadFixtures();
const conversations = [...fixtures.map((f) => f.conversation), ...dialogs.map((d) => ({ id: d.id, messages: d.messages }))];
// A fixed slice keeps a batch near 100 ms; the same slice for us and the peer.
const sample = conversations.slice(0, QUICK ? 80 : 200);
const userTexts = sample.flatMap((c) => c.messages.filter((m) => m.role === 'user').map((m) => m.text));

// ---------------------------------------------------------------------------------- timing

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function time(fn) {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** Runs `a` and `b` alternately for ROUNDS rounds (after one warm-up each); returns median ms of each and the median ratio tA/tB. */
async function paired(a, b, rounds = ROUNDS) {
  await a();
  await b();
  const ta = [];
  const tb = [];
  const ratios = [];
  for (let r = 0; r < rounds; r++) {
    const x = r % 2 === 0 ? await time(a) : undefined;
    const y = await time(b);
    const x2 = x === undefined ? await time(a) : x;
    ta.push(x2);
    tb.push(y);
    ratios.push(x2 / y);
  }
  return { a: median(ta), b: median(tb), ratio: median(ratios) };
}

const rows = [];
function row(id, what, value, unit, target, holds, detail) {
  rows.push({ id, what, value, unit, target, holds, detail });
}
const fmt = (x, d = 2) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(d));

// ---------------------------------------------------------------------------------- 1. per-turn throughput

async function perTurn() {
  const escalator = lib.createEscalator();
  const sentiment = new Sentiment();
  let escalatedPushes = 0;
  let pushes = 0;
  const ours = async () => {
    escalatedPushes = 0;
    pushes = 0;
    for (const c of sample) {
      const session = escalator.session({ conversationId: c.id });
      for (const m of c.messages) {
        if (m.role !== 'user') continue;
        const r = await session.push({ role: 'user', text: m.text });
        pushes += 1;
        if (r.decision.escalate) escalatedPushes += 1;
      }
    }
  };
  const peer = () => {
    for (const t of userTexts) sentiment.analyze(t);
  };
  const p = await paired(ours, peer);
  const share = 1 / p.ratio;
  row('throughput.vsSentiment', 'session.push per user turn, default pack: throughput ÷ sentiment.analyze on the same messages', share, '×', '≥ 0.2', share >= 0.2,
    `${userTexts.length} user messages from ${sample.length} conversations; push ${fmt((p.a * 1000) / userTexts.length)} µs, sentiment ${fmt((p.b * 1000) / userTexts.length)} µs per message; ${((100 * escalatedPushes) / pushes).toFixed(0)}% of pushes escalated (their packets are built only when read, which this loop does not)`);

  // The analysis stage alone (src/analysis), on the same messages, for context.
  const { analyzeMessage } = dist('analysis/analyze-message.js');
  const a = await paired(() => userTexts.forEach((t) => analyzeMessage({ role: 'user', text: t })), peer);
  row('throughput.analysisVsSentiment', 'analyzeMessage alone (src/analysis) ÷ sentiment.analyze: throughput', 1 / a.ratio, '×', '', null,
    `${fmt((a.a * 1000) / userTexts.length)} µs per message; the rest of a push is ${fmt((p.a * 1000) / userTexts.length - (a.a * 1000) / userTexts.length)} µs`);

  // Whole dialogs, bot messages included, for context.
  const whole = async () => {
    for (const c of sample) {
      const session = escalator.session({ conversationId: c.id });
      for (const m of c.messages) await session.push({ role: m.role, text: m.text });
    }
  };
  const q = await paired(whole, peer);
  row('throughput.wholeDialog', 'same, pushing bot messages too, per user turn ÷ sentiment', 1 / q.ratio, '×', '', null,
    `${fmt((q.a * 1000) / userTexts.length)} µs per user turn incl. its bot reply`);
}

// ---------------------------------------------------------------------------------- 2. rule evaluation

async function rules() {
  const escalator = lib.createEscalator();
  const pack = escalator.rulePack;
  const factSets = [];
  for (const c of sample.slice(0, 120)) {
    for (const t of await escalator.replay(c)) factSets.push(t.result.trace.facts);
  }
  const jre = require('json-rules-engine');
  const engine = new jre.Engine([], { allowUndefinedFacts: true, replaceFactsInEventParams: false });
  for (const op of customOperators(jre)) engine.addOperator(op);
  pack.rules.forEach((rule, index) => engine.addRule({ name: rule.name, priority: rule.priority || 1, conditions: structuredClone(rule.conditions), event: { type: rule.event.type, params: { index } } }));

  // Same fired sets first: a benchmark of a wrong answer is worthless.
  let mismatches = 0;
  for (const facts of factSets) {
    const mine = runRulesSync(pack, facts).filter((f) => f.outcome.fired).map((f) => f.rule.name).sort();
    const theirs = (await engine.run({ ...facts })).results.map((r) => r.name).sort();
    if (mine.join() !== theirs.join()) mismatches += 1;
  }
  // What step() runs: the compiled pack, trace included (synchronous when every rule compiles).
  const compiled = () => {
    for (let k = 0; k < 5; k++) for (const facts of factSets) runRulesSync(pack, facts);
  };
  const plain = async () => {
    for (const facts of factSets) await engine.run({ ...facts });
  };
  const p = await paired(compiled, plain);
  const speed = (5 * p.b) / p.a;
  row('rules.vsEngineRun', 'rule evaluation (compiled pack; each rule\'s trace built when read, as in a push) ÷ json-rules-engine engine.run, same pack and facts', speed, '×', '≥ 50', speed >= 50 && mismatches === 0,
    `${factSets.length} fact sets, ${pack.rules.length} rules; compiled ${fmt((p.a * 1000) / (5 * factSets.length))} µs, engine.run ${fmt((p.b * 1000) / factSets.length)} µs per evaluation; fired sets differing: ${mismatches}`);

  // The same with every rule's trace read, as a caller printing result.trace.rules does.
  const traced = () => {
    for (let k = 0; k < 5; k++) for (const facts of factSets) for (const f of runRulesSync(pack, facts)) void f.outcome;
  };
  const t = await paired(traced, plain);
  row('rules.tracedVsEngineRun', 'same, reading every rule\'s trace ÷ engine.run', (5 * t.b) / t.a, '×', '', null,
    `${fmt((t.a * 1000) / (5 * factSets.length))} µs per evaluation with the trace`);

  const reference = async () => {
    for (const facts of factSets) await runRulesReference(pack, facts);
  };
  const q = await paired(compiled, reference, Math.max(3, ROUNDS >> 1));
  row('rules.vsPerEvaluationEngine', 'same ÷ the previous path (fresh Engine per evaluation + trace)', (5 * q.b) / q.a, '×', '', null, '');
}

// ---------------------------------------------------------------------------------- 3. turn 200 against turn 5

async function longConversation() {
  const escalator = lib.createEscalator();
  // Non-escalating dialogs, joined end to end, user and bot messages alternating.
  const calm = [];
  for (const d of dialogs) {
    const r = await escalator.evaluate({ id: d.id, messages: d.messages });
    if (!r.decision.escalate && d.messages.length >= 6) calm.push(...d.messages);
    if (calm.length > 700) break;
  }
  const messages = [];
  let users = 0;
  for (const m of calm) {
    if (m.role === 'user') users += 1;
    messages.push(m);
  }
  const prefixUpTo = (userTurns) => {
    let u = 0;
    const out = [];
    for (const m of messages) {
      if (m.role === 'user') {
        if (u === userTurns) break;
        u += 1;
      }
      out.push(m);
    }
    return out;
  };
  const probe = messages.slice(-24).filter((m, i, a) => i < a.length); // the same 24 messages at both positions
  const stateAt = async (userTurns) => {
    const s = escalator.session({ conversationId: 'long' });
    for (const m of prefixUpTo(userTurns)) await s.push(m);
    return s.toJSON();
  };
  const s5 = await stateAt(4);
  const s200 = await stateAt(199);
  let escalated = false;
  const pushProbe = (saved) => {
    const s = escalator.resume(saved);
    return async () => {
      for (const m of probe) {
        const r = await s.push(m);
        if (r.decision.escalate) escalated = true;
      }
    };
  };
  const ratios = [];
  const rounds = QUICK ? 20 : 60;
  for (let r = 0; r < rounds; r++) {
    const a = pushProbe(s5);
    const b = pushProbe(s200);
    let t5;
    let t200;
    if (r % 2 === 0) {
      t5 = await time(a);
      t200 = await time(b);
    } else {
      t200 = await time(b);
      t5 = await time(a);
    }
    ratios.push(t200 / t5);
  }
  const ratio = median(ratios.slice(2));
  row('turns.200vs5', 'cost per turn at user turn 200 ÷ at user turn 5 (same messages pushed)', ratio, '×', '≤ 1.3', ratio <= 1.3 && !escalated,
    `${probe.length} messages pushed after ${s5.messages.length} and after ${s200.messages.length} messages (${users} user turns available); escalated: ${escalated}`);
}

// ---------------------------------------------------------------------------------- 4. import time

async function importTimes() {
  // The sections before leave garbage and compiling behind; V8 works on them in background threads
  // that would share the cores with the child processes timed here, and weigh most on the slowest.
  global.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const runs = QUICK ? 5 : 15;
  const cases = {
    bare: '',
    sentiment: "require('sentiment')",
    ours: "require('warm-handoff')",
    // Schemas, zod, the lexicon and the detectors' patterns load on first use: this shows that cost.
    firstTurn: "require('warm-handoff').createEscalator().evaluate({ id: 'c', messages: [{ role: 'user', text: 'my card was charged twice' }] })",
  };
  const times = { bare: [], sentiment: [], ours: [], firstTurn: [] };
  const once = (code) => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['-e', code], { cwd: root, encoding: 'utf8' });
    const t = performance.now() - t0;
    if (r.status !== 0) throw new Error(`import probe failed: ${r.stderr}`);
    return t;
  };
  for (const code of Object.values(cases)) once(code);
  for (let r = 0; r < runs; r++) for (const [k, code] of Object.entries(cases)) times[k].push(once(code));
  const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
  const vsBare = m.ours / m.bare;
  row('import.vsBareNode', "wall time of node -e \"require('warm-handoff')\" ÷ node -e \"\"", vsBare, '×', '≤ 1.6', vsBare <= 1.6,
    `median of ${runs}: ${fmt(m.ours, 1)} ms vs ${fmt(m.bare, 1)} ms`);
  row('import.vsSentiment', "same ÷ node -e \"require('sentiment')\"", m.ours / m.sentiment, '×', '', null, `sentiment: ${fmt(m.sentiment, 1)} ms`);
  row('import.firstTurnVsBareNode', 'import, create an escalator and evaluate one message ÷ node -e ""', m.firstTurn / m.bare, '×', '', null,
    `${fmt(m.firstTurn, 1)} ms: what a test file that evaluates once pays`);
}

// ---------------------------------------------------------------------------------- 5. memory

async function memory() {
  if (typeof global.gc !== 'function') {
    row('memory.perSession', 'retained heap per live 20-turn session', NaN, 'KB', '< 64 KB', null, 'run with node --expose-gc');
    return;
  }
  const escalator = lib.createEscalator();
  // 20 user turns, each with the bot reply that follows it.
  const source = dialogs.filter((d) => d.messages.filter((m) => m.role === 'user').length >= 20).slice(0, 40);
  const twenty = source.map((d) => {
    const out = [];
    let u = 0;
    for (const m of d.messages) {
      if (m.role === 'user') {
        if (u === 20) break;
        u += 1;
      }
      out.push(m);
    }
    return out;
  });
  if (twenty.length === 0) throw new Error('no dialog with 20 user turns');
  const N = QUICK ? 100 : 400;
  // Copies of the texts made before the baseline, so the text is not counted as session memory.
  const inputs = Array.from({ length: N }, (_, i) => twenty[i % twenty.length].map((m) => ({ role: m.role, text: `${m.text}`.slice(0) })));
  const textBytes = median(inputs.map((msgs) => msgs.reduce((n, m) => n + m.text.length, 0)));
  // A comparison object: the input itself (messages as plain objects) per conversation.
  global.gc();
  global.gc();
  const before = process.memoryUsage().heapUsed;
  const sessions = [];
  for (let i = 0; i < N; i++) {
    const s = escalator.session({ conversationId: `m-${i}` });
    for (const m of inputs[i]) await s.push(m);
    sessions.push(s);
  }
  global.gc();
  global.gc();
  const after = process.memoryUsage().heapUsed;
  const perSession = (after - before) / N;
  const escalated = sessions.filter((s) => s.latest.decision.escalate).length;
  const json = median(sessions.slice(0, 40).map((s) => Buffer.byteLength(JSON.stringify(s.toJSON()))));
  row('memory.perSession', 'retained heap per live session after 20 user turns (+ bot replies), text excluded', perSession / 1024, 'KB', '< 64 KB', perSession < 64 * 1024,
    `${N} sessions; ${inputs[0].length} messages each; text ~${fmt(textBytes / 1024, 1)} KB per session (held once, shared with the input); ${escalated} of ${N} sessions escalated (packets are built on first read; none read here)`);
  row('memory.toJSON', 'size of JSON.stringify(session.toJSON()) after 20 user turns ÷ the text it holds', json / textBytes, '×', '', null, `${fmt(json / 1024, 1)} KB`);
  sessions.length = 0;
}

// ---------------------------------------------------------------------------------- 6. packet building

async function packets() {
  const escalator = lib.createEscalator();
  const sentiment = new Sentiment();
  const inputs = [];
  for (const f of fixtures) {
    const state = { messages: [] };
    const s = escalator.session({ conversationId: f.conversation.id, ...(f.conversation.customer ? { customer: f.conversation.customer } : {}) });
    let last;
    for (const m of f.conversation.messages) last = await s.push(m, f.environment);
    if (!last.decision.escalate) continue;
    const saved = s.toJSON();
    state.messages = saved.messages;
    inputs.push({
      conversationId: saved.info.conversationId,
      customer: saved.info.customer,
      messages: saved.messages,
      analyses: saved.analyses,
      decision: last.decision,
      frustration: { score: last.trace.facts['frustration.score'], level: last.trace.facts['frustration.level'] },
      sentimentTrend: last.trace.facts['sentiment.trend'],
    });
  }
  const texts = inputs.flatMap((i) => i.messages.map((m) => m.text));
  const ours = () => {
    for (const input of inputs) buildPacket(input);
  };
  const peer = () => {
    for (const t of texts) sentiment.analyze(t);
  };
  const p = await paired(ours, peer);
  const perPacket = (p.a * 1000) / inputs.length;
  const perTurnPush = await (async () => {
    const t = await time(async () => {
      for (const c of sample.slice(0, 40)) {
        const s = escalator.session({ conversationId: c.id });
        for (const m of c.messages) if (m.role === 'user') await s.push(m);
      }
    });
    const n = sample.slice(0, 40).reduce((k, c) => k + c.messages.filter((m) => m.role === 'user').length, 0);
    return (t * 1000) / n;
  })();
  row('packet.perEscalation', 'buildPacket (compromise entities, redaction, summary) per escalation ÷ sentiment.analyze over the same transcript', p.ratio, '×', '', null,
    `${inputs.length} escalating fixtures, ${fmt(texts.length / inputs.length, 1)} messages each; ${fmt(perPacket)} µs per packet, about ${fmt(perPacket / perTurnPush, 1)}× a push`);
}

// ---------------------------------------------------------------------------------- 7. adversarial input

async function adversarial() {
  // Far above the default limits (which reject a 1 MB message before any analysis), so the
  // analysis really runs on every character.
  const escalator = lib.createEscalator({ limits: { maxMessageChars: 4 << 20, maxTotalChars: 16 << 20, maxMessages: 20_000 } });
  const sentiment = new Sentiment();
  const normal = 'my parcel never arrived and nobody answers, this is really annoying';
  const MB = 1024 * 1024;
  const cases = [
    ['1 MB of one character', 'a'.repeat(MB), 'oneChar1MB'],
    ['100k emoji', '😡'.repeat(100_000), 'emoji100k'],
    ['1 MB of "?!"', '?!'.repeat(MB / 2), 'punct1MB'],
    ['1 MB of "("', '('.repeat(MB), 'parens1MB'],
    ['1 MB of ":)"', ':)'.repeat(MB / 2), 'emoticons1MB'],
    ['1 MB of "a." (letters typed one by one)', 'a.'.repeat(MB / 2), 'spacedLetters1MB'],
    ['zalgo (1 MB, a letter under 30 marks)', `h${'\u0336\u0301\u0332'.repeat(10)}`.repeat(Math.floor(MB / 31)), 'zalgo1MB'],
  ];
  const pushOnce = async (text) => {
    const s = escalator.session({ conversationId: 'adv' });
    return s.push({ role: 'user', text });
  };
  const reps = QUICK ? 200 : 1000;
  await pushOnce(normal);
  const tNormal = (await time(async () => {
    for (let i = 0; i < reps; i++) await pushOnce(normal);
  })) / reps;
  const sNormal = (await time(() => {
    for (let i = 0; i < reps; i++) sentiment.analyze(normal);
  })) / reps;
  for (const [name, text, id] of cases) {
    const ts = [];
    const ss = [];
    let result;
    for (let r = 0; r < (QUICK ? 1 : 3); r++) {
      const t0 = performance.now();
      result = await pushOnce(text);
      ts.push(performance.now() - t0);
      const t1 = performance.now();
      sentiment.analyze(text);
      ss.push(performance.now() - t1);
    }
    const t = median(ts);
    const s = median(ss);
    // Cost per character against a normal message's cost per character: 1 means linear.
    const perChar = t / text.length / (tNormal / normal.length);
    row(`adversarial.${id}`, `push of ${name} ÷ push of a normal message (${normal.length} chars)`, t / tNormal, '×', '', null,
      `${fmt(t, 1)} ms; per character ${fmt(perChar, 2)}× a normal message's; sentiment on it: ${fmt(s / sNormal, 0)}× its normal; escalated: ${result.decision.escalate}`);
  }

  // 10,000 turns in one evaluate: the cost per message against one normal push.
  const turns = Array.from({ length: 10_000 }, (_, i) => (i % 2 === 0 ? { role: 'user', text: `${normal} (${i})` } : { role: 'bot', text: `Answer ${i}.` }));
  const ts = [];
  let escalated = false;
  for (let r = 0; r < (QUICK ? 1 : 3); r++) {
    const t0 = performance.now();
    const result = await escalator.evaluate({ id: 'adv-long', messages: turns });
    ts.push(performance.now() - t0);
    escalated = result.decision.escalate;
  }
  const t = median(ts);
  row('adversarial.turns10k', 'evaluate of 10,000 turns, per message ÷ push of a normal message', t / turns.length / tNormal, '×', '', null,
    `${fmt(t / 1000, 2)} s for the conversation (5,000 user and 5,000 bot messages); escalated: ${escalated}`);
}

// ---------------------------------------------------------------------------------- 8. parallel replay

async function parallelReplay() {
  const { spawn } = require('node:child_process');
  const { mkdtempSync, writeFileSync: write, rmSync } = require('node:fs');
  const { tmpdir } = require('node:os');
  // Several passes over the dialogs, so each thread's start-up (loading and warming the library) is amortised.
  const copies = REPLAY_COPIES ?? (QUICK ? 1 : 3);
  const items = Array.from({ length: copies }, () => dialogs)
    .flat()
    .map((d, index) => ({ index, content: { id: d.id, messages: d.messages } }));
  // Peer: the machine's own ceiling for this very work. The same replay split in two halves, each
  // in a process of its own, run side by side, against one process replaying everything: no
  // threads, no messages, nothing shared but the hardware. (A CPU loop scales to 2x on two cores
  // whatever the caches and memory bus can carry; this allocation-heavy work may not.)
  const dir = mkdtempSync(join(tmpdir(), 'wh-bench-'));
  const halves = [0, 1].map((h) => {
    const file = join(dir, `half-${h}.json`);
    write(file, JSON.stringify(items.filter((_, i) => i % 2 === h)));
    return file;
  });
  const all = join(dir, 'all.json');
  write(all, JSON.stringify(items));
  // What a team runs: the command itself, in a process of its own, so one worker and two
  // both start cold (in this process one worker would reuse the thread the bench has warmed).
  const jsonl = join(dir, 'all.jsonl');
  write(jsonl, `${items.map((item) => JSON.stringify(item.content)).join('\n')}\n`);
  const node = (argv) =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, argv, { stdio: 'ignore' });
      child.once('error', reject);
      child.once('exit', (c) => (c === 0 ? resolve() : reject(new Error(`node ${argv.join(' ').slice(0, 80)} exited with ${c}`))));
    });
  const run = (workers) => () => node([join(root, 'dist', 'cli', 'main.js'), 'replay', jsonl, '--workers', String(workers)]);
  const replayIn = (file, flags = []) =>
    node([...flags, '-e', `require(${JSON.stringify(join(root, 'dist', 'cli', 'replay-many.js'))}).replayMany(JSON.parse(require('node:fs').readFileSync(${JSON.stringify(file)}, 'utf8')), { workers: 1 })`]);
  const rounds = QUICK ? 1 : 3;
  try {
    const p = await paired(run(2), run(1), rounds);
    const h = await paired(() => Promise.all(halves.map((f) => replayIn(f))), () => replayIn(all), rounds);
    // The same with V8's background threads off (--single-threaded: no concurrent compiling or
    // garbage collection): one process then uses one core, which shows how much of the second
    // core a single replay already takes through those threads.
    const single = ['--single-threaded'];
    const st = await paired(() => Promise.all(halves.map((f) => replayIn(f, single))), () => replayIn(all, single), rounds);
    const speedup = 1 / p.ratio;
    const ceiling = 1 / h.ratio;
    row('replay.workers2vs1', 'replay of all dialogs (--workers 2) ÷ one worker: throughput', speedup, '×', '≥ 1.7', speedup >= 1.7,
      `warm-handoff replay FILE.jsonl --workers 1|2, each in a new process: ${items.length} conversations (the dialogs ×${copies}); 1 worker ${fmt(p.b / 1000, 2)} s, 2 workers ${fmt(p.a / 1000, 2)} s (process and worker start-up included)`);
    row('replay.ceiling', 'the same replay as two independent processes ÷ one process: what this machine allows', ceiling, '×', '', null,
      `two processes side by side, each replaying half, ${fmt(h.a / 1000, 2)} s; one process replaying all ${fmt(h.b / 1000, 2)} s (process start-up included in both); worker threads reach ${((100 * speedup) / ceiling).toFixed(0)}% of it`);
    row('replay.ceilingSingleThreaded', 'the same two processes ÷ one, V8 without background threads (--single-threaded)', 1 / st.ratio, '×', '', null,
      `two processes ${fmt(st.a / 1000, 2)} s, one ${fmt(st.b / 1000, 2)} s; one process with its background threads (compiling, collecting garbage) replays ${fmt(st.b / h.b, 2)}× faster than without them: those threads already take much of the second core`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------- breakdown

async function breakdown() {
  const a = (p) => dist(`analysis/${p}.js`);
  const { prepare, contentTokens } = a('normalize');
  const { analyzeSentiment } = a('sentiment');
  const { detectHumanRequest } = a('human-request');
  const { detectFrustration } = a('frustration');
  const { detectTopics } = a('topics');
  const { detectResolution } = a('resolution');
  const { detectBotFailure } = a('bot-failure');
  const { DEFAULT_ANALYSIS_OPTIONS } = a('options');
  const { analyzeMessage } = a('analyze-message');
  const prepared = userTexts.map((t) => prepare(t));
  const stages = {
    prepare: () => userTexts.forEach((t) => prepare(t)),
    contentTokens: () => prepared.forEach((p) => contentTokens(p)),
    sentiment: () => prepared.forEach((p) => analyzeSentiment(p)),
    humanRequest: () => prepared.forEach((p) => detectHumanRequest(p)),
    frustration: () => prepared.forEach((p) => detectFrustration(p, -0.3)),
    topics: () => prepared.forEach((p) => detectTopics(p)),
    resolution: () => prepared.forEach((p) => detectResolution(p)),
    botFailure: () => userTexts.forEach((t, i) => detectBotFailure({ role: 'user', text: t }, DEFAULT_ANALYSIS_OPTIONS, prepared[i])),
  };
  const escalator = lib.createEscalator();
  const whole = async () => {
    for (const c of sample) {
      const session = escalator.session({ conversationId: c.id });
      for (const m of c.messages) if (m.role === 'user') await session.push({ role: 'user', text: m.text });
    }
  };
  const analysis = () => userTexts.forEach((t) => analyzeMessage({ role: 'user', text: t }));
  const out = {};
  const base = await paired(whole, analysis, Math.max(3, ROUNDS >> 1));
  out['session.push (all)'] = base.a;
  out['analyzeMessage'] = base.b;
  for (const [name, fn] of Object.entries(stages)) {
    const p = await paired(fn, analysis, 3);
    out[`  analysis: ${name}`] = p.ratio * base.b;
  }
  return Object.fromEntries(Object.entries(out).map(([k, ms]) => [k, { usPerTurn: (ms * 1000) / userTexts.length, shareOfPush: ms / base.a }]));
}

// ---------------------------------------------------------------------------------- main

(async () => {
  const started = performance.now();
  const sections = { perTurn, rules, longConversation, importTimes, memory, packets, adversarial, parallelReplay };
  if (ONLY !== undefined && !(ONLY in sections) && ONLY !== 'breakdown') throw new Error(`unknown section: ${ONLY}`);
  for (const [name, section] of Object.entries(sections)) if (ONLY === undefined || ONLY === name) await section();
  const parts = ONLY === undefined || ONLY === 'breakdown' ? await breakdown() : {};
  const meta = { node: process.version, cpus: require('node:os').cpus().length, rounds: ROUNDS, seconds: (performance.now() - started) / 1000 };
  if (JSON_OUT) {
    process.stdout.write(`${JSON.stringify({ meta, figures: rows, breakdown: parts }, null, 2)}\n`);
    return;
  }
  const lines = [];
  lines.push(`warm-handoff bench — node ${meta.node}, ${meta.cpus} cores, ${ROUNDS} rounds, ${meta.seconds.toFixed(0)} s; ratios against peers measured in the same run`);
  lines.push('');
  lines.push('| figure | value | target | holds | detail |');
  lines.push('| --- | --- | --- | --- | --- |');
  for (const r of rows) {
    lines.push(`| ${r.what} | ${Number.isNaN(r.value) ? 'n/a' : `${fmt(r.value)} ${r.unit}`} | ${r.target || '—'} | ${r.holds === null ? '—' : r.holds ? 'yes' : '**no**'} | ${r.detail} |`);
  }
  if (Object.keys(parts).length > 0) {
    lines.push('');
    lines.push('Where a user turn goes (µs per turn; share of a whole session.push):');
    lines.push('');
    lines.push('| part | µs per turn | share |');
    lines.push('| --- | --- | --- |');
    for (const [k, v] of Object.entries(parts)) lines.push(`| ${k} | ${fmt(v.usPerTurn, 1)} | ${(100 * v.shareOfPush).toFixed(0)}% |`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
})().catch((error) => {
  process.stderr.write(`bench failed: ${error.stack || error}\n`);
  process.exitCode = 1;
});

#!/usr/bin/env node
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { createEscalator, type Escalator } from '../escalator';
import { loadRulePack } from '../rules/load-pack';
import { isWarmHandoffError } from '../errors';
import { runScenario, scenarioFiles, type ScenarioOutcome } from '../testing/run-scenarios';
import { parseCliArgs, USAGE, type CliArgs } from './args';
import { formatEvaluation, formatTimeline } from './format';
import { defaultWorkers, escalatorFrom, formatSummary, mapReplay, progressBar, replayMany } from './replay-many';
import { formatMeasureReport } from './format-measure';
import { writeHtmlReport } from './write-report';
import { fitRiskCommand } from './fit-risk-command';
import { tuneCommand } from './tune-command';
import { explainCommand } from './explain-command';
import { isDirectory, readItems, readJson, readText, UsageError } from './read-input';
import { parseOutcomesJsonl } from '../feedback/outcome';
import { buildMeasureReport } from '../feedback/measure';
import type { ConversationRun } from '../feedback/conversation-run';
import { ValidationError, type ErrorIssue } from '../errors';
import { conversationJsonSchema, decisionJsonSchema, packetJsonSchema, scenarioJsonSchema } from '../json-schemas';

const FIXTURES_DIR = join(__dirname, '..', '..', 'fixtures');

/** A conversation file, or a scenario file holding `conversation` (and maybe `environment`). */
function readConversation(args: CliArgs): { conversation: unknown; environment: unknown } {
  const file = args.paths[0];
  if (file === undefined) throw new UsageError(`'${args.command}' needs a conversation file`);
  const content = readJson(file, 'conversation file');
  const isScenario = typeof content === 'object' && content !== null && 'conversation' in content;
  const fromFile = isScenario ? (content as { conversation: unknown; environment?: unknown }) : { conversation: content };
  const environment = args.env === undefined ? fromFile.environment : readJson(args.env, 'environment file');
  return { conversation: fromFile.conversation, environment };
}

function escalatorFor(args: CliArgs): Escalator {
  return createEscalator(args.rules === undefined ? {} : { rules: loadRulePack(args.rules) });
}

function idOf(conversation: unknown): string {
  const id = (conversation as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : 'conversation';
}

async function evaluateCommand(args: CliArgs, out: (s: string) => void): Promise<number> {
  const { conversation, environment } = readConversation(args);
  const result = await escalatorFor(args).evaluate(conversation as never, environment as never);
  out(args.json ? JSON.stringify(result, null, 2) : formatEvaluation(idOf(conversation), result));
  return 0;
}

async function replayCommand(args: CliArgs, out: (s: string) => void): Promise<number> {
  const target = args.paths[0];
  if (target !== undefined && (target.endsWith('.jsonl') || isDirectory(target))) return replayManyCommand(target, args, out);
  const { conversation, environment } = readConversation(args);
  const turns = await escalatorFor(args).replay(conversation as never, environment as never);
  if (args.json) {
    out(JSON.stringify(turns.map((t) => ({ messageIndex: t.messageIndex, turn: t.turn, decision: t.result.decision })), null, 2));
    return 0;
  }
  const messages = (conversation as { messages: { role: 'user'; text: string }[] }).messages;
  out(formatTimeline(messages, turns));
  return 0;
}

function turnsLine(outcome: ScenarioOutcome): string {
  let before = 'continue';
  const parts = outcome.turns.map((t) => {
    const d = t.decision;
    const label = d.escalate ? `${d.action}(${d.priority})` : d.action;
    const changed = label !== before ? (d.escalate && !before.includes('(') ? ` <- ${d.reasons.map((r) => r.reason).join(', ')}` : ' <-') : '';
    before = label;
    return `${t.turn} ${label}${changed}`;
  });
  return `turns: ${parts.join(' | ')}`;
}

/** `replay` over a JSONL file or a folder: one summary line (or JSON line) per conversation, in input order. */
async function replayManyCommand(path: string, args: CliArgs, out: (s: string) => void): Promise<number> {
  const items = readItems(path);
  const environment = args.env === undefined ? undefined : readJson(args.env, 'environment file');
  const bar = progressBar(process.stderr, () => performance.now());
  const started = performance.now();
  const summaries = await replayMany(items, {
    workers: args.workers ?? defaultWorkers(),
    rules: args.rules,
    environment,
    onProgress: (done, total) => bar.update(done, total),
  });
  bar.end();
  for (const s of summaries) out(args.json ? JSON.stringify(s) : formatSummary(s));
  const failed = summaries.filter((s) => s.error !== undefined).length;
  if (!args.json) {
    const seconds = (performance.now() - started) / 1000;
    const escalated = summaries.filter((s) => s.escalate).length;
    out(`${summaries.length} conversations, ${escalated} escalated, ${failed} invalid, ${seconds.toFixed(1)} s (${(summaries.length / Math.max(seconds, 1e-3)).toFixed(0)}/s)`);
  }
  return failed === 0 ? 0 : 2;
}

/** `measure LOGS OUTCOMES`: replays the logs (on worker threads) and scores them against the outcomes. */
async function measureCommand(args: CliArgs, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const [logs, outcomesFile] = args.paths;
  if (logs === undefined || outcomesFile === undefined) throw new UsageError("'measure' needs a conversations file or folder and an outcomes JSONL file");
  const outcomes = parseOutcomesJsonl(readText(outcomesFile, 'outcomes file'), outcomesFile);
  const items = readItems(logs);
  const pack = escalatorFrom(args.rules).rulePack; // loaded here first, so a bad pack fails before any thread starts
  const environment = args.env === undefined ? undefined : readJson(args.env, 'environment file');
  const bar = progressBar(process.stderr, () => performance.now());
  const results = await mapReplay(items, 'measure', {
    workers: args.workers ?? defaultWorkers(),
    rules: args.rules,
    environment,
    onProgress: (done, total) => bar.update(done, total),
  });
  bar.end();
  const issues: ErrorIssue[] = [];
  const runs: ConversationRun[] = [];
  const seen = new Map<string, string>();
  results.forEach((result, i) => {
    const where = items[i]?.where ?? `#${i}`;
    if ('issues' in result) {
      for (const issue of result.issues) issues.push({ ...issue, path: issue.path === '' ? where : `${where}: ${issue.path}` });
      return;
    }
    const first = seen.get(result.run.id);
    if (first !== undefined) issues.push({ code: 'duplicate', path: `${where}: id`, message: `expected a unique conversation id, found the one of ${first} again` });
    seen.set(result.run.id, where);
    runs.push(result.run);
  });
  if (issues.length > 0) throw new ValidationError(`Invalid conversations in ${logs}: ${issues.length} problem${issues.length === 1 ? '' : 's'}`, issues);
  const report = buildMeasureReport(runs, outcomes, pack);
  if (args.report !== undefined) {
    // Before printing, so a bad path fails with nothing half done; the note on stderr keeps --json output pure JSON.
    const problem = writeHtmlReport(args.report, { measure: report });
    if (problem !== undefined) throw new UsageError(problem);
    err(`HTML report written to ${args.report}`);
  }
  out(args.json ? JSON.stringify(report, null, 2) : formatMeasureReport(report));
  return 0;
}

async function testCommand(paths: readonly string[], args: CliArgs, out: (s: string) => void): Promise<number> {
  if (paths.length === 0) throw new UsageError("'test' needs at least one scenario file or folder");
  const escalator = escalatorFor(args);
  const outcomes: ScenarioOutcome[] = [];
  for (const file of scenarioFiles(paths)) {
    const outcome = await runScenario(file, escalator);
    outcomes.push(outcome);
    if (!args.json) {
      const d = outcome.result?.decision;
      const got =
        d === undefined
          ? 'could not run'
          : d.escalate
            ? `${d.action} ${d.priority} ${d.queue} [${d.reasons.map((r) => r.reason).join(', ')}] at turn ${d.triggeredAtTurn}`
            : d.action;
      const details = outcome.passed ? [] : [...outcome.problems, ...(outcome.result === null ? [] : [turnsLine(outcome)])];
      out(`${outcome.passed ? 'PASS' : 'FAIL'}  ${outcome.name}: ${got}${details.map((l) => `\n      ${l}`).join('')}`);
    }
  }
  const failed = outcomes.filter((o) => !o.passed).length;
  if (args.json) {
    out(
      JSON.stringify(
        {
          passed: outcomes.length - failed,
          failed,
          scenarios: outcomes.map((o) => ({
            file: o.file,
            name: o.name,
            passed: o.passed,
            problems: o.problems,
            ...(o.error === undefined ? {} : { error: o.error }),
            decision: o.result?.decision ?? null,
            firstEscalationTurn: o.firstEscalationTurn,
            turns: o.turns.map((t) => ({
              turn: t.turn,
              escalate: t.decision.escalate,
              action: t.decision.action,
              priority: t.decision.priority,
              risk: t.decision.risk,
              reasons: t.decision.reasons.map((r) => r.reason),
            })),
          })),
        },
        null,
        2,
      ),
    );
  } else {
    out(`${outcomes.length - failed} passed, ${failed} failed`);
  }
  return failed === 0 ? 0 : 1;
}

const SCHEMAS: Readonly<Record<string, () => Record<string, unknown>>> = {
  scenario: scenarioJsonSchema,
  conversation: conversationJsonSchema,
  packet: packetJsonSchema,
  decision: decisionJsonSchema,
};

function schemaCommand(args: CliArgs, out: (s: string) => void): number {
  const name = args.paths[0];
  const schema = name !== undefined && Object.hasOwn(SCHEMAS, name) ? SCHEMAS[name] : undefined;
  if (schema === undefined) {
    throw new UsageError(`'schema' needs one of ${Object.keys(SCHEMAS).join(', ')}${name === undefined ? '' : `, got '${name}'`}`);
  }
  out(JSON.stringify(schema(), null, 2));
  return 0;
}

/** Runs the CLI; returns the exit code. Output goes through `out` and `err` so tests can capture it. */
export async function main(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  try {
    const args = parseCliArgs(argv);
    if (args.help || args.command === undefined) {
      out(USAGE);
      return args.help ? 0 : 2;
    }
    switch (args.command) {
      case 'evaluate':
        return await evaluateCommand(args, out);
      case 'replay':
        return await replayCommand(args, out);
      case 'test':
        return await testCommand(args.paths, args, out);
      case 'schema':
        return schemaCommand(args, out);
      case 'explain':
        return explainCommand(args, out);
      case 'measure':
        return await measureCommand(args, out, err);
      case 'tune':
        return await tuneCommand(args, out, err);
      case 'fit-risk':
        return await fitRiskCommand(args, out, err);
      case 'demo': {
        out(`Running the bundled fixtures (${FIXTURES_DIR}) on the default rule pack:\n`);
        const code = await testCommand([FIXTURES_DIR], args, out);
        out('\nTimeline of one fixture (warm-handoff replay fixtures/01-talk-to-a-human.json):\n');
        await replayCommand({ ...args, paths: [join(FIXTURES_DIR, '01-talk-to-a-human.json')] }, out);
        return code;
      }
      default:
        throw new UsageError(`unknown command '${args.command}' (try --help)`);
    }
  } catch (error) {
    if (isWarmHandoffError(error)) {
      // One line: the summary and each issue, joined.
      err(`warm-handoff: ${error.message.split('\n').map((l) => l.trim()).join('; ')}`);
      return 2;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true) {
      err(`warm-handoff: ${(error as Error).message}`);
      return 2;
    }
    err(`warm-handoff: unexpected error: ${(error as Error).message ?? String(error)}`);
    return 3;
  }
}

if (require.main === module) {
  // A reader that stops early (`| head`) is not an error: stop writing and exit quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  void main(process.argv.slice(2), (s) => process.stdout.write(`${s}\n`), (s) => process.stderr.write(`${s}\n`)).then((code) => {
    process.exitCode = code;
  });
}


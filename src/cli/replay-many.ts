import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createEscalator, type Escalator } from '../escalator';
import { loadRulePack } from '../rules/load-pack';
import { isWarmHandoffError, type ErrorIssue } from '../errors';
import { ConversationSchema } from '../schema/conversation';
import { toErrorIssues } from '../schema/validate';
import { runConversation, type ConversationRun } from '../feedback/conversation-run';

/** What the replay of one conversation comes to: enough to find the ones worth reading. */
export interface ReplaySummary {
  /** Position in the input (line or file order), from 0. */
  readonly index: number;
  readonly id: string | null;
  readonly messages: number;
  readonly escalate: boolean;
  readonly action: string;
  readonly priority: string;
  readonly queue: string;
  readonly reasons: readonly string[];
  /** User turn of the first escalation, or null. */
  readonly firstEscalationTurn: number | null;
  readonly maxRisk: number;
  /** Set instead of the rest when the conversation could not be evaluated. */
  readonly error?: string;
}

/** One conversation (or a scenario holding one) as read from the input. */
export interface ReplayItem {
  readonly index: number;
  readonly content: unknown;
  /** Where it was read: `file:line` for JSONL, the file name otherwise. */
  readonly where?: string;
}

/** What `measure` needs of one conversation: its replay, or the problems that kept it from running. */
export type MeasureItemResult = { readonly run: ConversationRun } | { readonly issues: readonly ErrorIssue[] };

/** What each task of the pool gives per conversation. */
export interface ReplayTaskResults {
  readonly summary: ReplaySummary;
  readonly measure: MeasureItemResult;
}

export type ReplayTask = keyof ReplayTaskResults;

export interface ReplayManyOptions {
  /** Worker threads; 1 runs in this thread. @default the machine's available parallelism */
  readonly workers?: number;
  /** Rule pack folder or file. @default the bundled pack */
  readonly rules?: string | undefined;
  /** Environment for conversations whose scenario gives none. */
  readonly environment?: unknown;
  /** Called after each conversation, with how many are done. */
  readonly onProgress?: (done: number, total: number) => void;
}

export function defaultWorkers(): number {
  return typeof availableParallelism === 'function' ? availableParallelism() : Math.max(1, cpus().length);
}

/** Replays one conversation and summarises it; never throws for bad input. */
export async function replayOne(escalator: Escalator, item: ReplayItem, environment: unknown): Promise<ReplaySummary> {
  const content = item.content as { conversation?: unknown; environment?: unknown; id?: unknown } | null;
  const isScenario = typeof content === 'object' && content !== null && 'conversation' in content;
  const conversation = isScenario ? content.conversation : content;
  const env = isScenario && content.environment !== undefined ? content.environment : environment;
  const idValue = (conversation as { id?: unknown } | null)?.id;
  const id = typeof idValue === 'string' ? idValue : null;
  try {
    const turns = await escalator.replay(conversation as never, env as never);
    const last = turns[turns.length - 1]!.result.decision;
    const first = turns.find((t) => t.result.decision.escalate);
    return {
      index: item.index,
      id,
      messages: turns.length,
      escalate: last.escalate,
      action: last.action,
      priority: last.priority,
      queue: last.queue,
      reasons: last.reasons.map((r) => r.reason),
      firstEscalationTurn: first === undefined ? null : first.turn,
      maxRisk: Math.max(...turns.map((t) => t.result.decision.risk)),
    };
  } catch (error) {
    if (!isWarmHandoffError(error)) throw error;
    return { index: item.index, id, messages: 0, escalate: false, action: 'error', priority: 'low', queue: '', reasons: [], firstEscalationTurn: null, maxRisk: 0, error: error.message.split('\n').map((l) => l.trim()).join('; ') };
  }
}

/** Replays one conversation (or the conversation of a scenario) for `measure`; never throws for bad input. */
export async function measureOne(escalator: Escalator, item: ReplayItem, environment: unknown): Promise<MeasureItemResult> {
  const content = item.content as { conversation?: unknown; environment?: unknown } | null;
  const isScenario = typeof content === 'object' && content !== null && 'conversation' in content;
  const raw = isScenario ? content.conversation : content;
  const env = isScenario && content.environment !== undefined ? content.environment : environment;
  const parsed = ConversationSchema.safeParse(raw);
  if (!parsed.success) return { issues: toErrorIssues(parsed.error.issues, raw) };
  try {
    return { run: await runConversation(escalator, parsed.data, env as never) };
  } catch (error) {
    if (!isWarmHandoffError(error)) throw error;
    return { issues: error.issues.length > 0 ? error.issues : [{ code: error.code, path: '', message: error.message }] };
  }
}

/** Runs one task on one conversation. */
export function runTask<K extends ReplayTask>(task: K, escalator: Escalator, item: ReplayItem, environment: unknown): Promise<ReplayTaskResults[K]> {
  return (task === 'measure' ? measureOne(escalator, item, environment) : replayOne(escalator, item, environment)) as Promise<ReplayTaskResults[K]>;
}

export function escalatorFrom(rules: string | undefined): Escalator {
  return createEscalator(rules === undefined ? {} : { rules: loadRulePack(rules) });
}

/** Conversations per message to a worker: enough to amortise the hop, small enough to balance. */
const CHUNK = 8;
/** Chunks queued per worker thread, so it has work while this thread is busy with its own. */
const IN_FLIGHT = 4;

/**
 * Replays many conversations, spread over `workers` threads (this one included), and returns
 * their summaries in input order. Each thread builds its own escalator once; conversations go
 * out in small chunks, a few in flight per worker thread.
 */
export function replayMany(items: readonly ReplayItem[], options: ReplayManyOptions = {}): Promise<ReplaySummary[]> {
  return mapReplay(items, 'summary', options);
}

/** The worker pool of {@link replayMany}, for any task: results in input order, whatever the number of workers. */
export async function mapReplay<K extends ReplayTask>(items: readonly ReplayItem[], task: K, options: ReplayManyOptions = {}): Promise<ReplayTaskResults[K][]> {
  type Result = ReplayTaskResults[K];
  const workers = Math.max(1, Math.min(options.workers ?? defaultWorkers(), Math.ceil(items.length / CHUNK) || 1));
  const results: Result[] = new Array<Result>(items.length);
  let done = 0;
  const finished = (summary: Result, slot: number): void => {
    results[slot] = summary;
    done += 1;
    options.onProgress?.(done, items.length);
  };
  if (workers === 1) {
    const escalator = escalatorFrom(options.rules);
    for (let i = 0; i < items.length; i++) finished(await runTask(task, escalator, items[i]!, options.environment), i);
    return results;
  }
  const chunks: number[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) chunks.push(Array.from({ length: Math.min(CHUNK, items.length - i) }, (_, k) => i + k));
  let next = 0;
  // This thread is one of the `workers`: it takes chunks from the same queue between messages,
  // so `--workers 2` starts one thread, not two (each start loads and warms the whole library).
  const pool = Array.from(
    { length: workers - 1 },
    () => new Worker(join(__dirname, 'replay-worker.js'), { workerData: { task, rules: options.rules, environment: options.environment } }),
  );
  const local = async (): Promise<void> => {
    const escalator = escalatorFrom(options.rules);
    while (next < chunks.length) {
      const slots = chunks[next++]!;
      for (const slot of slots) finished(await runTask(task, escalator, items[slot]!, options.environment), slot);
      // Let the workers' messages in, so they are never left waiting for work.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  try {
    await Promise.all([
      local(),
      ...pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let inFlight = 0;
            const send = (): void => {
              while (inFlight < IN_FLIGHT && next < chunks.length) {
                const slots = chunks[next++]!;
                inFlight += 1;
                worker.postMessage(slots.map((slot) => ({ slot, item: items[slot] })));
              }
              if (inFlight === 0) resolve();
            };
            worker.on('message', (batch: { slot: number; result: Result }[]) => {
              for (const { slot, result } of batch) finished(result, slot);
              inFlight -= 1;
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (inFlight > 0) reject(new Error(`replay worker stopped with code ${code}`));
            });
            send();
          }),
      ),
    ]);
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}

/** A progress bar with rate and time left, redrawn at most ten times a second; silent unless `stream.isTTY`. */
export function progressBar(stream: NodeJS.WriteStream, now: () => number): { update(done: number, total: number): void; end(): void } {
  if (!stream.isTTY) return { update: () => undefined, end: () => undefined };
  const started = now();
  let drawn = 0;
  return {
    update(done, total) {
      const t = now();
      if (done < total && t - drawn < 100) return;
      drawn = t;
      const seconds = (t - started) / 1000;
      const rate = seconds > 0 ? done / seconds : 0;
      const left = rate > 0 ? (total - done) / rate : 0;
      const width = 24;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}  ${rate.toFixed(0)}/s  ${left.toFixed(0)}s left `);
    },
    end() {
      stream.write('\r\x1b[K');
    },
  };
}

/** Conversations from a JSONL file (one per line) or a folder of .json / .jsonl files, in order. */
export function readReplayItems(path: string, read: { isDirectory(p: string): boolean; list(p: string): string[]; text(p: string): string }): ReplayItem[] {
  const files = read.isDirectory(path)
    ? read
        .list(path)
        .filter((f) => f.endsWith('.json') || f.endsWith('.jsonl'))
        .sort()
        .map((f) => join(path, f))
    : [path];
  const items: ReplayItem[] = [];
  for (const file of files) {
    const text = read.text(file);
    const docs = file.endsWith('.jsonl') ? text.split('\n').map((line, i) => ({ line, where: `${file}:${i + 1}` })) : [{ line: text, where: file }];
    for (const { line, where } of docs) {
      if (line.trim() === '') continue;
      let content: unknown;
      try {
        content = JSON.parse(line);
      } catch {
        // Not the parser's message: it quotes the line, which may hold customer data.
        throw new SyntaxError(`${where} is not valid JSON`);
      }
      items.push({ index: items.length, content, where });
    }
  }
  return items;
}

/** One line per conversation, for people. */
export function formatSummary(s: ReplaySummary): string {
  const name = s.id ?? `#${s.index}`;
  if (s.error !== undefined) return `${name}: ERROR ${s.error}`;
  if (!s.escalate) return `${name}: ${s.action} (max risk ${s.maxRisk.toFixed(2)}, ${s.messages} messages)`;
  return `${name}: ${s.action} ${s.priority} ${s.queue} [${s.reasons.join(', ')}] from turn ${s.firstEscalationTurn} (${s.messages} messages)`;
}

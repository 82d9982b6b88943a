import type { ConversationInput, Message } from '../src/schema/conversation';

/** A small valid conversation to mutate in tests. */
export function conversationOf(messages: Partial<Message>[], extra: Partial<ConversationInput> = {}): ConversationInput {
  return {
    id: 'c-1',
    messages: messages.map((m) => ({ role: 'user', text: '', ...m }) as Message),
    ...extra,
  };
}

export const user = (text: string, extra: Partial<Message> = {}): Message => ({ role: 'user', text, ...extra });
export const bot = (text: string, extra: Partial<Message> = {}): Message => ({ role: 'bot', text, ...extra });

import type { MessageAnalysis } from '../src/schema/analysis';

/** A neutral analysis with the given parts replaced, to test later stages without the detectors. */
export function analysisOf(parts: Partial<MessageAnalysis> & { score?: number } = {}): MessageAnalysis {
  const { score = 0, ...rest } = parts;
  return {
    sentiment: { score, label: score <= -0.05 ? 'negative' : score >= 0.05 ? 'positive' : 'neutral', contributions: [] },
    humanRequest: { detected: false },
    frustration: { signals: [], score: 0 },
    topics: [],
    resolution: { detected: false },
    botFailure: { detected: false },
    tokens: [],
    ...rest,
  };
}

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { RulePackError } from '../src/errors';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tempDirs: string[] = [];

/** A fresh temporary folder, removed by {@link removeTempDirs} (call it from `afterAll`). */
export function tempDir(prefix = 'wh-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export const agentMessage = (text: string, extra: Partial<Message> = {}): Message => ({ role: 'agent', text, ...extra });

/** A small seeded PRNG: the same seed gives the same cases on every run. */
export { seededRandom } from '../src/feedback/folds';

/** What `run` throws, or null when it returns. */
export function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return null;
}

/** A temporary folder holding these files (objects written as JSON), removed by {@link removeTempDirs}. */
export function filesDir(files: Record<string, string | object>, prefix = 'wh-files-'): string {
  const dir = tempDir(prefix);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  return dir;
}

/** The issues of the RulePackError that `load` throws, as path and message; fails the test if it throws nothing or something else. */
export function rulePackIssuesOf(load: () => unknown): { path: string; message: string }[] {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(RulePackError);
    return (error as RulePackError).issues.map(({ path, message }) => ({ path, message }));
  }
  throw new Error('expected a RulePackError');
}

/**
 * Runs one command of the built CLI in a child process (npm test builds first; worker threads
 * load dist/cli/replay-worker.js), as a person at a shell would.
 */
export function cliRunner(command: string): (...args: string[]) => { out: string; err: string; code: number | null } {
  const cli = join(__dirname, '..', 'dist', 'cli', 'main.js');
  return (...args) => {
    const r = spawnSync(process.execPath, [cli, command, ...args], { encoding: 'utf8' });
    return { out: r.stdout, err: r.stderr, code: r.status };
  };
}

/** The text of every message of the fixtures and of the worked example: real-looking turns to check invariants on. */
export function corpusTexts(): string[] {
  const root = join(__dirname, '..');
  const fixtures = readdirSync(join(root, 'fixtures'))
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => (JSON.parse(readFileSync(join(root, 'fixtures', f), 'utf8')) as { conversation: { messages: { text: string }[] } }).conversation.messages.map((m) => m.text));
  const example = readFileSync(join(root, 'examples', 'labelled', 'conversations.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .flatMap((l) => (JSON.parse(l) as { messages: { text: string }[] }).messages.map((m) => m.text));
  return [...fixtures, ...example];
}

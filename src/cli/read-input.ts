import { readFileSync, readdirSync, statSync } from 'node:fs';
import { ValidationError, type ErrorIssue } from '../errors';
import { parseOutcomesJsonl, type Outcome } from '../feedback/outcome';
import { ConversationSchema, type Conversation } from '../schema/conversation';
import { toErrorIssues } from '../schema/validate';
import type { CliArgs } from './args';
import { readReplayItems, type ReplayItem } from './replay-many';

/** A mistake on the command line (a missing argument, an unreadable file): one line and exit code 2. */
export class UsageError extends Error {}

const codeOf = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? 'error';

export function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${file} (${codeOf(error)})`);
  }
}

export function readJson(file: string, what: string): unknown {
  const text = readText(file, what);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${what} ${file} is not valid JSON: ${(error as Error).message}`);
  }
}

/** True for a folder; false for anything else, a missing path included (reading it then says why). */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

const FILES = { isDirectory, list: (p: string) => readdirSync(p), text: (p: string) => readFileSync(p, 'utf8') };

/** The items of a JSONL file or a folder of logs; a file that cannot be read or parsed is a usage error. */
export function readItems(path: string): ReplayItem[] {
  try {
    return readReplayItems(path, FILES);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Conversations from a JSONL file or a folder (a scenario gives its `conversation`), each bad one named by file and line. */
export function readConversations(path: string): Conversation[] {
  let items;
  try {
    items = readReplayItems(path, FILES);
  } catch (error) {
    // A line that is not JSON is named by file and line, never quoted: it may hold customer data.
    throw new UsageError(error instanceof SyntaxError ? error.message : `cannot read conversations ${path} (${codeOf(error)})`);
  }
  const issues: ErrorIssue[] = [];
  const out: Conversation[] = [];
  const seen = new Map<string, string>();
  for (const item of items) {
    const where = item.where ?? `#${item.index}`;
    const content = item.content as { conversation?: unknown } | null;
    const raw = typeof content === 'object' && content !== null && 'conversation' in content ? content.conversation : content;
    const parsed = ConversationSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of toErrorIssues(parsed.error.issues, raw)) issues.push({ ...issue, path: issue.path === '' ? where : `${where}: ${issue.path}` });
      continue;
    }
    const first = seen.get(parsed.data.id);
    if (first !== undefined) {
      issues.push({ code: 'duplicate', path: `${where}: id`, message: `expected a unique conversation id, found the one of ${first} again` });
      continue;
    }
    seen.set(parsed.data.id, where);
    out.push(parsed.data);
  }
  if (issues.length > 0) throw new ValidationError(`Invalid conversations in ${path}: ${issues.length} problem${issues.length === 1 ? '' : 's'}`, issues);
  return out;
}

/** `LOGS OUTCOMES` of `tune` and `fit-risk`, read and validated, and the `--env` file if given. */
export function readLabelled(args: CliArgs): { logs: string; conversations: Conversation[]; outcomes: Outcome[]; environment: unknown } {
  const [logs, outcomesFile] = args.paths;
  if (logs === undefined || outcomesFile === undefined) throw new UsageError(`'${args.command}' needs a conversations file or folder and an outcomes JSONL file`);
  const outcomes = parseOutcomesJsonl(readText(outcomesFile, 'outcomes file'), outcomesFile);
  const conversations = readConversations(logs);
  const environment = args.env === undefined ? undefined : readJson(args.env, 'environment file');
  return { logs, conversations, outcomes, environment };
}

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ScenarioSchema, type Scenario } from '../schema/scenario';
import type { EvaluationResult } from '../schema/result';
import { parseOrThrow } from '../schema/parse';
import { ValidationError, isWarmHandoffError } from '../errors';
import { createEscalator, type Escalator } from '../escalator';
import { loadRulePack } from '../rules/load-pack';
import { parseRulePack } from '../rules/parse-pack';
import { invalidArgument, isPlainObject } from '../schema/argument';
import { compareWithExpectation } from './check-scenario';
import { defaultEscalator, firstEscalationTurn, turnsOf, type TurnDecision } from './replay';

export interface ScenarioOutcome {
  readonly file: string;
  /** The scenario's name, or the file name when the file could not be read. */
  readonly name: string;
  readonly passed: boolean;
  /** Why it failed, one line each: unmet expectations, or the reason the scenario could not run. */
  readonly problems: readonly string[];
  /** The evaluation after the last message; null when the scenario could not run. */
  readonly result: EvaluationResult | null;
  /** The decision at every user turn. */
  readonly turns: readonly TurnDecision[];
  /** The user turn at which the conversation first escalated, or null. */
  readonly firstEscalationTurn: number | null;
  /** Set when the scenario could not run: invalid JSON or schema, or a bad rule pack. */
  readonly error?: string;
}

export interface ScenarioRunOptions {
  /** Runs scenarios that name no rule pack of their own. @default createEscalator() with the default pack */
  readonly escalator?: Escalator | undefined;
}

/** Refuses paths of the wrong kind with a ValidationError (a caller without types). */
function checkPaths(paths: readonly string[]): void {
  if (!Array.isArray(paths)) invalidArgument('scenario paths', 'an array of paths to files or folders', paths);
  const bad = paths.findIndex((p) => typeof p !== 'string');
  if (bad >= 0) invalidArgument('scenario paths', 'a path to a file or folder', paths[bad], `[${bad}]`);
}

/** Every `.json` file under the given files or folders, in sorted order. */
export function scenarioFiles(paths: readonly string[]): string[] {
  checkPaths(paths);
  const out: string[] = [];
  for (const path of paths) {
    if (statSync(path).isDirectory()) {
      const names = readdirSync(path).sort();
      out.push(...scenarioFiles(names.filter((n) => n.endsWith('.json') || statSync(join(path, n)).isDirectory()).map((n) => join(path, n))));
    } else {
      out.push(path);
    }
  }
  return out;
}

/** Reads and validates one scenario file; errors name the file. */
export function readScenario(file: string): Scenario {
  let content: unknown;
  try {
    content = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ValidationError(`Invalid scenario ${file}`, [{ code: 'malformed', path: file, message: (error as Error).message }]);
  }
  return parseOrThrow(ScenarioSchema, content, `scenario ${file}`);
}

/**
 * The escalator for a scenario: its own rule pack when it names one (a path resolved against the
 * scenario file's folder, or an inline pack), else `fallback`.
 */
export function escalatorForScenario(scenario: Scenario, file: string, fallback: Escalator): Escalator {
  if (!isPlainObject(scenario)) invalidArgument('scenario', 'a scenario object from readScenario()', scenario);
  if (typeof file !== 'string') invalidArgument('scenario file', 'the path of the scenario file', file);
  if (!isPlainObject(fallback)) invalidArgument('fallback escalator', 'an escalator from createEscalator()', fallback);
  if (scenario.rules === undefined) return fallback;
  const pack =
    typeof scenario.rules === 'string'
      ? loadRulePack(resolve(dirname(file), scenario.rules))
      : parseRulePack([{ file: `${basename(file)} rules`, content: scenario.rules }]);
  return createEscalator({ rules: pack });
}

/**
 * Evaluates one scenario turn by turn and compares the outcome with its expectation. A file that
 * cannot run (bad JSON, schema or rule pack) gives a failed outcome with `error`, not a throw.
 */
export async function runScenario(file: string, escalatorOrOptions?: Escalator | ScenarioRunOptions): Promise<ScenarioOutcome> {
  if (typeof file !== 'string') invalidArgument('scenario file', 'a path to a scenario JSON file', file);
  if (escalatorOrOptions !== undefined && !isPlainObject(escalatorOrOptions)) {
    invalidArgument('scenario run options', 'an escalator or an object { escalator? }', escalatorOrOptions);
  }
  const options: ScenarioRunOptions =
    escalatorOrOptions !== undefined && 'evaluate' in escalatorOrOptions ? { escalator: escalatorOrOptions } : (escalatorOrOptions ?? {});
  let scenario: Scenario;
  let escalator: Escalator;
  try {
    scenario = readScenario(file);
    escalator = escalatorForScenario(scenario, file, options.escalator ?? defaultEscalator());
  } catch (error) {
    if (!isWarmHandoffError(error)) throw error;
    const lines = error.message.split('\n').map((l) => l.trim());
    return { file, name: basename(file, '.json'), passed: false, problems: lines, result: null, turns: [], firstEscalationTurn: null, error: lines.join('; ') };
  }
  const results = await escalator.replay(scenario.conversation, scenario.environment);
  const result = results[results.length - 1]!.result;
  const turns = turnsOf(scenario.conversation.messages, results);
  const first = firstEscalationTurn(turns);
  const problems = compareWithExpectation(result, scenario.expect, first);
  return { file, name: scenario.name, passed: problems.length === 0, problems, result, turns, firstEscalationTurn: first };
}

/** Runs every scenario file under the given files or folders, in sorted order. */
export async function runScenarios(paths: readonly string[], options: ScenarioRunOptions = {}): Promise<ScenarioOutcome[]> {
  checkPaths(paths);
  if (!isPlainObject(options)) invalidArgument('scenario run options', 'an object { escalator? }', options);
  const outcomes: ScenarioOutcome[] = [];
  for (const file of scenarioFiles(paths)) outcomes.push(await runScenario(file, options));
  return outcomes;
}

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ScenarioSchema, type Scenario } from '../schema/scenario';
import type { EvaluationResult } from '../schema/result';
import { parseOrThrow } from '../schema/parse';
import { ValidationError } from '../errors';
import type { Escalator } from '../escalator';
import { compareWithExpectation } from './check-scenario';

export interface ScenarioOutcome {
  readonly file: string;
  readonly name: string;
  readonly passed: boolean;
  readonly problems: readonly string[];
  readonly result: EvaluationResult;
}

/** Every `.json` file under the given files or folders, in sorted order. */
export function scenarioFiles(paths: readonly string[]): string[] {
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

/** Evaluates one scenario and compares the decision with its expectation. */
export async function runScenario(file: string, escalator: Escalator): Promise<ScenarioOutcome> {
  const scenario = readScenario(file);
  const result = await escalator.evaluate(scenario.conversation, scenario.environment);
  const problems = compareWithExpectation(result, scenario.expect);
  return { file, name: scenario.name, passed: problems.length === 0, problems, result };
}

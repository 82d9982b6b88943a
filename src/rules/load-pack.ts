import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { RulePackError } from '../errors';
import type { RulePack } from '../schema/rule-pack';
import { bundledRulePack, parseRiskWeightsFile, parseRulePack, type RulePackOptions, type RuleSource } from './parse-pack';
import type { RiskWeights } from '../decision/risk';
import { invalidArgument } from '../schema/argument';

/** Largest rule file read, so a wrong path to a huge file fails fast instead of filling memory. */
const MAX_FILE_BYTES = 1024 * 1024;
/** Largest pack read, all its files together. */
const MAX_PACK_BYTES = 4 * 1024 * 1024;

function fail(path: string, message: string): never {
  throw new RulePackError(`Cannot load rule pack`, [{ code: 'unreadable', path, message }]);
}

function readJson(file: string, label: string): RuleSource {
  let text: string;
  try {
    if (statSync(file).size > MAX_FILE_BYTES) fail(label, `file is larger than ${MAX_FILE_BYTES} bytes`);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof RulePackError) throw error;
    return fail(label, `cannot read file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return { file: label, content: JSON.parse(text) as unknown };
  } catch (error) {
    return fail(label, `malformed JSON: ${(error as Error).message}`);
  }
}

/** The file of a pack folder that holds the risk score's weights instead of a rule. */
export const RISK_WEIGHTS_FILE = 'risk-weights.json';

/**
 * Reads a rule pack from a folder of JSON files (one rule each, or `{ rules: [...] }`), or
 * from one JSON document, and validates it. Throws {@link RulePackError} naming file and path.
 * A folder's `risk-weights.json` (from `warm-handoff fit-risk`) is read as the risk score's
 * weights, not as a rule, and comes back as the pack's `riskWeights`.
 * Pass `{ facts: [...] }` to allow custom fact names your escalator provides.
 */
export function loadRulePack(path: string, options: RulePackOptions = {}): RulePack {
  const { rules, riskWeights } = readPack(path);
  return parseRulePack(rules, options, riskWeights);
}

/**
 * The package's own default pack, read as {@link loadRulePack} reads it but not validated
 * again (see {@link bundledRulePack}): the test suite validates these very files.
 */
export function loadBundledPack(path: string): RulePack {
  const { rules, riskWeights } = readPack(path);
  return bundledRulePack(rules, riskWeights);
}

/** The documents of a pack folder (its risk weights apart), or of one JSON file. */
function readPack(path: string): { rules: RuleSource[]; riskWeights?: RuleSource } {
  if (typeof path !== 'string') invalidArgument('rule pack path', 'a path to a folder or a JSON file', path);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch (error) {
    return fail(path, `no such file or folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (!isDirectory) return { rules: [readJson(path, basename(path))] };
  const all = readdirSync(path)
    .filter((name) => name.endsWith('.json'))
    .sort();
  const files = all.filter((name) => name !== RISK_WEIGHTS_FILE);
  if (files.length === 0) fail(path, 'the folder holds no .json rule files');
  let total = 0;
  for (const name of all) {
    try {
      total += statSync(join(path, name)).size;
    } catch {
      continue; // reported by readJson, with the reason
    }
    if (total > MAX_PACK_BYTES) fail(name, `the pack's files add up to more than ${MAX_PACK_BYTES} bytes by this one`);
  }
  const rules = files.map((name) => readJson(join(path, name), name));
  return all.includes(RISK_WEIGHTS_FILE) ? { rules, riskWeights: readJson(join(path, RISK_WEIGHTS_FILE), RISK_WEIGHTS_FILE) } : { rules };
}

/**
 * Reads and validates a risk-weights file on its own (a pack folder's `risk-weights.json`);
 * undefined when there is no such file. A bad file is a {@link RulePackError} naming it and the JSON path.
 */
export function loadRiskWeights(file: string): RiskWeights | undefined {
  if (typeof file !== 'string') invalidArgument('risk weights path', 'a path to a JSON file', file);
  try {
    statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  }
  return parseRiskWeightsFile(readJson(file, basename(file)));
}

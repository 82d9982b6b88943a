import { join } from 'node:path';
import type { RulePack } from '../schema/rule-pack';
import { loadBundledPack, loadRiskWeights, RISK_WEIGHTS_FILE } from './load-pack';
import { HAND_SET_RISK_WEIGHTS, type RiskWeights } from '../decision/risk';

/** Folder of the bundled default pack; the same relative path from `src/rules` and `dist/rules`. */
export const DEFAULT_RULES_DIR = join(__dirname, '..', '..', 'rules', 'default');

let cached: RulePack | undefined;

/** The bundled default rule pack, read once per process on first use (never at import). */
export function defaultRulePack(): RulePack {
  cached ??= loadBundledPack(DEFAULT_RULES_DIR);
  return cached;
}

let cachedWeights: RiskWeights | undefined;

/**
 * The risk weights shipped with the package (the default pack's `risk-weights.json`, fitted on
 * the labelled example), for packs without their own; the hand-set ones if that file is absent.
 * Reads that one file, not the whole default pack, once per process on first use.
 */
export function defaultRiskWeights(): RiskWeights {
  cachedWeights ??= cached?.riskWeights ?? loadRiskWeights(join(DEFAULT_RULES_DIR, RISK_WEIGHTS_FILE)) ?? HAND_SET_RISK_WEIGHTS;
  return cachedWeights;
}

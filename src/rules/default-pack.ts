import { join } from 'node:path';
import type { RulePack } from '../schema/rule-pack';
import { loadRulePack } from './load-pack';

/** Folder of the bundled default pack; the same relative path from `src/rules` and `dist/rules`. */
export const DEFAULT_RULES_DIR = join(__dirname, '..', '..', 'rules', 'default');

let cached: RulePack | undefined;

/** The bundled default rule pack, read once per process on first use (never at import). */
export function defaultRulePack(): RulePack {
  cached ??= loadRulePack(DEFAULT_RULES_DIR);
  return cached;
}

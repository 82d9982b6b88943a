/** Knobs of the per-message analysis. Thresholds that decide escalation live in the rule pack instead. */
export interface AnalysisOptions {
  /** An intent read with confidence under this counts as a bot failure. @default 0.4 */
  readonly lowConfidence: number;
}

export const DEFAULT_ANALYSIS_OPTIONS: AnalysisOptions = Object.freeze({ lowConfidence: 0.4 });

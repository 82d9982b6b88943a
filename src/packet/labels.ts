import type { SensitiveTopic } from '../schema/analysis';

/** How each sensitive topic reads for an agent, in the packet summary and the exporters. */
export const TOPIC_LABEL: Readonly<Record<SensitiveTopic, string>> = {
  fraud: 'fraud',
  account_compromise: 'account compromise',
  bereavement: 'bereavement',
  legal: 'legal',
  safety: 'safety',
  cancellation: 'cancellation',
};

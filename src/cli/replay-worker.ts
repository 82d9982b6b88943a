import { parentPort, workerData } from 'node:worker_threads';
import { escalatorFrom, replayOne, type ReplayItem } from './replay-many';

// One worker of `warm-handoff replay --workers N`: an escalator of its own, conversations in, summaries out.
const data = workerData as { rules?: string; environment?: unknown };
const escalator = escalatorFrom(data.rules);
parentPort?.on('message', (batch: { slot: number; item: ReplayItem }[]) => {
  void (async () => {
    const out = [];
    for (const { slot, item } of batch) out.push({ slot, summary: await replayOne(escalator, item, data.environment) });
    parentPort?.postMessage(out);
  })();
});

import { parentPort, workerData } from 'node:worker_threads';
import { escalatorFrom, runTask, type ReplayItem, type ReplayTask } from './replay-many';

// One worker of `warm-handoff replay|measure --workers N`: an escalator of its own, conversations in, results out.
const data = workerData as { task?: ReplayTask; rules?: string; environment?: unknown };
const task: ReplayTask = data.task ?? 'summary';
const escalator = escalatorFrom(data.rules);
parentPort?.on('message', (batch: { slot: number; item: ReplayItem }[]) => {
  void (async () => {
    const out = [];
    for (const { slot, item } of batch) out.push({ slot, result: await runTask(task, escalator, item, data.environment) });
    parentPort?.postMessage(out);
  })();
});

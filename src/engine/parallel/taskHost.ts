/**
 * The worker side of a sweep pool: runs each task it is sent on its own in-process executor (its own tfjs,
 * its own copy of the data, the shared rankings) and answers with progress and the result.
 */
import type { InProcessExecutor } from '../sweep/inProcessExecutor';
import type { Endpoint, HostRequest, HostTask } from './poolProtocol';

async function perform(exec: InProcessExecutor, task: HostTask, progress: (done: number, rate?: number) => void): Promise<{ value: unknown; transfer: Transferable[] }> {
  switch (task.op) {
    case 'trainBase': {
      return { value: await exec.trainBase(task.key, task.cfg, progress), transfer: [] };
    }
    case 'setBase':
      await exec.setBase(task.key, task.weights);
      return { value: null, transfer: [] };
    case 'rank': {
      const orders = await exec.rank(task.task, progress);
      return { value: orders, transfer: [orders.buffer] };
    }
    case 'setRankings':
      await exec.setRankings(task.key, task.rankings);
      return { value: null, transfer: [] };
    case 'dropRankings':
      await exec.dropRankings(task.key);
      return { value: null, transfer: [] };
    case 'evaluateBase':
      return { value: await exec.evaluateBase(task.task), transfer: [] };
    case 'retrain':
      return { value: await exec.retrain(task.task, progress), transfer: [] };
  }
}

export function serveTasks(endpoint: Endpoint, exec: InProcessExecutor): void {
  endpoint.onMessage((raw) => {
    const msg = raw as HostRequest;
    if (msg.type === 'pause') exec.pause();
    else if (msg.type === 'resume') exec.resume();
    else if (msg.type === 'abort') exec.abort();
    else if (msg.type === 'task') {
      const { id } = msg;
      perform(exec, msg.task, (done, samplesPerSec) => endpoint.post({ type: 'progress', id, done, samplesPerSec }))
        .then(({ value, transfer }) => endpoint.post({ type: 'result', id, value }, transfer))
        .catch((e: unknown) => {
          const err = e instanceof Error ? e : new Error(String(e));
          endpoint.post({ type: 'error', id, name: err.name, message: err.message });
        });
    }
  });
}

/** Worker thread of related-lists.ts: ranks the lists of the groups it was given, one message per group. */
import { parentPort, workerData } from 'worker_threads';
import { listsOfGroup, type WorkerRequest } from './related-lists';

const request = workerData as WorkerRequest;
for (const group of request.groups) {
  parentPort?.postMessage(listsOfGroup(group.index, group.features, request.terms, request.settings));
}

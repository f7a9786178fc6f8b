// queue: editions built on workers over BullMQ and Redis, reading and writing a shared folder.
export { parseQueueAddress, checkReachable, type QueueAddress, type LinkEvent } from './connection.js';
export { BUILD_QUEUE, JOB_OPTIONS, JOB_VERSION, LOCK_DURATION_MS, MAX_STALLED_COUNT, QUEUE_PREFIX, STALLED_INTERVAL_MS, nameOrRootPath, rootRelative, type BuildJob, type BuildJobResult } from './jobs.js';
export { startWorker, type JobOutcome, type RunningWorker, type WorkerOptions } from './worker.js';
export { buildOnQueue, rebaseMessage, type Finished, type QueueEvent, type QueueRunOptions } from './client.js';

import { workerData } from 'node:worker_threads';
import { buildModel } from '../../framework/model.js';
import { readSubmissionFile, type FileRead } from '../read.js';
import { fileFailed } from './failures.js';
import { serveTasks } from './serve.js';
import { packRead } from './transfer.js';
import type { WorkerSetup } from './index.js';

// One reading thread: the framework is rebuilt once from its parsed document, then each file
// sent is read exactly as readSubmissionFile reads it in the main thread.
const setup = workerData as WorkerSetup;
const model = buildModel(setup.framework);

serveTasks<string, FileRead>((file) => packRead(readSubmissionFile(file, model, setup.options)), fileFailed);

// The worker-thread side of a terminal run: run the file, hand back the text.
import { parentPort, workerData } from 'node:worker_threads';
import { runFile, type FileArgs } from './runFile';

parentPort!.postMessage(runFile(workerData.args as FileArgs));

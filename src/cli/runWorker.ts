// The worker-thread side of a terminal run: run the file, hand back the text.
import { parentPort, workerData } from 'node:worker_threads';
import { runFile, type FileArgs } from './runFile';

// Progress goes up as { progress }, the finished run as the RunOutput itself.
parentPort!.postMessage(runFile(workerData.args as FileArgs, (fraction) => parentPort!.postMessage({ progress: fraction })));

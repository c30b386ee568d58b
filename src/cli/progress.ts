// On a terminal, a run longer than a second says that it is working and for
// how long (on stderr, so piped output stays clean). The simulation runs on a
// worker thread so this thread is free to tell.
import { Worker } from 'node:worker_threads';
import type { FileArgs, RunOutput } from './runFile';

const SHOW_AFTER_MS = 1000;

export function runWithProgress(args: FileArgs, stream: NodeJS.WriteStream = process.stderr): Promise<RunOutput> {
  const started = Date.now();
  const worker = new Worker(new URL('./workerBoot.mjs', import.meta.url), {
    workerData: { entry: new URL('./runWorker.ts', import.meta.url).href, args },
  });
  let shown = false;
  let fraction = 0;
  const timer = setInterval(() => {
    const seconds = Math.floor((Date.now() - started) / 1000);
    shown = true;
    stream.write(`\r${args.file}: simulating … ${Math.floor(fraction * 100)} %, ${seconds} s (Ctrl+C cancels)`);
  }, SHOW_AFTER_MS);
  const finish = () => {
    clearInterval(timer);
    if (shown) stream.write(`\r${args.file}: simulated in ${((Date.now() - started) / 1000).toFixed(1)} s.${' '.repeat(20)}\n`);
  };
  return new Promise((resolve, reject) => {
    worker.on('message', (message: RunOutput | { progress: number }) => {
      if ('progress' in message) {
        fraction = message.progress;
        return;
      }
      finish();
      void worker.terminate();
      resolve(message);
    });
    worker.once('error', (err) => {
      finish();
      reject(err);
    });
  });
}

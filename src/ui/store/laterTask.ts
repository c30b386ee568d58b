// Run jobs one per task, in the order they were asked for, as soon as the
// page is free: each gets a task of its own (a message to ourselves, not a
// timer, which the browser would hold back to 4 ms after a few in a row).
const jobs: Array<() => void> = [];
let channel: MessageChannel | null = null;
let posted = false;

function runOne(): void {
  posted = false;
  const job = jobs.shift();
  if (jobs.length) post();
  job?.();
}

function post(): void {
  if (posted) return;
  posted = true;
  if (typeof MessageChannel === 'undefined') {
    setTimeout(runOne, 0);
    return;
  }
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = runOne;
  }
  channel.port2.postMessage(null);
}

/** Run `job` in a task of its own, after the jobs asked for before it. */
export function laterTask(job: () => void): void {
  jobs.push(job);
  post();
}

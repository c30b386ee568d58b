// The fuzzing worker (a child process): runs the cases it is told, one at a
// time, and reports each start and result, so the watchdog in the parent can
// end it when a case takes longer than its limit.
import { caseAt } from './cases';
import { runCaseTwice } from './runCase';

process.on('message', (msg: { seed: number; from: number; to: number }) => {
  for (let i = msg.from; i < msg.to; i++) {
    process.send!({ type: 'start', i });
    const c = caseAt(msg.seed, i);
    const result = runCaseTwice(c);
    process.send!({ type: 'result', i, how: c.how, result });
  }
  process.send!({ type: 'idle' });
});

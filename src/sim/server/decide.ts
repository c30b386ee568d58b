// Asking a session machine for its decision, purely (XState's transition()).
// A decision depends only on the machine's state, the session's few facts and
// the event (its type and the facts it carries); sessions repeat the same
// questions thousands of times (a FETCH in selected, a RETR in TRANSACTION),
// so each distinct question is put to the machine once and its answer reused.
import { transition, type AnyStateMachine, type EventFromLogic, type SnapshotFrom } from 'xstate';

export function decider<M extends AnyStateMachine>(machine: M, keyOf: (snapshot: SnapshotFrom<M>) => string, eventKey: (event: EventFromLogic<M>) => string) {
  const memo = new Map<string, SnapshotFrom<M>>();
  return (snapshot: SnapshotFrom<M>, event: EventFromLogic<M>): SnapshotFrom<M> => {
    const key = `${keyOf(snapshot)}\u0000${eventKey(event)}`;
    const hit = memo.get(key);
    if (hit) return hit;
    const [next] = transition(machine, snapshot, event) as [SnapshotFrom<M>, unknown];
    memo.set(key, next);
    return next;
  };
}

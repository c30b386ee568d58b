// Asking a session machine for its decision, purely (XState's transition()).
// A decision depends only on the machine's state, the session's few facts and
// the event (its type and the facts it carries); sessions repeat the same
// questions thousands of times (a FETCH in selected, a RETR in TRANSACTION),
// so each distinct question is put to the machine once and its answer reused.
import { transition, type AnyStateMachine, type EventFromLogic, type SnapshotFrom } from 'xstate';

export function decider<M extends AnyStateMachine>(machine: M, keyOf: (snapshot: SnapshotFrom<M>) => string, eventKey: (event: EventFromLogic<M>) => string) {
  const memo = new Map<string, SnapshotFrom<M>>();
  // The snapshots a session goes through are the memo's own answers, met again and again: each one's key is made once.
  const snapshotKeys = new WeakMap<SnapshotFrom<M>, string>();
  const keyOfSnapshot = (snapshot: SnapshotFrom<M>): string => {
    let key = snapshotKeys.get(snapshot);
    if (key === undefined) snapshotKeys.set(snapshot, (key = keyOf(snapshot)));
    return key;
  };
  return (snapshot: SnapshotFrom<M>, event: EventFromLogic<M>): SnapshotFrom<M> => {
    const key = `${keyOfSnapshot(snapshot)}\u0000${eventKey(event)}`;
    const hit = memo.get(key);
    if (hit) return hit;
    const [next] = transition(machine, snapshot, event) as [SnapshotFrom<M>, unknown];
    memo.set(key, next);
    return next;
  };
}

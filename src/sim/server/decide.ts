// Asking a session machine for its decision, purely (XState's transition()).
// A decision depends only on the machine's state, the session's few facts and
// the event (its type and the facts it carries); sessions repeat the same
// questions thousands of times (a FETCH in selected, a RETR in TRANSACTION),
// so each distinct question is put to the machine once and its answer reused.
import { transition, type AnyStateMachine, type EventFromLogic, type SnapshotFrom } from 'xstate';

export function decider<M extends AnyStateMachine>(machine: M, keyOf: (snapshot: SnapshotFrom<M>) => string, eventKey: (event: EventFromLogic<M>) => string) {
  const memo = new Map<string, SnapshotFrom<M>>();
  // The snapshots a session goes through are the memo's own answers, met again and again: each one
  // keeps its own answers by event key, so a repeated question (most are an event type, a constant
  // string) is one lookup, without building and hashing the snapshot's long key again.
  const answersOf = new WeakMap<SnapshotFrom<M>, Map<string, SnapshotFrom<M>>>();
  return (snapshot: SnapshotFrom<M>, event: EventFromLogic<M>): SnapshotFrom<M> => {
    let answers = answersOf.get(snapshot);
    if (answers === undefined) answersOf.set(snapshot, (answers = new Map()));
    const eKey = eventKey(event);
    const known = answers.get(eKey);
    if (known !== undefined) return known;
    const key = `${keyOf(snapshot)}\u0000${eKey}`;
    let next = memo.get(key);
    if (next === undefined) memo.set(key, (next = (transition(machine, snapshot, event) as [SnapshotFrom<M>, unknown])[0]));
    answers.set(eKey, next as SnapshotFrom<M>);
    return next as SnapshotFrom<M>;
  };
}

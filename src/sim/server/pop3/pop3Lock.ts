// Dovecot's POP3 session lock (pop3_lock_session = yes): while one POP3 session
// of an account is logged in, a second one is refused at PASS with
// `-ERR [IN-USE] …` (RFC 2449 §8.1.2) and the server closes that connection
// (rule 11). Observed on Dovecot 2.3.19: the refusal comes after the lock wait
// (about 10 s), and the first session is not disturbed.
//
// The table lives beside a run, not in the store: a lock is held only while a
// session is open, and every session is closed before its step ends, so the
// table is empty between steps and never needs to be saved or forked.

/** Dovecot 2.3's reply to PASS while another POP3 session holds the maildrop lock. */
export const POP3_IN_USE = '-ERR [IN-USE] Mailbox is locked by another POP3 session.';

/** Which accounts a POP3 session holds locked right now (account → holding session). */
export interface Pop3Locks {
  readonly held: Map<string, symbol>;
}

const tables = new WeakMap<object, Pop3Locks>();

/** The lock table of one run (any object that lives as long as the run). */
export function pop3LocksOf(owner: object): Pop3Locks {
  let t = tables.get(owner);
  if (!t) tables.set(owner, (t = { held: new Map() }));
  return t;
}

export const lockedByOther = (locks: Pop3Locks | null | undefined, account: string, holder: symbol | undefined): boolean => {
  const h = locks?.held.get(account);
  return h !== undefined && h !== holder;
};

export function acquire(locks: Pop3Locks | null | undefined, account: string, holder: symbol | undefined): void {
  if (locks && holder) locks.held.set(account, holder);
}

/** QUIT, or the connection closed or dropped: the lock goes with the session. */
export function release(locks: Pop3Locks | null | undefined, account: string, holder: symbol | undefined): void {
  if (holder && locks?.held.get(account) === holder) locks.held.delete(account);
}

// Claim I8 ("more server storage means higher cost"), measured where the model
// can: the storage the provider holds for an account at the end of a run — the
// mailbox (what counts against the quota) and the backups (rule 81). Backups
// are given twice: as stored when the nightly generations share unchanged
// copies (what the model keeps), and as full copies, one per night kept (a
// provider copying every mailbox every night). No prices. Pure.
import { simulate, withVariant, type Scenario } from '../sim';

export interface StorageRow {
  readonly run: string;
  readonly account: string;
  /** The day the run ends on (day 1 is the first). */
  readonly days: number;
  readonly mailboxKB: number;
  readonly backupSharedKB: number;
  readonly backupFullKB: number;
  readonly nights: number;
}

const kb = (bytes: number) => Math.round(bytes / 1024);

export function storageAtEnd(base: Scenario, variant: string | null): StorageRow[] {
  const timeline = simulate(base, { variant });
  const s = variant ? withVariant(base, variant) : base;
  const last = timeline.frames[timeline.frames.length - 1];
  const state = last.state;
  const days = Math.floor(last.time / 1440) + 1;
  const nights = state.serverBackups.length;
  return s.world.accounts.map((a) => {
    let mailbox = 0;
    let shared = 0;
    let full = 0;
    for (const [place, folder] of state.places) {
      for (const copy of folder.values()) {
        const size = state.mails.get(copy.mail)?.sizeBytes ?? 0;
        if (place.startsWith(`server/${a.id}/`)) mailbox += size;
        else if (place.startsWith(`backup/server/${a.id}/`)) {
          // A shared copy says which generations hold it (rule 81).
          const held = state.serverBackups.filter((g) => (copy.since ?? 0) <= g && (copy.until === undefined || g <= copy.until)).length;
          if (held) shared += size;
          full += size * held;
        }
      }
    }
    return { run: variant ? `${s.id} [${variant}]` : s.id, account: a.id, days, mailboxKB: kb(mailbox), backupSharedKB: kb(shared), backupFullKB: kb(full), nights };
  });
}

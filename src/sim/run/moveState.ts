// Where a provider move over days stands (rules 87–94): plain data the run keeps
// from provider.newMailbox on. Its steps live in stagedMove.ts.
export type Provider = 'old' | 'new';

export interface StagedMove {
  /** The server generation of the new provider's Dovecot (the old one keeps state.serverGeneration). */
  readonly newGeneration: number;
  /** The copy kept UIDs and UIDVALIDITY (a dsync migration), so POP3 UIDLs stay the same (rule 88). */
  readonly keptUidls: boolean;
  /** When the MX record was switched, and its TTL in minutes (rule 89). */
  dns: { readonly at: number; readonly ttlMinutes: number } | null;
  /** Devices their user has re-pointed to the new provider (rule 91). */
  readonly repointed: Set<string>;
  /** The old contract has ended: the old mailbox, its backups and its login are gone (rule 92). */
  contractEnded: boolean;
}

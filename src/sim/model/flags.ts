// IMAP system flags (RFC 9051 §2.3.2) as a bit set. The bit order is the one
// Dovecot prints them in: (\Answered \Flagged \Deleted \Seen \Draft).
export const Flag = {
  Answered: 1,
  Flagged: 2,
  Deleted: 4,
  Seen: 8,
  Draft: 16,
} as const;
export type FlagName = keyof typeof Flag;

const ORDER: FlagName[] = ['Answered', 'Flagged', 'Deleted', 'Seen', 'Draft'];

export function hasFlag(flags: number, flag: FlagName): boolean {
  return (flags & Flag[flag]) !== 0;
}

/** `(\Deleted \Seen)` as Dovecot writes a FLAGS list. */
export function formatFlags(flags: number): string {
  return `(${ORDER.filter((f) => flags & Flag[f])
    .map((f) => `\\${f}`)
    .join(' ')})`;
}

export function flagNames(flags: number): FlagName[] {
  return ORDER.filter((f) => flags & Flag[f]);
}

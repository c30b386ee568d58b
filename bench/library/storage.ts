// npx tsx bench/library/storage.ts [SCENARIO…]
//
// Claim I8, measured: for every built-in scenario and variant, the storage the
// provider holds per account at the end (src/claims/storage.ts says how).
// Deterministic: the figures depend on the scenarios only.
import { loadLibrary } from '../../src/claims/libraryFromDisk';
import { storageAtEnd, type StorageRow } from '../../src/claims/storage';

const only = process.argv.slice(2);
const rows: StorageRow[] = [];
for (const { scenario } of loadLibrary().entries) {
  if (only.length && !only.includes(scenario.id)) continue;
  for (const variant of [null, ...Object.keys(scenario.variants)]) rows.push(...storageAtEnd(scenario, variant));
}

const header = ['scenario [variant]', 'account', 'days', 'mailbox KB', 'backups KB (shared)', 'backups KB (full copies)', 'nights kept'];
const table = rows.map((r) => [r.run, r.account, String(r.days), String(r.mailboxKB), String(r.backupSharedKB), String(r.backupFullKB), String(r.nights)]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log('Storage the provider holds per account at the end of each built-in scenario (claim I8; no prices).');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const t of table) console.log(line(t));

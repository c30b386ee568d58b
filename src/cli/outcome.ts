// The end of a run as a reader wants it: where every mail lives, then the figures.
import { formatTime, newProviderMailbox, type Metrics, type World, type WorldState } from '../sim';
import { table } from './table';

function kb(bytes: number): string {
  return `${Math.round(bytes / 102.4) / 10} KB`;
}

/** "INBOX, Trash×2" style cell for one mail in one group of places. */
function cell(places: ReadonlyArray<{ readonly place: string; readonly copies: number }>, prefix: string): string {
  const parts: string[] = [];
  for (const { place, copies } of places) {
    if (!place.startsWith(prefix)) continue;
    const folder = place.slice(prefix.length);
    parts.push(copies > 1 ? `${folder}×${copies}` : folder);
  }
  return parts.join(', ') || '-';
}

export function outcomeText(m: Metrics, state: WorldState, world: World): string {
  // While a provider move over days has two mailboxes per account, the new
  // provider's (server/<account>@new/…) gets a column of its own beside the old one's,
  // so a run that stops mid-move still shows every copy in some column.
  const used = new Set(m.mails.flatMap((w) => w.places.map((p) => p.place.split('/')[1])));
  const accounts = world.accounts.flatMap((a) => (used.has(newProviderMailbox(a.id)) ? [a.id, newProviderMailbox(a.id)] : [a.id]));
  const header = ['mail', 'subject', 'status', ...accounts.map((a) => (accounts.length > 1 ? `server:${a}` : 'server')), ...world.devices.map((d) => d.id), 'backups', 'elsewhere'];
  const rows = m.mails.map((w) => {
    const info = state.mails.get(w.mail)!;
    const backups = w.places.filter((p) => p.place.startsWith('backup/')).map((p) => p.place.slice(7));
    const elsewhere = w.places.filter((p) => /^(queue|outside|intruder)/.test(p.place)).map((p) => p.place);
    return [
      w.mail,
      info.subject.length > 28 ? info.subject.slice(0, 27) + '…' : info.subject,
      w.status,
      ...accounts.map((a) => cell(w.places, `server/${a}/`)),
      ...world.devices.map((d) => cell(w.places, `device/${d.id}/`)),
      backups.join(', ') || '-',
      elsewhere.join(', ') || '-',
    ];
  });
  const out: string[] = [];
  out.push(`At ${formatTime(m.time)}: where every mail lives`);
  out.push(table(header, rows));
  out.push('');
  out.push(`lost:        ${m.lost.join(', ') || 'none'}`);
  out.push(`deleted:     ${m.deletedByUser.join(', ') || 'none'}`);
  out.push(`bounced:     ${m.bounced.join(', ') || 'none'}`);
  for (const u of m.usage) {
    const quota = [u.quotaBytes !== null ? `of ${kb(u.quotaBytes)}` : '', u.quotaMessages !== null ? `${u.messages} of ${u.quotaMessages} messages` : `${u.messages} messages`].filter(Boolean).join(', ');
    out.push(`usage ${u.account}: ${kb(u.bytes)} ${quota}`);
  }
  out.push(`break-in now would expose: ${m.exposure.mails === 1 ? '1 mail' : `${m.exposure.mails} mails`}${m.exposure.places.length ? ` in ${m.exposure.places.join(', ')}` : ''}`);
  for (const v of m.views) {
    const sync = m.syncs.find((s) => s.device === v.device);
    out.push(`view ${v.device}: shows ${v.shows} of ${v.of}${sync ? `; last sync ${sync.bytes} bytes in ${sync.seconds} s` : ''}`);
  }
  return out.join('\n');
}

// The one place a mail client's facts become words: each fact → the frame's
// short label and its narration (an i18n key under `narration.` with its
// parameters; the texts live in src/i18n/narration.ts). The client reports
// what happened (src/sim/model/clientFacts.ts); nothing here decides anything.
// Every key is written out as `key: '…'`, so test/i18n/narration.test.ts finds
// each key the engine can emit.
import type { ClientFact } from '../model/clientFacts';
import type { Narration } from '../timeline';

export interface Told {
  readonly label: string;
  readonly narration: Narration;
}

const told = (label: string, narration: Narration): Told => ({ label, narration });

export function narrateClient(device: string, fact: ClientFact): Told {
  switch (fact.kind) {
    case 'cannotConnect': {
      const params = { device, ...fact.params };
      if (fact.why === 'diskFailed') return told(`${device} · disk failed`, { key: 'device.noDisk', params });
      // 'check.offline', or what the action says instead (opening a mail whose body is not on the device).
      if (fact.why === 'offline') return told(`${device} · offline`, { key: fact.offlineKey, params });
      return told(`${device} · server down`, { key: 'check.serverDown', params });
    }
    case 'starttlsRefused':
      return told(`${device} · ${fact.protocol === 'pop3' ? 'STLS' : 'STARTTLS'} refused`, { key: 'transport.starttlsRefused', params: { device } });
    case 'loginRefused': {
      const params = { device, port: fact.port };
      if (fact.plaintext) return told(`${device} · login refused`, { key: 'transport.plaintextRefused', params });
      if (fact.protocol === 'pop3') return told(`${device} · login refused`, { key: 'pop3.loginRefused', params });
      return told(`${device} · login refused`, { key: 'imap.loginRefused', params });
    }
    case 'pop3Locked':
      return told(`${device} · [IN-USE]`, { key: 'pop3.locked', params: { device } });
    case 'cached': {
      const params = { device, mail: fact.mail, folder: fact.folder };
      if (fact.part === 'header') return told(`${device} · UID FETCH ${fact.uid}`, { key: 'imap.cacheHeader', params });
      return told(`${device} · UID FETCH ${fact.uid}`, { key: 'imap.cacheBody', params });
    }
    case 'uidValidityChanged':
      return told(`${device} · ${fact.folder} UIDVALIDITY changed`, { key: 'imap.uidValidityChanged', params: { device, folder: fact.folder, dropped: fact.dropped } });
    case 'flagsSynced':
      return told(`${device} · ${fact.folder} flags`, { key: 'imap.flagsSynced', params: { device, folder: fact.folder } });
    case 'folderSynced': {
      const params = { device, folder: fact.folder, count: fact.count, fresh: fact.fresh };
      if (fact.cacheless) return told(`${device} · SELECT ${fact.folder}`, { key: 'imap.listedNoCache', params });
      return told(`${device} · SELECT ${fact.folder}`, { key: 'imap.selected', params });
    }
    case 'checked':
      if (fact.ending === 'logout') return told(`${device} · LOGOUT`, { key: 'imap.checkDone', params: { device, fetched: fact.fetched, bytes: fact.bytes, seconds: fact.seconds } });
      if (fact.ending === 'kept') return told(`${device} · connection kept`, { key: 'imap.checkKept', params: { device, fetched: fact.fetched, bytes: fact.bytes, seconds: fact.seconds } });
      if (fact.ending === 'idleStart') return told(`${device} · IDLE`, { key: 'imap.idleStart', params: { device, fetched: fact.fetched } });
      return told(`${device} · IDLE`, { key: 'imap.checkIdle', params: { device, count: fact.fetched, bytes: fact.bytes, seconds: fact.seconds } });
    case 'idlePush':
      return told(`${device} · IDLE push`, { key: 'imap.idlePush', params: { device, fetched: fact.fetched, bytes: 0, seconds: 0 } });
    case 'idleNews':
      // Another device's change, told at once (rule 86).
      if (fact.expunged.length)
        return told(`${device} · IDLE push EXPUNGE`, { key: 'idlePushed.expunged', params: { device, count: fact.expunged.length, mail: fact.expunged.join(', '), fetched: fact.fetched } });
      return told(`${device} · IDLE push FLAGS`, { key: 'idlePushed.flags', params: { device, count: fact.flagged, fetched: fact.fetched } });
    case 'composed':
      if (fact.waits) return told(`${device} · ${fact.mail} waits in Outbox`, { key: 'send.outbox', params: { device, mail: fact.mail } });
      return told(`${device} · write ${fact.mail}`, { key: 'send.composed', params: { device, mail: fact.mail } });
    case 'submitRefused': {
      const params = { device, mail: fact.mail, port: fact.port, size: fact.size };
      if (fact.why === 'size') return told(`${device} · SMTP ${fact.mail} refused`, { key: 'transport.sendTooLarge', params });
      return told(`${device} · SMTP ${fact.mail} refused`, { key: 'transport.sendNoAuth', params });
    }
    case 'submitted': {
      const params = { device, mail: fact.mail, port: fact.port };
      if (fact.savesOnServer) return told(`${device} · SMTP ${fact.mail}`, { key: 'send.submitted', params });
      return told(`${device} · SMTP ${fact.mail}`, { key: 'send.submittedLocalSent', params });
    }
    case 'savedSent': {
      const params = { device, mail: fact.mail };
      if (fact.ok) return told(`${device} · APPEND Sent ${fact.mail}`, { key: 'send.savedSent', params });
      return told(`${device} · APPEND Sent ${fact.mail}`, { key: 'send.sentNotSaved', params });
    }
    case 'replayed': {
      const params = { device, mail: fact.mail, folder: fact.folder, to: fact.to };
      if (!fact.existed) return told(`${device} · replay ${fact.action} ${fact.mail}`, { key: 'imap.replay.vanished', params });
      return told(`${device} · replay ${fact.action} ${fact.mail}`, { key: `imap.replay.${fact.action}`, params });
    }
    case 'notOnServer':
      return told(`${device} · ${fact.mail} not on server`, { key: 'read.notOnServer', params: { device, mail: fact.mail } });
    case 'notCached': {
      const params = { device, mail: fact.mail };
      if (fact.diskFailed) return told(`${device} · ${fact.mail} not cached`, { key: 'device.noDisk', params });
      return told(`${device} · ${fact.mail} not cached`, { key: 'read.offlineNotCached', params });
    }
    case 'readOffline': {
      const params = { device, mail: fact.mail, size: fact.size };
      if (fact.opening) return told(`${device} · read ${fact.mail} offline`, { key: 'open.offlineCached', params });
      return told(`${device} · read ${fact.mail} offline`, { key: 'read.offlineQueued', params });
    }
    case 'openedCached':
      return told(`${device} · open ${fact.mail}`, { key: 'open.cached', params: { device, mail: fact.mail, size: fact.size } });
    case 'readOnline': {
      const params = { device, mail: fact.mail, size: fact.size, seconds: fact.seconds };
      if (fact.opening) return told(`${device} · FETCH BODY[] ${fact.mail}`, { key: 'open.download', params });
      return told(`${device} · FETCH BODY[] ${fact.mail}`, { key: 'read.online', params });
    }
    case 'deleted':
      return told(`${device} · delete ${fact.mail}`, { key: `imap.delete.${fact.how}`, params: { device, mail: fact.mail, folder: fact.folder } });
    case 'queued':
      return told(`${device} · queued ${fact.action} ${fact.mail}`, { key: `imap.queued.${fact.action}`, params: { device, mail: fact.mail, folder: fact.folder, to: fact.to } });
    case 'queuedLocal':
      return told(`${device} · queued ${fact.mail} → local ${fact.folder}`, { key: 'imap.queued.local', params: { device, mail: fact.mail, folder: fact.folder } });
    case 'moved': {
      const params = { device, mail: fact.mail, folder: fact.folder };
      const label = `${device} · move ${fact.mail} → ${fact.folder}`;
      if (fact.how === 'local') return told(label, { key: 'imap.moveLocal', params });
      if (fact.how === 'server') return told(label, { key: 'imap.moveServer', params });
      return told(label, { key: 'imap.moveRefused', params });
    }
    case 'uploaded': {
      const params = { device, mail: fact.mail, folder: fact.folder };
      if (fact.ok) return told(`${device} · APPEND ${fact.folder} ${fact.mail}`, { key: 'imap.uploadLocal', params });
      return told(`${device} · APPEND ${fact.folder} ${fact.mail}`, { key: 'imap.moveRefused', params });
    }
    case 'trashEmptied':
      return told(`${device} · empty Trash`, { key: 'imap.emptyTrash', params: { device, count: fact.count } });
    case 'pop3Listed':
      return told(`${device} · POP3 UIDL`, { key: 'pop3.listed', params: { device, total: fact.total, fresh: fact.fresh } });
    case 'pop3Downloaded': {
      const label = `${device} · ${fact.headersOnly ? 'TOP' : 'RETR'} ${fact.n}${fact.deletedNow ? `, DELE ${fact.n}` : ''}`;
      const params = { device, mail: fact.mail, n: fact.n };
      if (fact.headersOnly) return told(label, { key: 'pop3.top', params });
      if (fact.deletedNow) return told(label, { key: 'pop3.retrDele', params });
      if (fact.duplicate) return told(label, { key: 'pop3.retrDuplicate', params });
      return told(label, { key: 'pop3.retrKeep', params });
    }
    case 'pop3Deleted':
      return told(`${device} · DELE ${fact.n}`, { key: `pop3.dele.${fact.why}`, params: { device, mail: fact.mail, n: fact.n, days: fact.days } });
    case 'pop3Dropped':
      return told(`${device} · connection dropped`, { key: 'pop3.dropped', params: { device, count: fact.marked } });
    case 'pop3Quit': {
      const params = { device, count: fact.removed, seconds: fact.seconds };
      if (fact.removed) return told(`${device} · QUIT`, { key: 'pop3.quitRemoved', params });
      return told(`${device} · QUIT`, { key: 'pop3.quitNothing', params });
    }
    case 'notOnDevice':
      return told(`${device} · ${fact.mail} not here`, { key: 'read.notOnDevice', params: { device, mail: fact.mail } });
    case 'pop3ReadLocal': {
      const params = { device, mail: fact.mail, size: fact.size };
      if (fact.opening) return told(`${device} · open ${fact.mail}`, { key: 'open.local', params });
      return told(`${device} · open ${fact.mail}`, { key: 'read.pop3Local', params });
    }
    case 'pop3BodyGone':
      return told(`${device} · ${fact.mail} gone from server`, { key: 'open.bodyGone', params: { device, mail: fact.mail } });
    case 'pop3BodyFetched':
      return told(`${device} · RETR ${fact.n}`, { key: 'open.fetchBody', params: { device, mail: fact.mail, seconds: fact.seconds, size: fact.size } });
    case 'pop3Purged':
      return told(`${device} · delete ${fact.mail} for good`, { key: 'pop3.purge', params: { device, mail: fact.mail } });
    case 'pop3LocalDelete':
      return told(`${device} · delete ${fact.mail}`, { key: `pop3.delete.${fact.when}`, params: { device, mail: fact.mail } });
    case 'pop3TrashEmptied':
      return told(`${device} · empty Deleted Items`, { key: 'pop3.emptyTrash', params: { device, count: fact.count } });
    case 'pop3MovedLocal':
      return told(`${device} · move ${fact.mail} → ${fact.folder}`, { key: 'pop3.moveLocal', params: { device, mail: fact.mail, folder: fact.folder } });
  }
}

// Thunderbird for Android (formerly K-9 Mail). Read from its source: the
// defaults every new account gets (CommonAccountDefaultsProvider) and what the
// account setup writes on top (AccountCreator, sync options, delete policy).
import type { ClientProfile, Source } from './types';

const REPO = 'thunderbird/thunderbird-android';
const DEFAULTS = `${REPO} app-common/src/main/kotlin/net/thunderbird/app/common/account/CommonAccountDefaultsProvider.kt @ 15fdfccf4defbb1e84946467e7e4bf328527fc79`;
const CREATOR = `${REPO} app-common/src/main/kotlin/net/thunderbird/app/common/account/AccountCreator.kt @ 04a7989f9c881764753f0bf62e28fef2714a0029`;
const DELETE_POLICY = `${REPO} DefaultDeletePolicyProvider.kt, package com.fsck.k9.account (stored copy; folder not resolved)`;
const DELETE_POLICY_ENUM = `${REPO} DeletePolicy.kt, package app.k9mail.legacy.account (stored copy; folder not resolved)`;
const CHECK_FREQUENCY = `${REPO} feature/account/setup/src/main/kotlin/app/k9mail/feature/account/setup/domain/entity/EmailCheckFrequency.kt @ af60c73d62470b14d784ebf67756809a4e72e083`;
const SYNC_STATE = `${REPO} feature/account/setup/src/main/kotlin/app/k9mail/feature/account/setup/ui/options/sync/SyncOptionsContract.kt @ 5f0d2db801aac52d3ba23fbc28c106c5cb71fde6`;
const SERIALIZER = `${REPO} legacy/core/src/main/java/com/fsck/k9/AccountPreferenceSerializer.kt @ 02ad72884e4f3b45a67e19d43c363d8da6cc54b7`;

const code = (ref: string, quote: string): Source => ({ kind: 'code', ref, quote });

const checkEvery = {
  status: 'known' as const,
  value: 60,
  sources: [
    code(SYNC_STATE, 'val checkFrequency: EmailCheckFrequency = EmailCheckFrequency.DEFAULT,'),
    code(CHECK_FREQUENCY, 'EVERY_HOUR(1.fromHour()),'),
    code(CHECK_FREQUENCY, 'val DEFAULT = EVERY_HOUR'),
    code(CREATOR, 'newAccount.automaticCheckIntervalMinutes = account.options.checkFrequencyInMinutes'),
  ],
};

export const thunderbirdAndroid: ClientProfile = {
  id: 'thunderbird-android',
  name: { de: 'Thunderbird für Android (K-9 Mail)', en: 'Thunderbird for Android (K-9 Mail)' },
  checked: {
    de: 'Quelltext von thunderbird/thunderbird-android (Stand der zitierten Commits); K-9 Mail teilt denselben Code.',
    en: 'Source of thunderbird/thunderbird-android (the cited commits); K-9 Mail shares the same code.',
  },
  pop3: {
    leaveOnServer: {
      status: 'known',
      value: true,
      sources: [
        code(DELETE_POLICY_ENUM, 'NEVER(0),\n    SEVEN_DAYS(1),\n    ON_DELETE(2),\n    MARK_AS_READ(3),'),
        code(DELETE_POLICY, 'Protocols.POP3 -> DeletePolicy.NEVER'),
      ],
      caveat: {
        de: 'Die App kennt keine Einstellung „nach dem Herunterladen löschen“: Der Server verliert eine Mail nur über die Löschregel (DeletePolicy), und die steht bei POP3 auf NEVER.',
        en: 'The app has no "delete after download" setting: the server loses a mail only through the delete policy, and for POP3 that is NEVER.',
      },
    },
    deleteAfterDays: {
      status: 'known',
      value: null,
      sources: [code(DELETE_POLICY, 'Protocols.POP3 -> DeletePolicy.NEVER')],
      caveat: {
        de: 'Die Aufzählung enthält SEVEN_DAYS, aber kein neues Konto bekommt es.',
        en: 'The enum has SEVEN_DAYS, but no new account gets it.',
      },
    },
    deleteOnServerWhen: {
      status: 'known',
      value: 'never',
      sources: [code(DELETE_POLICY, 'Protocols.POP3 -> DeletePolicy.NEVER'), code(CREATOR, 'newAccount.deletePolicy = deletePolicyProvider.getDeletePolicy(newAccount.incomingServerSettings.type)')],
    },
    headersOnly: {
      status: 'unknown',
      reason: {
        de: 'Die App lädt Nachrichten bis zu einer Größe ganz (maximumAutoDownloadMessageSize = 131072 Byte), größere nur teilweise. Das entspricht weder „nur Kopfzeilen“ noch „alles“ des Modells.',
        en: 'The app downloads messages up to a size in full (maximumAutoDownloadMessageSize = 131072 bytes) and larger ones partly. That is neither the model\'s "headers only" nor "everything".',
      },
      leads: [code(SERIALIZER, 'const val DEFAULT_MAXIMUM_AUTO_DOWNLOAD_MESSAGE_SIZE = 131072')],
    },
    checkEveryMinutes: checkEvery,
  },
  imap: {
    cache: {
      status: 'known',
      value: 'full',
      sources: [code(DEFAULTS, 'maximumAutoDownloadMessageSize = DEFAULT_MAXIMUM_AUTO_DOWNLOAD_MESSAGE_SIZE'), code(SERIALIZER, 'const val DEFAULT_MAXIMUM_AUTO_DOWNLOAD_MESSAGE_SIZE = 131072')],
      caveat: {
        de: 'Vereinfacht: Die App lädt Nachrichten bis 128 KB ganz, größere nur teilweise (Rest beim Öffnen). Bei großen Anhängen überzeichnet „full“ den Zwischenspeicher.',
        en: 'Simplified: the app downloads messages up to 128 KB in full and larger ones partly (the rest when opened). With large attachments "full" overstates the cache.',
      },
    },
    deleteAction: {
      status: 'known',
      value: 'trash',
      sources: [
        code(DELETE_POLICY, 'Protocols.IMAP -> DeletePolicy.ON_DELETE'),
        code(DEFAULTS, 'setTrashFolderId(null, SpecialFolderSelection.AUTOMATIC)'),
        code(DEFAULTS, 'expungePolicy = Expunge.EXPUNGE_IMMEDIATELY'),
      ],
      caveat: {
        de: 'Gilt, wenn der Server einen Papierkorb-Ordner hat (automatische Auswahl); ohne Papierkorb löscht die App sofort.',
        en: 'Holds when the server has a Trash folder (automatic selection); without one the app deletes at once.',
      },
    },
    saveSent: {
      status: 'known',
      value: true,
      sources: [code(DEFAULTS, 'isUploadSentMessages = true'), code(DEFAULTS, 'setSentFolderId(null, SpecialFolderSelection.AUTOMATIC)')],
    },
    useMove: {
      status: 'unknown',
      reason: {
        de: 'Ob die App MOVE sendet, hängt von der Server-Fähigkeit ab; die Stelle im Code wurde nicht gelesen.',
        en: 'Whether the app sends MOVE depends on the server\'s capability; the place in the code was not read.',
      },
    },
    idle: {
      status: 'known',
      value: false,
      sources: [code(DEFAULTS, 'folderPushMode = FolderMode.NONE')],
      caveat: {
        de: 'Ältere K-9-Versionen setzten bei der Einrichtung folderPushMode = FolderMode.ALL (Push an); der aktuelle AccountCreator (zitierter Commit) setzt folderPushMode nicht.',
        en: 'Older K-9 versions set folderPushMode = FolderMode.ALL (push on) during setup; the current AccountCreator (cited commit) does not set folderPushMode.',
      },
    },
    checkEveryMinutes: checkEvery,
  },
};

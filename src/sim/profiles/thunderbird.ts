// Thunderbird (desktop). Read from the comm-central source: the raw preference
// defaults in mailnews/mailnews.js, and what the account setup writes for a new
// account (AccountConfig.sys.mjs + CreateInBackend.sys.mjs). Where the two
// differ, `value` is the wizard's (what a new account really gets) and
// `rawPreference` keeps the preference default.
import type { ClientProfile, Source } from './types';

const REPO = 'mozilla/releases-comm-central';
const MAILNEWS_JS = `${REPO} mailnews/mailnews.js @ 00ea97499fd1ea23f54d2b79b614c92ced8cc9ec`;
const ACCOUNT_CONFIG = `${REPO} mail/components/accountcreation/modules/AccountConfig.sys.mjs @ 00e3320bc7397b8305842dc541d1ceb864300e0b`;
const CREATE_IN_BACKEND = `${REPO} mail/components/accountcreation/modules/CreateInBackend.sys.mjs @ 087f07539c8f7217b20a02f11d015b651484f49c`;
const POP3_SERVER = `${REPO} mailnews/local/src/Pop3IncomingServer.sys.mjs @ 087f07539c8f7217b20a02f11d015b651484f49c`;
const IMAP_IDL = `${REPO} mailnews/imap/public/nsIImapIncomingServer.idl @ 02194537f16f216ebda207a397af99e919e3b0bb`;

const pref = (quote: string): Source => ({ kind: 'code', ref: MAILNEWS_JS, quote });
const wizard = (quote: string): Source => ({ kind: 'code', ref: ACCOUNT_CONFIG, quote });
const written = (quote: string): Source => ({ kind: 'code', ref: CREATE_IN_BACKEND, quote });

// The wizard's POP3 values are defaults of AccountConfig; a provider's autoconfig
// file can replace two of them (readFromXML.sys.mjs: "defaults are in accountConfig.js").
const AUTOCONFIG_MAY_OVERRIDE = {
  de: 'Gilt für die Einrichtung per Assistent. Die Autoconfig-Datei eines Anbieters kann leaveMessagesOnServer und daysToLeaveMessagesOnServer anders setzen (readFromXML.sys.mjs).',
  en: 'Holds for setup with the wizard. A provider\'s autoconfig file can set leaveMessagesOnServer and daysToLeaveMessagesOnServer differently (readFromXML.sys.mjs).',
};

export const thunderbird: ClientProfile = {
  id: 'thunderbird',
  name: { de: 'Thunderbird', en: 'Thunderbird' },
  checked: {
    de: 'comm-central-Quelltext (Stand der zitierten Commits); die Werte sind dieselben wie in einer älteren Kopie von mailnews.js, also seit Jahren unverändert.',
    en: 'comm-central source (the cited commits); the values match an older copy of mailnews.js, so they have not changed in years.',
  },
  pop3: {
    leaveOnServer: {
      status: 'known',
      value: true,
      sources: [
        wizard('leaveMessagesOnServer: true,'),
        written('inServer.setBoolValue("leave_on_server", config.incoming.leaveMessagesOnServer);'),
      ],
      rawPreference: { value: false, source: pref('pref("mail.server.default.leave_on_server", false);') },
      caveat: AUTOCONFIG_MAY_OVERRIDE,
    },
    deleteAfterDays: {
      status: 'known',
      value: 14,
      sources: [
        wizard('daysToLeaveMessagesOnServer: 14,'),
        wizard('deleteByAgeFromServer: true,'),
        written('inServer.setIntValue("num_days_to_leave_on_server", config.incoming.daysToLeaveMessagesOnServer);'),
        {
          kind: 'code',
          ref: `${REPO} mailnews/local/src/Pop3Client.sys.mjs`,
          quote: '// We will send DELE request for messages received before this timestamp.',
        },
      ],
      caveat: AUTOCONFIG_MAY_OVERRIDE,
      // Raw: delete_by_age_from_server false, so no age limit (7 days would apply only if switched on).
      rawPreference: {
        value: null,
        source: pref('pref("mail.server.default.delete_by_age_from_server", false); pref("mail.server.default.num_days_to_leave_on_server", 7);'),
      },
    },
    deleteOnServerWhen: {
      status: 'known',
      value: 'deletedLocally',
      sources: [
        wizard('// When user hits delete, delete from local store and from server\n      deleteOnServerWhenLocalDelete: true,'),
        written('inServer.setBoolValue("delete_mail_left_on_server", config.incoming.deleteOnServerWhenLocalDelete);'),
      ],
      rawPreference: { value: 'never', source: pref('pref("mail.server.default.delete_mail_left_on_server", false);') },
    },
    headersOnly: {
      status: 'known',
      value: false,
      sources: [
        { kind: 'code', ref: POP3_SERVER, quote: '["Bool", "headersOnly", "headers_only"],' },
        {
          kind: 'code',
          ref: `${REPO} mailnews/base/src/MsgIncomingServer.sys.mjs`,
          quote: 'return this._defaultPrefs.getBoolPref(prefName, false);',
        },
      ],
      caveat: {
        de: 'mailnews.js setzt keinen Standard für headers_only; ohne Eintrag gilt false. Der Assistent setzt es nicht.',
        en: 'mailnews.js sets no default for headers_only; with no entry it reads false. The wizard does not set it.',
      },
    },
    checkEveryMinutes: {
      status: 'known',
      value: 10,
      sources: [
        wizard('// in minutes { Integer }\n      checkInterval: 10,'),
        written('inServer.doBiff = true;\n  inServer.biffMinutes = config.incoming.checkInterval;'),
        pref('pref("mail.server.default.check_time", 10);'),
      ],
    },
  },
  imap: {
    cache: {
      status: 'known',
      value: 'full',
      sources: [
        pref('// to activate auto-sync feature (preemptive message download for imap) by default\npref("mail.server.default.autosync_offline_stores",true);\npref("mail.server.default.offline_download",true);'),
        pref('// -1 means no limit, no purging of offline stores.\npref("mail.server.default.autosync_max_age_days", -1);'),
      ],
    },
    deleteAction: {
      status: 'known',
      value: 'trash',
      sources: [
        pref('pref("mail.server.default.delete_model", 1);'),
        { kind: 'code', ref: IMAP_IDL, quote: 'const long MoveToTrash = 1;   /* delete moves message to the trash */' },
      ],
    },
    saveSent: {
      status: 'known',
      value: true,
      sources: [
        written('var fccName = "Sent";'),
        written('identity.fccFolder = baseURI + fccName;'),
        pref('pref("mail.identity.default.fcc", true);'),
      ],
      // Raw identity default: Sent in Local Folders, i.e. on this computer only.
      rawPreference: { value: false, source: pref('pref("mail.identity.default.fcc_folder", "mailbox://nobody@Local%20Folders/Sent");') },
    },
    useMove: {
      status: 'known',
      value: true,
      sources: [
        {
          kind: 'code',
          ref: `${REPO} mailnews/imap/src/nsImapProtocol.cpp @ 001504c29fa721b0055de79bb4615e659b65a37f`,
          quote: 'if ((m_imapAction == nsIImapUrl::nsImapOnlineMove) &&\n        GetServerStateParser().GetCapabilityFlag() & kHasMoveCapability)\n      protocolString.AppendLiteral(" move ");\n    else\n      protocolString.AppendLiteral(" copy ");',
        },
      ],
      caveat: {
        de: 'Nur wenn der Server MOVE ankündigt (Dovecot 2.3 tut das); sonst COPY.',
        en: 'Only when the server advertises MOVE (Dovecot 2.3 does); otherwise COPY.',
      },
    },
    idle: {
      status: 'known',
      value: true,
      sources: [pref('pref("mail.server.default.use_idle", true);')],
    },
    checkEveryMinutes: {
      status: 'known',
      value: 10,
      sources: [wizard('checkInterval: 10,'), written('inServer.biffMinutes = config.incoming.checkInterval;'), pref('pref("mail.server.default.check_time", 10);')],
    },
  },
};

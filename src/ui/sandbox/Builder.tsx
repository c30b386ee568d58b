// The world builder: the scenario's texts, server, accounts and devices as
// forms, every field the format knows with a line on what it means. Each change
// is a commit (undoable, checked by the loader, re-simulated, autosaved).
import { memo, useMemo, useState } from 'react';
import type { Problem } from '../../sim';
import { useTranslation } from '../i18n/useTranslation';
import { useSelector } from '../store/useStore';
import { sandboxStore } from './sandboxState';
import { edit } from './commands';
import { getIn, pathText, setIn, type Path } from './scenarioInput';
import { CheckField, NumberField, SelectField, TextField } from './fields';
import { filledAccount, filledDevice } from './filled';
import { freshId, idAfterKindChange } from './newWorld';
import { StepList } from './StepList';
import { ClientSettings, ProfileField } from './ClientSettings';
import { resolvedDevice, withProfile } from './deviceSettings';
import { settingsView } from '../../sim';

type Data = Record<string, unknown>;
type Row = Record<string, unknown>;

const KINDS = ['desktop', 'laptop', 'phone', 'tablet', 'webmail'] as const;

/** The draft as it is now (not as it was when a form last drew). */
const currentData = () => sandboxStore.get().history.present.data as Data;

/** One field changed: an edit; typing in one field in a row is one undo step. */
const change = (path: Path, value: unknown) => edit(setIn(currentData(), path, value), pathText(path));

/**
 * The part of the draft under `root`: a form draws again only when its own part
 * changed (edits copy only the path they change, so other parts keep their objects).
 */
function useDraft(root: Path) {
  const part = useSelector(sandboxStore, (s) => getIn(s.history.present.data, root));
  const get = (path: Path) => getIn(part, path.slice(root.length));
  return { part, get, change, data: currentData };
}

const list = (v: unknown): string => (Array.isArray(v) ? v.join(', ') : '');
const splitList = (v: string): string[] =>
  v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
/** A custom folder's id: a plain name, or the id of a bilingual { id, name } folder. */
const folderIdOf = (f: unknown): unknown => (f && typeof f === 'object' && 'id' in f ? f.id : f);
/** The field shows folder ids; a bilingual folder keeps its names while its id stays in the list. */
const folderList = (v: unknown): string => list(Array.isArray(v) ? v.map(folderIdOf) : v);
const keepFolderNames = (old: unknown, ids: string[]): unknown[] =>
  ids.map((id) => (Array.isArray(old) ? old.find((f) => typeof f === 'object' && folderIdOf(f) === id) : undefined) ?? id);
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' ? v : null);

const Texts = memo(function Texts({ problems }: { problems: readonly Problem[] }) {
  const { get } = useDraft([]);
  return (
    <>
      <TextField path={['title', 'de']} name="titleDe" problems={problems} value={str(get(['title', 'de']))} onChange={(v) => change(['title', 'de'], v)} />
      <TextField path={['title', 'en']} name="titleEn" problems={problems} value={str(get(['title', 'en']))} onChange={(v) => change(['title', 'en'], v)} />
      <TextField path={['summary', 'de']} name="summaryDe" problems={problems} value={str(get(['summary', 'de']))} onChange={(v) => change(['summary', 'de'], v)} />
      <TextField path={['summary', 'en']} name="summaryEn" problems={problems} value={str(get(['summary', 'en']))} onChange={(v) => change(['summary', 'en'], v)} />
      <TextField path={['id']} name="id" problems={problems} value={str(get(['id']))} onChange={(v) => change(['id'], v)} />
    </>
  );
});

const ServerForm = memo(function ServerForm({ problems }: { problems: readonly Problem[] }) {
  const { t } = useTranslation();
  const { get } = useDraft(['world']);
  const p = (k: string): Path => ['world', 'server', k];
  const o = (k: string) => t(`ui.sandbox.option.${k}`);
  return (
    <>
      <TextField path={p('name')} name="serverName" problems={problems} value={str(get(p('name')))} onChange={(v) => change(p('name'), v)} />
      <TextField path={p('country')} name="country" problems={problems} value={str(get(p('country')))} onChange={(v) => change(p('country'), v)} />
      <SelectField
        path={p('quotaFull')}
        name="quotaFull"
        problems={problems}
        value={str(get(p('quotaFull')))}
        options={[
          { value: 'permanent', label: o('permanent') },
          { value: 'temporary', label: o('temporary') },
        ]}
        onChange={(v) => change(p('quotaFull'), v)}
      />
      <NumberField path={p('quotaGracePercent')} name="quotaGracePercent" problems={problems} value={num(get(p('quotaGracePercent')))} onChange={(v) => change(p('quotaGracePercent'), v ?? undefined)} />
      <NumberField path={p('queueLifetimeDays')} name="queueLifetimeDays" problems={problems} value={num(get(p('queueLifetimeDays')))} onChange={(v) => change(p('queueLifetimeDays'), v ?? undefined)} />
      <NumberField path={p('retryEveryMinutes')} name="retryEveryMinutes" problems={problems} value={num(get(p('retryEveryMinutes')))} onChange={(v) => change(p('retryEveryMinutes'), v ?? undefined)} />
      <SelectField
        path={p('backup')}
        name="serverBackup"
        problems={problems}
        value={str(get(p('backup')))}
        options={[
          { value: 'daily', label: o('backupDaily') },
          { value: 'none', label: o('backupNone') },
        ]}
        onChange={(v) => change(p('backup'), v)}
      />
      <CheckField path={p('pop3LockSession')} name="pop3LockSession" problems={problems} value={get(p('pop3LockSession')) === true} onChange={(v) => change(p('pop3LockSession'), v)} />
      <TextField path={['world', 'folders']} name="folders" problems={problems} value={folderList(get(['world', 'folders']))} onChange={(v) => change(['world', 'folders'], keepFolderNames(get(['world', 'folders']), splitList(v)))} />
    </>
  );
});

const AccountForm = memo(function AccountForm({ i, problems, count }: { i: number; problems: readonly Problem[]; count: number }) {
  const { t } = useTranslation();
  const { get } = useDraft(['world', 'accounts', i]);
  const p = (...k: Array<string | number>): Path => ['world', 'accounts', i, ...k];
  const quotaValue = (k: 'storageKB' | 'messages') => num(get(p('quota', k)));
  const setQuota = (k: 'storageKB' | 'messages', v: number | null) => {
    const quota = { ...((get(p('quota')) as Row | undefined) ?? {}) };
    if (v === null) delete quota[k];
    else quota[k] = v;
    change(p('quota'), Object.keys(quota).length ? quota : undefined);
  };
  const remove = () =>
    edit(
      setIn(
        currentData(),
        ['world', 'accounts'],
        ((getIn(currentData(), ['world', 'accounts']) as Row[]) ?? []).filter((_, j) => j !== i),
      ),
      null,
    );
  return (
    <fieldset className="builder-item" data-testid={`account-${i}`}>
      <legend>{t('ui.sandbox.builder.account', { id: str(get(p('id'))) })}</legend>
      <TextField path={p('id')} name="id" problems={problems} value={str(get(p('id')))} onChange={(v) => change(p('id'), v)} />
      <TextField path={p('address')} name="address" problems={problems} value={str(get(p('address')))} onChange={(v) => change(p('address'), v)} />
      <TextField path={p('password')} name="password" problems={problems} value={str(get(p('password')))} onChange={(v) => change(p('password'), v)} />
      <NumberField path={p('quota', 'storageKB')} name="storageKB" problems={problems} value={quotaValue('storageKB')} onChange={(v) => setQuota('storageKB', v)} />
      <NumberField path={p('quota', 'messages')} name="messages" problems={problems} value={quotaValue('messages')} onChange={(v) => setQuota('messages', v)} />
      {count > 1 && (
        <button type="button" className="remove" onClick={remove}>
          {t('ui.sandbox.builder.remove')}
        </button>
      )}
    </fieldset>
  );
});

const DeviceForm = memo(function DeviceForm({ i, problems, accounts }: { i: number; problems: readonly Problem[]; accounts: readonly string[] }) {
  const { t } = useTranslation();
  const { get, part } = useDraft(['world', 'devices', i]);
  const p = (...k: Array<string | number>): Path => ['world', 'devices', i, ...k];
  const o = (k: string) => t(`ui.sandbox.option.${k}`);
  const protocol = str(get(p('protocol')));
  const kind = str(get(p('kind')));
  // The values the simulation will use and where each came from, by the engine's own resolution.
  const resolved = useMemo(() => resolvedDevice(part), [part]);
  const origins = useMemo(() => (resolved ? settingsView(resolved).settings : null), [resolved]);
  const given = (part ?? {}) as Row;
  const inUse = protocol === 'pop3' ? 'pop3' : 'imap';
  const settingValues: Record<string, unknown> = resolved
    ? { ...resolved[inUse], checkEveryMinutes: resolved.checkEveryMinutes }
    : { ...((given[inUse] as Row | undefined) ?? {}), checkEveryMinutes: given.checkEveryMinutes };
  const settingPath = (key: string): Path => (key === 'checkEveryMinutes' ? p(key) : p(inUse, key));
  const setLabel = (lang: 'de' | 'en', v: string) => {
    const label = { ...((get(p('label')) as Row | undefined) ?? {}) };
    label[lang] = v;
    // The format wants both languages or none: an empty pair means "no label".
    change(p('label'), !label.de && !label.en ? undefined : label);
  };
  // The builder's own id follows the kind (a phone is not called "laptop"), in the same undo step.
  const changeKind = (v: string) => {
    const data = currentData();
    const all = ((getIn(data, ['world', 'devices']) as Row[] | undefined) ?? []).map((d) => str(d?.id));
    const id = str(get(p('id')));
    const named = ((getIn(data, ['steps']) as Row[] | undefined) ?? []).some((s) => s?.device === id);
    const next = idAfterKindChange(id, kind, v, all.filter((_, j) => j !== i), named);
    edit(setIn(setIn(data, p('kind'), v), p('id'), next), pathText(p('kind')));
  };
  const remove = () =>
    edit(
      setIn(
        currentData(),
        ['world', 'devices'],
        ((getIn(currentData(), ['world', 'devices']) as Row[]) ?? []).filter((_, j) => j !== i),
      ),
      null,
    );
  return (
    <fieldset className="builder-item" data-testid={`device-${i}`}>
      <legend>{t('ui.sandbox.builder.device', { id: str(get(p('id'))) })}</legend>
      <SelectField path={p('kind')} name="kind" problems={problems} value={kind} options={KINDS.map((k) => ({ value: k, label: o(k) }))} onChange={(v) => changeKind(v)} />
      <TextField path={p('id')} name="id" problems={problems} value={str(get(p('id')))} onChange={(v) => change(p('id'), v)} />
      <SelectField path={p('account')} name="deviceAccount" problems={problems} value={str(get(p('account')))} options={accounts.map((a) => ({ value: a, label: a }))} onChange={(v) => change(p('account'), v)} />
      <SelectField
        path={p('protocol')}
        name="protocol"
        problems={problems}
        value={protocol}
        options={[
          { value: 'pop3', label: o('pop3') },
          { value: 'imap', label: o('imap') },
        ]}
        onChange={(v) => change(p('protocol'), v)}
      />
      <TextField path={p('label', 'de')} name="labelDe" problems={problems} value={str(get(p('label', 'de')))} onChange={(v) => setLabel('de', v)} />
      <TextField path={p('label', 'en')} name="labelEn" problems={problems} value={str(get(p('label', 'en')))} onChange={(v) => setLabel('en', v)} />
      {kind !== 'webmail' && <ProfileField path={p('profile')} problems={problems} value={str(get(p('profile')))} onChange={(v) => edit(setIn(currentData(), ['world', 'devices', i], withProfile(part as Row, v)), null)} />}
      <ClientSettings
        protocol={protocol === 'pop3' ? 'pop3' : 'imap'}
        values={settingValues}
        origins={origins}
        problems={problems}
        pathOf={settingPath}
        onChange={(key, v) => change(settingPath(key), v)}
        onReset={(key) => change(settingPath(key), undefined)}
      />
      <CheckField path={p('tls')} name="tls" problems={problems} value={get(p('tls')) === true} onChange={(v) => change(p('tls'), v)} />
      <CheckField path={p('online')} name="online" problems={problems} value={get(p('online')) === true} onChange={(v) => change(p('online'), v)} />
      <SelectField
        path={p('backup')}
        name="deviceBackup"
        problems={problems}
        value={str(get(p('backup')))}
        options={[
          { value: 'none', label: o('backupNone') },
          { value: 'daily', label: o('backupDaily') },
        ]}
        onChange={(v) => change(p('backup'), v)}
      />
      <NumberField path={p('linkKbps')} name="linkKbps" problems={problems} value={num(get(p('linkKbps')))} onChange={(v) => change(p('linkKbps'), v ?? undefined)} />
      <TextField path={p('localFolders')} name="localFolders" problems={problems} value={folderList(get(p('localFolders')))} onChange={(v) => change(p('localFolders'), keepFolderNames(get(p('localFolders')), splitList(v)))} />
      <button type="button" className="remove" onClick={remove} data-testid={`remove-device-${i}`}>
        {t('ui.sandbox.builder.remove')}
      </button>
    </fieldset>
  );
});

/** The account ids as one string, so the device forms draw again only when an id changes. */
const idsOf = (rows: Row[]) => rows.map((a) => str(a.id)).join('\n');

export const Builder = memo(function Builder() {
  const { t } = useTranslation();
  const problems = useSelector(sandboxStore, (s) => s.problems);
  const accounts = (useSelector(sandboxStore, (s) => getIn(s.history.present.data, ['world', 'accounts'])) as Row[] | undefined) ?? [];
  const devices = (useSelector(sandboxStore, (s) => getIn(s.history.present.data, ['world', 'devices'])) as Row[] | undefined) ?? [];
  const accountKey = idsOf(accounts);
  const accountIds = useMemo(() => (accountKey ? accountKey.split('\n') : []), [accountKey]);
  // The steps are drawn only while their list is open: a long story has thousands.
  const [stepsOpen, setStepsOpen] = useState(false);
  const addAccount = () => {
    const id = freshId('user', accountIds);
    edit(setIn(currentData(), ['world', 'accounts'], [...accounts, filledAccount(id, `${id}@example.org`)]), null);
  };
  const addDevice = () => {
    const id = freshId('laptop', devices.map((d) => str(d.id)));
    edit(setIn(currentData(), ['world', 'devices'], [...devices, filledDevice({ id, kind: 'laptop', account: accountIds[0] ?? 'anna', protocol: 'imap' })]), null);
  };
  const unplaced = problems.filter((p) => !p.path.startsWith('world.') && !['id', 'title.de', 'title.en', 'summary.de', 'summary.en'].includes(p.path) && !p.path.startsWith('steps'));
  return (
    <section className="builder panel" aria-labelledby="builder-heading" data-testid="builder">
      <h2 id="builder-heading">{t('ui.sandbox.builder.heading')}</h2>
      {unplaced.length > 0 && (
        <ul className="field-problem">
          {unplaced.map((p, i) => (
            <li key={i}>
              <code>{p.path}</code> {p.message}
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>{t('ui.sandbox.builder.texts')}</summary>
        <Texts problems={problems} />
      </details>
      <details>
        <summary>{t('ui.sandbox.builder.server')}</summary>
        <ServerForm problems={problems} />
      </details>
      <details open>
        <summary>{t('ui.sandbox.builder.accounts')}</summary>
        {accounts.map((_, i) => (
          <AccountForm key={i} i={i} problems={problems} count={accounts.length} />
        ))}
        <button type="button" onClick={addAccount} data-testid="add-account">
          + {t('ui.sandbox.builder.addAccount')}
        </button>
      </details>
      <details open>
        <summary>{t('ui.sandbox.builder.devices')}</summary>
        {devices.length === 0 && <p>{t('ui.sandbox.builder.noDevices')}</p>}
        {devices.map((_, i) => (
          <DeviceForm key={i} i={i} problems={problems} accounts={accountIds} />
        ))}
        <button type="button" onClick={addDevice} data-testid="add-device">
          + {t('ui.sandbox.builder.addDevice')}
        </button>
      </details>
      <details onToggle={(e) => setStepsOpen(e.currentTarget.open)}>
        <summary>{t('ui.sandbox.builder.steps')}</summary>
        {stepsOpen && <StepList />}
      </details>
    </section>
  );
});

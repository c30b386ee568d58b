// "Change a setting from now on": a form in a device's event menu that makes a
// device.configure step at the moment on screen. It starts from the device as
// configured at that moment, shows each setting's value after the change and
// where it comes from, says when the change is really a new account (a
// protocol or client switch: real clients cannot carry an account over), and
// checks the step with the loader as it is edited, each problem at its field.
import { useEffect, useMemo, useRef, useState } from 'react';
import { devicesAtFrame, settingsView, type Scenario, type Timeline } from '../../sim';
import { useTranslation } from '../i18n/useTranslation';
import { useSelector } from '../store/useStore';
import { playerStore } from '../store/playerStore';
import { clientName } from '../profile/settingText';
import { ClientSettings, ProfileField } from './ClientSettings';
import { NumberField, SelectField } from './fields';
import { resolvedDevice, type ResolvedDevice } from './deviceSettings';
import { forkWith, type Event } from './forkAt';
import type { Path } from './scenarioInput';

type Row = Record<string, unknown>;

/** What the form changes: only what the user set, as the step names it. */
export interface ConfigureDraft {
  readonly protocol?: 'pop3' | 'imap';
  readonly profile?: string;
  readonly pop3?: Row;
  readonly imap?: Row;
  readonly checkEveryMinutes?: number | null;
  readonly linkKbps?: number;
  readonly backup?: 'none' | 'daily';
}

const isNewAccount = (current: ResolvedDevice, d: ConfigureDraft) => (d.protocol ?? current.protocol) !== current.protocol || (d.profile ?? current.profile) !== current.profile;

/** The device after the step, as the engine's configure does it (null while a new client's default is missing). */
export function afterConfigure(current: ResolvedDevice, d: ConfigureDraft): ResolvedDevice | null {
  const protocol = d.protocol ?? current.protocol;
  const profile = d.profile ?? current.profile;
  const base = { id: current.id, kind: current.kind, account: current.account, tls: current.tls, online: current.online, backup: d.backup ?? current.backup, linkKbps: d.linkKbps ?? current.linkKbps, localFolders: current.localFolders };
  if (isNewAccount(current, d))
    return resolvedDevice({ ...base, protocol, ...(profile ? { profile } : {}), ...(d.pop3 ? { pop3: d.pop3 } : {}), ...(d.imap ? { imap: d.imap } : {}), ...(d.checkEveryMinutes !== undefined ? { checkEveryMinutes: d.checkEveryMinutes } : {}) });
  return {
    ...current,
    ...base,
    pop3: { ...current.pop3, ...(d.pop3 ?? {}) },
    imap: { ...current.imap, ...(d.imap ?? {}) },
    checkEveryMinutes: d.checkEveryMinutes !== undefined ? d.checkEveryMinutes : current.checkEveryMinutes,
  } as ResolvedDevice;
}

/** The step for the draft: settings equal to the device's present ones are left out (unless it is a new account). */
export function configureStep(current: ResolvedDevice, d: ConfigureDraft): Event {
  const fresh = isNewAccount(current, d);
  const changed = (proto: 'pop3' | 'imap') => {
    const given = d[proto];
    if (!given) return undefined;
    const kept = Object.fromEntries(Object.entries(given).filter(([k, v]) => fresh || (current[proto] as Row)[k] !== v));
    return Object.keys(kept).length ? kept : undefined;
  };
  const protocol = d.protocol ?? current.protocol;
  const step: Row = { do: 'device.configure', device: current.id };
  if (d.protocol && d.protocol !== current.protocol) step.protocol = d.protocol;
  if (d.profile && d.profile !== current.profile) step.profile = d.profile;
  const settings = changed(protocol);
  if (settings) step[protocol] = settings;
  if (d.checkEveryMinutes !== undefined && (fresh || d.checkEveryMinutes !== current.checkEveryMinutes)) step.checkEveryMinutes = d.checkEveryMinutes;
  if (d.linkKbps !== undefined && d.linkKbps !== current.linkKbps) step.linkKbps = d.linkKbps;
  if (d.backup !== undefined && d.backup !== current.backup) step.backup = d.backup;
  return step as unknown as Event;
}

export interface ConfigureFormProps {
  readonly scenario: Scenario;
  readonly timeline: Timeline;
  readonly frame: number;
  readonly device: string;
  readonly keepLater: boolean;
  readonly deviceName: string;
  readonly onApply: (event: Event, label: string) => void;
  readonly onBack: () => void;
}

export function ConfigureForm({ scenario, timeline, frame, device, keepLater, deviceName, onApply, onBack }: ConfigureFormProps) {
  const { t } = useTranslation();
  const lang = useSelector(playerStore, (s) => s.lang);
  const [draft, setDraft] = useState<ConfigureDraft>({});
  const first = useRef<HTMLDivElement>(null);
  useEffect(() => first.current?.querySelector<HTMLElement>('select, input')?.focus(), []);
  const current = useMemo(() => devicesAtFrame(scenario.world, scenario.steps, timeline.stepStarts, frame).find((d) => d.id === device) ?? null, [scenario, timeline, frame, device]);
  const step = useMemo(() => (current ? configureStep(current, draft) : null), [current, draft]);
  const trial = useMemo(() => (step ? forkWith({ scenario, timeline, frame, event: step, keepLater }) : null), [scenario, timeline, frame, step, keepLater]);
  if (!current || !step || !trial) return null;
  const after = afterConfigure(current, draft);
  const protocol = draft.protocol ?? current.protocol;
  const profile = draft.profile ?? current.profile;
  const fresh = isNewAccount(current, draft);
  const names = Object.keys(step).filter((k) => k !== 'do' && k !== 'device');
  // The loader's problems with the step, placed at the form's fields (steps[N].imap.useMove → configure.imap.useMove).
  const problems = trial.ok ? [] : trial.problems.map((p) => ({ ...p, path: p.path.replace(/^steps\[\d+\]/, 'configure') }));
  const general = problems.filter((p) => p.path === 'configure' && names.length > 0);
  const path = (...k: string[]): Path => ['configure', ...k];
  const values: Record<string, unknown> = after
    ? { ...after[protocol], checkEveryMinutes: after.checkEveryMinutes }
    : { ...((draft[protocol] as Row | undefined) ?? {}), checkEveryMinutes: draft.checkEveryMinutes };
  const set = (patch: Partial<ConfigureDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setSetting = (key: string, v: unknown) => {
    if (key === 'checkEveryMinutes') return set({ checkEveryMinutes: v as number | null });
    set({ [protocol]: { ...((draft[protocol] as Row | undefined) ?? {}), [key]: v } });
  };
  const label = t('ui.sandbox.configure.injected', { count: names.length, changes: names.map((k) => t(`ui.sandbox.configure.what.${k}`)).join(', ') });
  return (
    <form
      className="configure-form"
      data-testid="configure-form"
      aria-labelledby="configure-heading"
      onSubmit={(e) => {
        e.preventDefault();
        if (trial.ok && names.length) onApply(step, label);
      }}
    >
      <p className="event-menu-title" id="configure-heading">
        {t('ui.sandbox.configure.heading', { device: deviceName })}
      </p>
      <p className="hint">{t('ui.sandbox.configure.intro')}</p>
      <div ref={first}>
        <SelectField
          path={path('protocol')}
          name="protocol"
          problems={problems}
          value={protocol}
          options={[
            { value: 'pop3', label: t('ui.sandbox.option.pop3') },
            { value: 'imap', label: t('ui.sandbox.option.imap') },
          ]}
          onChange={(v) => set({ protocol: v as 'pop3' | 'imap', pop3: undefined, imap: undefined })}
        />
      </div>
      <ProfileField path={path('profile')} problems={problems} value={profile ?? ''} onChange={(v) => set({ profile: v, pop3: undefined, imap: undefined })} />
      {fresh && (
        <p className="notice-inline" role="note" data-testid="configure-new-account">
          {t(profile ? 'ui.sandbox.configure.newAccountProfile' : 'ui.sandbox.configure.newAccount', { client: profile ? clientName(profile, lang) : '', protocol: protocol.toUpperCase() })}
        </p>
      )}
      <ClientSettings protocol={protocol} values={values} origins={after ? settingsView(after).settings : null} problems={problems} pathOf={(key) => (key === 'checkEveryMinutes' ? path(key) : path(protocol, key))} onChange={setSetting} />
      <NumberField path={path('linkKbps')} name="linkKbps" problems={problems} value={draft.linkKbps ?? current.linkKbps} onChange={(v) => set({ linkKbps: v ?? undefined })} />
      {current.kind !== 'webmail' && (
        <SelectField
          path={path('backup')}
          name="deviceBackup"
          problems={problems}
          value={draft.backup ?? current.backup}
          options={[
            { value: 'none', label: t('ui.sandbox.option.backupNone') },
            { value: 'daily', label: t('ui.sandbox.option.backupDaily') },
          ]}
          onChange={(v) => set({ backup: v as 'none' | 'daily' })}
        />
      )}
      {general.length > 0 && (
        <ul className="field-problem" data-testid="configure-problems">
          {general.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      )}
      <p className="configure-tools">
        <button type="submit" disabled={!trial.ok || names.length === 0} data-testid="configure-apply">
          {t('ui.sandbox.configure.apply')}
        </button>{' '}
        <button type="button" onClick={onBack} data-testid="configure-back">
          {t('ui.sandbox.configure.back')}
        </button>
      </p>
      {names.length === 0 && <p className="hint">{t('ui.sandbox.configure.nothingYet')}</p>}
    </form>
  );
}

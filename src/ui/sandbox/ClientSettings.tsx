// A mail client's settings for one protocol, as form fields: each shows the
// value the simulation will use and where it came from — the client profile's
// default (with the client's own words from the source), set by hand, or the
// model's default — and whether any current client has that value as its
// default. A value set by hand can go back to the default. Used by the builder
// (a device's settings from the start) and by "change a setting from now on".
import type { Problem, SettingView } from '../../sim';
import { PROFILE_IDS } from '../../sim/profiles/index';
import { useTranslation } from '../i18n/useTranslation';
import { useSelector } from '../store/useStore';
import { playerStore } from '../store/playerStore';
import { clientName } from '../profile/settingText';
import { CheckField, NumberField, SelectField } from './fields';
import type { Path } from './scenarioInput';

export const POP3_KEYS = ['leaveOnServer', 'deleteAfterDays', 'deleteOnServerWhen', 'headersOnly'] as const;
export const IMAP_KEYS = ['cache', 'deleteAction', 'saveSent', 'useMove', 'idle'] as const;

export interface ClientSettingsProps {
  readonly protocol: 'pop3' | 'imap';
  /** The values in use, by setting (checkEveryMinutes included). */
  readonly values: Readonly<Record<string, unknown>>;
  /** Where each came from (null while the device cannot load). */
  readonly origins: readonly SettingView[] | null;
  readonly problems: readonly Problem[];
  /** The field's path in the scenario (for its problems and test id). */
  readonly pathOf: (key: string) => Path;
  readonly onChange: (key: string, value: unknown) => void;
  /** Back to the profile's (or the model's) default; absent where there is none to go back to. */
  readonly onReset?: (key: string) => void;
}

/** "Thunderbird default", "set by hand — no current client's default", … */
function OriginLine({ s, onReset }: { s: SettingView; onReset?: () => void }) {
  const { t } = useTranslation();
  const lang = useSelector(playerStore, (x) => x.lang);
  const o = s.origin;
  const names = (ids: readonly string[]) => ids.map((id) => clientName(id, lang)).join(', ');
  let text = o.from === 'profile' ? t('ui.profile.fromProfile', { client: clientName(o.profile, lang) }) : t(o.from === 'scenario' ? 'ui.sandbox.origin.byHand' : 'ui.profile.fromModel');
  const others = o.from === 'profile' ? s.defaultOf.filter((id) => id !== o.profile) : s.defaultOf;
  if (others.length) text += `; ${t(o.from === 'profile' ? 'ui.profile.alsoDefaultOf' : 'ui.profile.isDefaultOf', { clients: names(others) })}`;
  else if (o.from !== 'profile') text += ` — ${t('ui.profile.noClientDefault')}`;
  return (
    <div className={`setting-origin origin-${o.from}`} data-testid={`origin-${s.key}`} data-origin={o.from}>
      <span>{text}</span>
      {o.from === 'scenario' && onReset && (
        <button type="button" className="link" onClick={onReset} data-testid={`reset-${s.key}`}>
          {t('ui.sandbox.origin.reset')}
        </button>
      )}
      {o.from === 'profile' && (o.sources.length > 0 || o.caveat) && (
        <details>
          <summary>{t('ui.sandbox.origin.words', { client: clientName(o.profile, lang) })}</summary>
          <ul>
            {o.sources.map((src, i) => (
              <li key={i}>
                <q>{src.quote}</q> <cite>{t(`ui.profile.sourceKind.${src.kind}`)}: {src.ref}</cite>
              </li>
            ))}
          </ul>
          {o.caveat && <p className="caveat">{o.caveat[lang]}</p>}
        </details>
      )}
    </div>
  );
}

export function ClientSettings({ protocol, values, origins, problems, pathOf, onChange, onReset }: ClientSettingsProps) {
  const { t } = useTranslation();
  const o = (k: string) => t(`ui.sandbox.option.${k}`);
  const originOf = (key: string) => origins?.find((s) => s.key === key);
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  const field = (key: string, node: React.ReactNode) => {
    const s = originOf(key);
    return (
      <div key={key} className="setting">
        {node}
        {s && <OriginLine s={s} onReset={onReset && (() => onReset(key))} />}
      </div>
    );
  };
  const check = (key: string) => field(key, <CheckField path={pathOf(key)} name={key} problems={problems} value={values[key] === true} onChange={(v) => onChange(key, v)} />);
  const choice = (key: string, options: ReadonlyArray<{ value: string; label: string }>) =>
    // An empty choice while no value is known (a client's unknown default the user must give).
    field(key, <SelectField path={pathOf(key)} name={key} problems={problems} value={str(values[key])} options={values[key] === undefined ? [{ value: '', label: t('ui.sandbox.origin.choose') }, ...options] : options} onChange={(v) => onChange(key, v)} />);
  const fields =
    protocol === 'pop3'
      ? [
          check('leaveOnServer'),
          field('deleteAfterDays', <NumberField path={pathOf('deleteAfterDays')} name="deleteAfterDays" problems={problems} value={num(values.deleteAfterDays)} onChange={(v) => onChange('deleteAfterDays', v)} />),
          choice(
            'deleteOnServerWhen',
            ['deletedLocally', 'deletedFromTrash', 'never'].map((v) => ({ value: v, label: o(v) })),
          ),
          check('headersOnly'),
        ]
      : [
          choice('cache', [
            { value: 'full', label: o('cacheFull') },
            { value: 'headers', label: o('cacheHeaders') },
            { value: 'none', label: o('cacheNone') },
          ]),
          choice(
            'deleteAction',
            ['trash', 'mark', 'expunge'].map((v) => ({ value: v, label: o(v) })),
          ),
          check('saveSent'),
          check('useMove'),
          check('idle'),
        ];
  return (
    <fieldset className="builder-sub">
      <legend>{t(protocol === 'pop3' ? 'ui.sandbox.builder.pop3' : 'ui.sandbox.builder.imap')}</legend>
      {fields}
      {field('checkEveryMinutes', <NumberField path={pathOf('checkEveryMinutes')} name="checkEveryMinutes" problems={problems} value={num(values.checkEveryMinutes)} onChange={(v) => onChange('checkEveryMinutes', v)} />)}
    </fieldset>
  );
}

/** The client profile field: none, or one of the clients the project has sourced defaults for. */
export function ProfileField({ path, problems, value, onChange }: { path: Path; problems: readonly Problem[]; value: string; onChange: (v: string | undefined) => void }) {
  const { t } = useTranslation();
  const lang = useSelector(playerStore, (x) => x.lang);
  return (
    <SelectField
      path={path}
      name="profile"
      problems={problems}
      value={value}
      options={[{ value: '', label: t('ui.sandbox.origin.noProfile') }, ...PROFILE_IDS.map((id) => ({ value: id, label: clientName(id, lang) }))]}
      onChange={(v) => onChange(v || undefined)}
    />
  );
}

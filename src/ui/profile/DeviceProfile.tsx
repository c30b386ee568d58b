// A device's client profile and, for each setting of the protocol it uses,
// its value and where it came from: the client's default (with the source),
// set in the scenario, or the model's default — and whether any current
// client has that value as its default. Texts only; nothing from a scenario
// file is rendered as HTML.
import type { TFunction } from 'i18next';
import type { DeviceSettingsView } from '../../sim';
import { clientName, originText, valueText } from './settingText';

export interface DeviceProfileProps {
  readonly view: DeviceSettingsView;
  /** The device's name as the picture shows it. */
  readonly deviceName: string;
  readonly t: TFunction;
  readonly lang: 'de' | 'en';
}

/**
 * The card's header says only what its lines hold: a client none of whose
 * defaults for these settings is established (Outlook classic) is not
 * presented as "Outlook defaults".
 */
function clientLine(view: DeviceSettingsView, t: TFunction, lang: 'de' | 'en'): string {
  if (!view.profile) return t('ui.profile.noProfile');
  const client = clientName(view.profile, lang);
  const fromProfile = view.settings.filter((s) => s.origin.from === 'profile').length;
  const unknown = view.settings.filter((s) => s.notEstablished).length;
  if (fromProfile === 0 && unknown > 0) return t('ui.profile.noDefaultsEstablished', { client });
  if (unknown > 0) return t('ui.profile.withProfileSome', { client, count: unknown });
  return t('ui.profile.withProfile', { client });
}

export function DeviceProfile({ view, deviceName, t, lang }: DeviceProfileProps) {
  const headingId = `device-profile-${view.device}`;
  return (
    <section className="device-profile" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('ui.profile.heading', { device: deviceName })}</h3>
      <p className="device-profile-client">
        {clientLine(view, t, lang)}
        {' · '}
        {t('ui.profile.protocol', { protocol: view.protocol.toUpperCase() })}
      </p>
      <dl className="device-profile-settings">
        {view.settings.map((s) => (
          <div key={s.key} className={`device-profile-setting origin-${s.origin.from}${s.defaultOf.length ? '' : ' no-client-default'}`}>
            <dt>{t(`ui.profile.setting.${s.key}`)}</dt>
            <dd>
              <span className="device-profile-value">{valueText(s, t)}</span>
              <span className="device-profile-origin"> — {originText(s, t, lang)}</span>
              {s.origin.from === 'profile' && s.origin.sources.length > 0 && (
                <details className="device-profile-sources">
                  <summary>{t('ui.profile.source')}</summary>
                  <ul>
                    {s.origin.sources.map((src, i) => (
                      <li key={i}>
                        {t(`ui.profile.sourceKind.${src.kind}`)}: <q>{src.quote}</q> <cite>{src.ref}</cite>
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

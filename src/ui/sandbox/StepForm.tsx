// One step's fields as a form: its time, what it does to what, and its note
// for the learner, each field explained and the loader's problem for exactly
// that field beside it (as in the builder). What kind of step it is stays as
// it is: another kind of event is removed and made anew from the picture.
import type { Problem } from '../../sim';
import { PROFILE_IDS } from '../../sim/profiles/index';
import { useTranslation } from '../i18n/useTranslation';
import { useSelector } from '../store/useStore';
import { playerStore } from '../store/playerStore';
import { clientName } from '../profile/settingText';
import { CheckField, NumberField, SelectField, TextField } from './fields';
import { getIn, type Path } from './scenarioInput';

type Row = Record<string, unknown>;

export interface StepFormProps {
  readonly index: number;
  readonly step: Row;
  readonly problems: readonly Problem[];
  readonly devices: readonly string[];
  readonly accounts: readonly string[];
  /** Devices, accounts and mails in people's words (the value stays the id). */
  readonly nameOf?: { readonly device: (id: string) => string; readonly account: (id: string) => string; readonly mail: (id: string) => string };
  /** Mail ids that exist before this step (arrived or sent earlier). */
  readonly mails: readonly string[];
  /** For a move: the folders it can go to, by id, with their names in the reader's language. */
  readonly folders: ReadonlyArray<{ value: string; label: string }>;
  /** A field changed: its path inside the step, the new value (undefined removes it). */
  readonly onChange: (path: Path, value: unknown) => void;
  /** The time field was left: the step moves to its place in time. */
  readonly onTimeDone: (next: Element | null) => void;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' ? v : null);
const list = (v: unknown) => (Array.isArray(v) ? v.join(', ') : '');
const splitList = (v: string) =>
  v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
/** The choices of a select, with the present value kept even when it is not (or no longer) one of them. */
const choices = (values: readonly string[], present: string, label: (v: string) => string = (v) => v) =>
  (present && !values.includes(present) ? [present, ...values] : values).map((v) => ({ value: v, label: values.includes(v) ? label(v) : v }));

export function StepForm({ index, step, problems, devices, accounts, mails, folders, nameOf, onChange, onTimeDone }: StepFormProps) {
  const { t } = useTranslation();
  const lang = useSelector(playerStore, (x) => x.lang);
  const at = (...k: Array<string | number>): Path => ['steps', index, ...k];
  const get = (...k: Array<string | number>) => getIn(step, k);
  const set = (k: Array<string | number>) => (v: unknown) => onChange(k, v);
  const kind = str(step.do);
  const text = (name: string, ...k: string[]) => <TextField key={k.join('.')} path={at(...k)} name={name} problems={problems} value={str(get(...k))} onChange={set(k)} />;
  const number = (name: string, ...k: string[]) => <NumberField key={k.join('.')} path={at(...k)} name={name} problems={problems} value={num(get(...k))} onChange={(v) => onChange(k, v ?? undefined)} />;
  const check = (name: string, ...k: string[]) => <CheckField key={k.join('.')} path={at(...k)} name={name} problems={problems} value={get(...k) === true} onChange={set(k)} />;
  const select = (name: string, values: readonly string[], ...k: string[]) => {
    const label = k[0] === 'device' ? nameOf?.device : k[0] === 'account' ? nameOf?.account : k[0] === 'mail' ? nameOf?.mail : undefined;
    return <SelectField key={k.join('.')} path={at(...k)} name={name} problems={problems} value={str(get(...k))} options={choices(values, str(get(...k)), label)} onChange={set(k)} />;
  };
  const accountList = (name: string, ...k: string[]) => <TextField key={k.join('.')} path={at(...k)} name={name} problems={problems} value={list(get(...k))} onChange={(v) => onChange(k, splitList(v))} />;
  const subject = (...k: string[]) => {
    const v = get(...k);
    // A subject is one text, or one per language: the form edits what is there.
    if (v && typeof v === 'object') return [text('subjectDe', ...k, 'de'), text('subjectEn', ...k, 'en')];
    return [text('subject', ...k)];
  };
  const note = (lang: 'de' | 'en') => (v: string) => {
    const current = { ...((get('note') as Row | undefined) ?? {}) };
    current[lang] = v;
    // Both languages or none, as the format wants.
    onChange(['note'], !current.de && !current.en ? undefined : current);
  };
  // A settings change: what it names, each field with "unchanged" to leave a setting as it was.
  const configureFields = (): React.ReactNode[] => {
    const o = (k: string) => t(`ui.sandbox.option.${k}`);
    const unchanged = { value: '', label: t('ui.sandbox.steps.unchanged') };
    const pick = (name: string, k: string[], options: ReadonlyArray<{ value: string; label: string }>) => (
      <SelectField key={k.join('.')} path={at(...k)} name={name} problems={problems} value={str(get(...k))} options={[unchanged, ...options]} onChange={(v) => onChange(k, v || undefined)} />
    );
    const out: React.ReactNode[] = [
      pick('protocol', ['protocol'], [
        { value: 'pop3', label: o('pop3') },
        { value: 'imap', label: o('imap') },
      ]),
      pick(
        'profile',
        ['profile'],
        PROFILE_IDS.map((id) => ({ value: id, label: clientName(id, lang) })),
      ),
    ];
    const ENUMS: Record<string, readonly string[]> = { deleteOnServerWhen: ['deletedLocally', 'deletedFromTrash', 'never'], cache: ['full', 'headers', 'none'], deleteAction: ['trash', 'mark', 'expunge'] };
    const optionKey: Record<string, string> = { full: 'cacheFull', headers: 'cacheHeaders', none: 'cacheNone' };
    for (const proto of ['pop3', 'imap'] as const) {
      const given = get(proto);
      if (!given || typeof given !== 'object') continue;
      for (const [key, value] of Object.entries(given as Row)) {
        if (typeof value === 'boolean') out.push(check(key, proto, key));
        else if (ENUMS[key]) out.push(pick(key, [proto, key], ENUMS[key].map((v) => ({ value: v, label: o(optionKey[v] ?? v) }))));
        else out.push(<NumberField key={`${proto}.${key}`} path={at(proto, key)} name={key} problems={problems} value={num(value)} onChange={(v) => onChange([proto, key], v)} />);
      }
    }
    if (get('checkEveryMinutes') !== undefined) out.push(<NumberField key="check" path={at('checkEveryMinutes')} name="checkEveryMinutes" problems={problems} value={num(get('checkEveryMinutes'))} onChange={(v) => onChange(['checkEveryMinutes'], v)} />);
    out.push(number('linkKbps', 'linkKbps'));
    out.push(
      pick('deviceBackup', ['backup'], [
        { value: 'none', label: o('backupNone') },
        { value: 'daily', label: o('backupDaily') },
      ]),
    );
    return out;
  };
  const fields: React.ReactNode[] = [];
  if ('device' in step) fields.push(select('stepDevice', devices, 'device'));
  switch (kind) {
    case 'mail.arrive':
      fields.push(text('mailId', 'mail', 'id'), text('from', 'mail', 'from'), accountList('to', 'mail', 'to'), ...subject('mail', 'subject'), number('sizeKB', 'mail', 'sizeKB'));
      break;
    case 'mail.burst':
      fields.push(text('prefix', 'prefix'), number('count', 'count'), number('everyMinutes', 'everyMinutes'), text('from', 'from'), accountList('to', 'to'), number('sizeKB', 'sizeKB'));
      break;
    case 'device.send':
      fields.push(text('mailId', 'mail', 'id'), accountList('sendTo', 'mail', 'to'), text('toAddress', 'mail', 'toAddress'), ...subject('mail', 'subject'), number('sizeKB', 'mail', 'sizeKB'), check('bccSelf', 'bccSelf'));
      break;
    case 'device.check':
      fields.push(check('dropBeforeQuit', 'dropBeforeQuit'));
      break;
    case 'device.read':
    case 'device.open':
    case 'device.delete':
      fields.push(select('stepMail', mails, 'mail'));
      break;
    case 'device.move':
      fields.push(
        select('stepMail', mails, 'mail'),
        <SelectField key="folder" path={at('folder')} name="folder" problems={problems} value={str(get('folder'))} options={str(get('folder')) && !folders.some((f) => f.value === get('folder')) ? [{ value: str(get('folder')), label: str(get('folder')) }, ...folders] : folders} onChange={set(['folder'])} />,
        check('local', 'local'),
      );
      break;
    case 'server.freeSpace':
      fields.push(select('stepAccount', accounts, 'account'), number('freeCount', 'count'));
      break;
    case 'provider.move':
      fields.push(check('copyMailboxes', 'copyMailboxes'));
      break;
    case 'provider.newMailbox':
      fields.push(check('copyMailboxes', 'copyMailboxes'), check('keepUidls', 'keepUidls'));
      break;
    case 'provider.dnsSwitch':
      fields.push(number('ttlHours', 'ttlHours'));
      break;
    case 'device.configure':
      fields.push(...configureFields());
      break;
  }
  return (
    <div className="step-form" role="group" aria-label={t('ui.sandbox.steps.editing', { n: index + 1 })} data-testid={`step-form-${index}`}>
      <div
        onBlur={(e) => {
          if (e.target instanceof HTMLInputElement) onTimeDone(e.relatedTarget as Element | null);
        }}
      >
        <TextField path={at('at')} name="stepAt" problems={problems} value={str(get('at'))} onChange={set(['at'])} />
      </div>
      {fields}
      <TextField path={at('note', 'de')} name="noteDe" problems={problems} value={str(get('note', 'de'))} onChange={note('de')} />
      <TextField path={at('note', 'en')} name="noteEn" problems={problems} value={str(get('note', 'en'))} onChange={note('en')} />
    </div>
  );
}

// One form field of the builder: label, one line saying what it means, the
// loader's problem for exactly this path right next to it.
import { useId } from 'react';
import type { Problem } from '../../sim';
import { useTranslation } from '../i18n/useTranslation';
import { pathText, type Path } from './scenarioInput';

export interface FieldProps {
  readonly path: Path;
  /** Key under ui.sandbox.field: its label and help. */
  readonly name: string;
  readonly problems: readonly Problem[];
}

function useField({ path, name, problems }: FieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const at = pathText(path);
  const mine = problems.filter((p) => p.path === at || p.path.startsWith(`${at}.`) || p.path.startsWith(`${at}[`));
  return {
    id,
    label: t(`ui.sandbox.field.${name}.label`),
    help: t(`ui.sandbox.field.${name}.help`),
    mine,
    at,
    describedBy: `${id}-help${mine.length ? ` ${id}-problem` : ''}`,
  };
}

/** Under every field: its help, then the problems found in it (the input's aria-describedby names both ids). */
function FieldNotes({ f }: { f: ReturnType<typeof useField> }) {
  return (
    <>
      <small id={`${f.id}-help`} className="field-help">
        {f.help}
      </small>
      {f.mine.length > 0 && (
        <ul id={`${f.id}-problem`} className="field-problem" data-testid={`problem-${f.at}`}>
          {f.mine.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      )}
    </>
  );
}

function Frame({ f, children }: { f: ReturnType<typeof useField>; children: React.ReactNode }) {
  return (
    <div className={`field${f.mine.length ? ' has-problem' : ''}`} data-path={f.at}>
      <label htmlFor={f.id}>{f.label}</label>
      {children}
      <FieldNotes f={f} />
    </div>
  );
}

export function TextField(props: FieldProps & { value: string; onChange: (v: string) => void }) {
  const f = useField(props);
  return (
    <Frame f={f}>
      <input id={f.id} type="text" value={props.value} aria-invalid={f.mine.length > 0} aria-describedby={f.describedBy} onChange={(e) => props.onChange(e.target.value)} data-testid={`field-${f.at}`} />
    </Frame>
  );
}

/** A number, or empty for "not set" (null or left out, as the format has it). */
export function NumberField(props: FieldProps & { value: number | null | undefined; onChange: (v: number | null) => void }) {
  const f = useField(props);
  return (
    <Frame f={f}>
      <input
        id={f.id}
        type="number"
        inputMode="numeric"
        value={props.value ?? ''}
        aria-invalid={f.mine.length > 0}
        aria-describedby={f.describedBy}
        onChange={(e) => props.onChange(e.target.value === '' ? null : Number(e.target.value))}
        data-testid={`field-${f.at}`}
      />
    </Frame>
  );
}

export function SelectField(props: FieldProps & { value: string; options: ReadonlyArray<{ value: string; label: string }>; onChange: (v: string) => void }) {
  const f = useField(props);
  return (
    <Frame f={f}>
      <select id={f.id} value={props.value} aria-invalid={f.mine.length > 0} aria-describedby={f.describedBy} onChange={(e) => props.onChange(e.target.value)} data-testid={`field-${f.at}`}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

export function CheckField(props: FieldProps & { value: boolean; onChange: (v: boolean) => void }) {
  const f = useField(props);
  return (
    <div className={`field check${f.mine.length ? ' has-problem' : ''}`} data-path={f.at}>
      <input id={f.id} type="checkbox" checked={props.value} aria-describedby={f.describedBy} onChange={(e) => props.onChange(e.target.checked)} data-testid={`field-${f.at}`} />
      <label htmlFor={f.id}>{f.label}</label>
      <FieldNotes f={f} />
    </div>
  );
}

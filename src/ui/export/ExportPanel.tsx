// Export for slides and notes: the table as CSV, the transcript as text, and a
// whole scenario or a range of steps as GIF, WebM or MP4 at a slide size.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import { playerStore } from '../store/playerStore';
import { useSelector } from '../store/useStore';
import { stepMarks } from '../store/commands';
import { sessionOf } from '../model/session';
import { placesCsv, transcriptText } from './tables';
import { exportFileName, type ExportPart } from './fileName';
import { SLIDE_SIZES, planAnimation, stepRange } from './plan';
import { exportAnimation } from './animate';
import { CODEC_LABEL, type EncodeFormat, type VideoCodecs } from './encodeProtocol';
import { probeVideoCodecs } from './probeCodecs';
import './export.css';
import { downloadBlob as download } from './download';

export function ExportPanel() {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const timeline = useSelector(playerStore, (s) => s.timeline);
  const variant = useSelector(playerStore, (s) => s.variant);
  const lang = useSelector(playerStore, (s) => s.lang);
  const [format, setFormat] = useState<EncodeFormat>('gif');
  const [whole, setWhole] = useState(true);
  const [steps, setSteps] = useState<[number, number]>([1, 1]);
  const [size, setSize] = useState(0);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [message, setMessage] = useState('');
  const abort = useRef<AbortController | null>(null);
  const [probed, setProbed] = useState<{ key: string; codecs: VideoCodecs } | null>(null);
  useEffect(() => {
    if (open) dialog.current?.showModal();
    else dialog.current?.close();
  }, [open]);
  const { width, height } = SLIDE_SIZES[size];
  // What this browser can encode at this size (asked once per size; null while asking).
  const sizeKey = `${width}x${height}`;
  const codecs = probed?.key === sizeKey ? probed.codecs : null;
  useEffect(() => {
    if (!open) return;
    let current = true;
    void probeVideoCodecs(width, height).then((c) => current && setProbed({ key: `${width}x${height}`, codecs: c }));
    return () => {
      current = false;
    };
  }, [open, width, height]);
  const session = timeline ? sessionOf(timeline) : undefined;
  if (!session) return null;
  const marks = stepMarks(playerStore.get());
  const last = session.timeline.frames.length - 1;
  const [from, to] = whole ? [0, last] : stepRange(marks, session.timeline.frames.length, steps[0], steps[1]);
  const part: ExportPart['part'] = whole ? 'all' : { steps: [Math.min(...steps), Math.max(...steps)] };
  const base = { scenario: session.scenario.id, variant, lang };
  const pictures = planAnimation(from, to).length;
  const codec = format === 'gif' ? null : (codecs?.[format] ?? null);
  const canStart = format === 'gif' || codec !== null;
  const videoOption = (f: 'webm' | 'mp4', name: string) => {
    const c = codecs?.[f];
    return (
      <option value={f} disabled={codecs !== null && !c}>
        {codecs && !c ? t('ui.publish.export.unavailable', { format: name }) : c ? `${name} (${CODEC_LABEL[c]})` : name}
      </option>
    );
  };
  const codecNote = !codecs ? t('ui.publish.export.codecChecking') : !codecs.mp4 ? t('ui.publish.export.codecMp4None') : codecs.mp4 !== 'avc' ? t('ui.publish.export.codecMp4Other', { codec: CODEC_LABEL[codecs.mp4] }) : t('ui.publish.export.codecMp4Avc');

  const start = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setMessage('');
    setProgress({ done: 0, total: pictures });
    try {
      const blob = await exportAnimation({ session, from, to, width, height, format, codec, lang, t, signal: controller.signal, onProgress: (done, total) => setProgress({ done, total }) });
      download(blob, exportFileName({ ...base, part }, format));
      setMessage(t('ui.publish.export.done'));
    } catch (err) {
      setMessage(err instanceof DOMException && err.name === 'AbortError' ? t('ui.publish.export.cancelled') : t('ui.publish.export.failed', { reason: err instanceof Error ? err.message : String(err) }));
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };
  const frame = playerStore.get().frame;
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} data-testid="export-open">
        {t('ui.publish.export.open')}
      </button>
      <dialog ref={dialog} className="export-panel" aria-labelledby={`${id}-h`} onClose={() => setOpen(false)} data-testid="export-dialog">
        {open && (
          <>
            <h2 id={`${id}-h`}>{t('ui.publish.export.heading')}</h2>
            <section>
              <h3>{t('ui.publish.export.text')}</h3>
              <button type="button" onClick={() => download(new Blob([placesCsv(session, frame, t, lang)], { type: 'text/csv;charset=utf-8' }), exportFileName({ ...base, part: { frame } }, 'csv'))} data-testid="export-csv">
                {t('ui.publish.export.csv')}
              </button>{' '}
              <button type="button" onClick={() => download(new Blob([transcriptText(session, from, to, t, lang)], { type: 'text/plain;charset=utf-8' }), exportFileName({ ...base, part }, 'txt'))} data-testid="export-transcript">
                {t('ui.publish.export.transcript')}
              </button>
            </section>
            <section>
              <h3>{t('ui.publish.export.animation')}</h3>
              <fieldset>
                <legend>{t('ui.publish.export.range')}</legend>
                <label className="check">
                  <input type="radio" name={`${id}-range`} checked={whole} onChange={() => setWhole(true)} data-testid="export-whole" /> {t('ui.publish.export.whole')}
                </label>
                <label className="check">
                  <input type="radio" name={`${id}-range`} checked={!whole} onChange={() => setWhole(false)} data-testid="export-steps" /> {t('ui.publish.export.steps')}
                </label>
                <label>
                  {t('ui.publish.export.fromStep')}{' '}
                  <input type="number" min={1} max={marks.length} value={steps[0]} disabled={whole} onChange={(e) => setSteps([Number(e.target.value) || 1, steps[1]])} data-testid="export-from" />
                </label>
                <label>
                  {t('ui.publish.export.toStep')}{' '}
                  <input type="number" min={1} max={marks.length} value={steps[1]} disabled={whole} onChange={(e) => setSteps([steps[0], Number(e.target.value) || 1])} data-testid="export-to" />
                </label>
              </fieldset>
              <label>
                {t('ui.publish.export.format')}{' '}
                <select value={format} onChange={(e) => setFormat(e.target.value === 'webm' || e.target.value === 'mp4' ? e.target.value : 'gif')} data-testid="export-format">
                  <option value="gif">GIF</option>
                  {videoOption('webm', 'WebM')}
                  {videoOption('mp4', 'MP4')}
                </select>
              </label>{' '}
              <label>
                {t('ui.publish.export.size')}{' '}
                <select value={size} onChange={(e) => setSize(Number(e.target.value))} data-testid="export-size">
                  {SLIDE_SIZES.map((s, i) => (
                    <option key={i} value={i}>
                      {s.width} × {s.height}
                    </option>
                  ))}
                </select>
              </label>
              <p className="muted" data-testid="export-codec" data-mp4={codecs?.mp4 ?? ''} data-webm={codecs?.webm ?? ''}>
                {codecs && !codecs.webm ? `${t('ui.publish.export.codecWebmNone')} ` : ''}
                {codecNote}
              </p>
              <p className="muted" data-testid="export-summary" data-pictures={pictures}>
                {t('ui.publish.export.summary', { count: pictures, changes: to - from + 1 })}
              </p>
              {progress ? (
                <p>
                  <progress max={progress.total} value={progress.done} data-testid="export-progress" /> {progress.done} / {progress.total}{' '}
                  <button type="button" onClick={() => abort.current?.abort()} data-testid="export-cancel">
                    {t('ui.publish.export.cancel')}
                  </button>
                </p>
              ) : (
                <button type="button" onClick={() => void start()} disabled={!canStart} data-testid="export-start">
                  {t('ui.publish.export.start')}
                </button>
              )}
              <p role="status" data-testid="export-message">
                {message}
              </p>
            </section>
            <button type="button" onClick={() => setOpen(false)}>
              {t('ui.publish.builder.close')}
            </button>
          </>
        )}
      </dialog>
    </>
  );
}

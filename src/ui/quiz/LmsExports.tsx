// Two buttons beside the handout: the scenario's questions as Moodle XML, and
// the scenario as a SCORM 1.2 package. The export code (and the zip library)
// loads only when one is pressed.
import { useState } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import { playerStore } from '../store/playerStore';
import { useSelector } from '../store/useStore';
import { downloadBlob } from '../export/download';

async function moodle(): Promise<void> {
  const p = playerStore.get();
  if (!p.loaded || !p.timeline) return;
  const [{ moodleXml }, { fixedT }] = await Promise.all([import('../../lms/moodleXml'), import('../../lms/texts')]);
  const xml = moodleXml([{ scenario: p.loaded.scenario, timeline: p.timeline }], 'multilang', { de: fixedT('de'), en: fixedT('en') });
  downloadBlob(new Blob([xml], { type: 'application/xml' }), `${p.loaded.scenario.id}-moodle.xml`);
}

async function scorm(): Promise<void> {
  const p = playerStore.get();
  if (!p.loaded || !p.timeline) return;
  const [{ scormZip }, { fixedT }, script, css] = await Promise.all([
    import('../../lms/scorm/build'),
    import('../../lms/texts'),
    import('../../lms/scorm/launch.js?raw').then((m) => m.default),
    import('../../lms/scorm/launch.css?raw').then((m) => m.default),
  ]);
  const zip = scormZip({ scenarios: [{ scenario: p.loaded.scenario, timeline: p.timeline }], lang: p.lang, ts: { de: fixedT('de'), en: fixedT('en') }, doc: document, assets: { script, css } });
  downloadBlob(new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), `${p.loaded.scenario.id}-scorm12.zip`);
}

export function LmsExports() {
  const { t } = useTranslation();
  const questions = useSelector(playerStore, (s) => s.loaded?.scenario.questions.length ?? 0);
  const [busy, setBusy] = useState(false);
  const run = (f: () => Promise<void>) => {
    setBusy(true);
    void f().finally(() => setBusy(false));
  };
  return (
    <>
      {questions > 0 && (
        <button type="button" onClick={() => run(moodle)} disabled={busy} title={t('ui.quiz.moodleTitle')} data-testid="export-moodle">
          {t('ui.quiz.moodle')}
        </button>
      )}
      <button type="button" onClick={() => run(scorm)} disabled={busy} title={t('ui.quiz.scormTitle')} data-testid="export-scorm">
        {t('ui.quiz.scorm')}
      </button>
    </>
  );
}

// Export file names say what is in the file: scenario, variant, which part, language.
//   pop3-three-devices-imap-steps3-5-de.gif · pop3-three-devices-frame12-en.csv
export interface ExportPart {
  readonly scenario: string;
  readonly variant: string | null;
  readonly lang: 'de' | 'en';
  /** A frame ("frame12"), a range of steps ("steps3-5"), or the whole scenario ("all"). */
  readonly part: { frame: number } | { steps: readonly [number, number] } | 'all';
}

export function exportFileName(p: ExportPart, ext: string): string {
  const part = p.part === 'all' ? 'all' : 'frame' in p.part ? `frame${p.part.frame}` : p.part.steps[0] === p.part.steps[1] ? `step${p.part.steps[0]}` : `steps${p.part.steps[0]}-${p.part.steps[1]}`;
  const safe = (s: string) => s.replace(/[^a-z0-9-]/gi, '_');
  return `${safe(p.scenario)}${p.variant ? `-${safe(p.variant)}` : ''}-${part}-${p.lang}.${ext}`;
}

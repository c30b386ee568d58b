// Line drawings for the picture's places, in a 24 × 24 box, drawn with a stroke
// (no fill) so they take the theme's ink. One per kind of device and place: the
// shape says what it is before the name is read.
export type IconKind = 'desktop' | 'laptop' | 'phone' | 'tablet' | 'webmail' | 'server' | 'internet' | 'backup' | 'intruder' | 'lost';

export const ICON_PATHS: Readonly<Record<IconKind, string>> = {
  // A monitor on a stand.
  desktop: 'M2 3h20v13H2zM9 20h6M12 16v4',
  // An open lid over a wider base.
  laptop: 'M4 4h16v11H4zM1 19h22l-2-4H3z',
  // A tall handset with a speaker slit and a button.
  phone: 'M7 1h10a1 1 0 0 1 1 1v20a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1V2a1 1 0 0 1 1-1zM10 3.5h4M12 20v.5',
  // A wide slate with a button.
  tablet: 'M3 2h18a1 1 0 0 1 1 1v18a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1zM2 18h20M12 20v.5',
  // A browser window with an address bar.
  webmail: 'M2 3h20v18H2zM2 7h20M4.5 5h.5M6.5 5h.5M10 10h8M6 14h12M6 17h9',
  // A rack of three units with their lights.
  server: 'M3 2h18v6H3zM3 9h18v6H3zM3 16h18v6H3zM6 5h.5M6 12h.5M6 19h.5M10 5h8M10 12h8M10 19h8',
  // The globe: where other people's mail comes from.
  internet: 'M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20zM2 12h20M12 2c3 3 4 6.5 4 10s-1 7-4 10M12 2c-3 3-4 6.5-4 10s1 7 4 10',
  // An archive box.
  backup: 'M2 3h20v5H2zM4 8v13h16V8M9 12h6',
  // A warning sign.
  intruder: 'M12 2L23 21H1zM12 9v6M12 18v.5',
  // A broken envelope: nothing left.
  lost: 'M2 5h20v14H2zM2 5l10 8 10-8M5 22L19 2',
};

export function iconForDevice(kind: string): IconKind {
  return kind === 'desktop' || kind === 'laptop' || kind === 'phone' || kind === 'tablet' || kind === 'webmail' ? kind : 'desktop';
}

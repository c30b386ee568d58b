// Playback icons as inline SVG (font glyphs for ⏮ ⏪ are missing on many systems).
const paths: Record<string, string> = {
  restart: 'M3 3h2v10H3zM14 3v10L6 8z',
  stepBack: 'M8 3v10L2 8zM15 3v10L9 8z',
  back: 'M12 3v10L5 8zM3 3h2v10H3z',
  play: 'M4 2v12l10-6z',
  pause: 'M3 2h4v12H3zM9 2h4v12H9z',
  forward: 'M4 3v10l7-5zM11 3h2v10h-2z',
  stepForward: 'M1 3v10l6-5zM8 3v10l6-5z',
};

export function Icon({ name }: { name: keyof typeof paths }) {
  return (
    <svg className="icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="currentColor" />
    </svg>
  );
}

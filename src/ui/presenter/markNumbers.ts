// Which step marks carry their number under the presenter's timeline. With many
// steps close together the numbers ran into each other ("123 4 56" for 18 steps
// on a 280 px bar), so a number is shown only where it has room: the current
// step's always, the others left to right when at least `gap` pixels from every
// number already shown.

/** The indexes of the marks whose number is shown; `xs` are the marks' positions in pixels, ascending. */
export function numberedMarks(xs: readonly number[], current: number, gap: number): Set<number> {
  const shown = new Set<number>();
  const hasCurrent = current >= 0 && current < xs.length;
  if (hasCurrent) shown.add(current);
  let last = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    if (i === current) {
      last = xs[i];
      continue;
    }
    const clearOfCurrent = !hasCurrent || Math.abs(xs[i] - xs[current]) >= gap;
    if (xs[i] - last >= gap && clearOfCurrent) {
      shown.add(i);
      last = xs[i];
    }
  }
  return shown;
}

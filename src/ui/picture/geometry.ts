// Sizes shared by the layout and the renderer, in CSS pixels.
export const CELL = 22;
export const TOKEN_R = 9;
export const FOLDER_LABEL = 15;
export const PAD = 8;
export const GAP = 12;
export const HEADER = 40;

export interface Point {
  readonly x: number;
  readonly y: number;
}

export const lerp = (a: Point, b: Point, t: number): Point => ({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });

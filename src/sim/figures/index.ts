// The scorecard's figures per frame, built incrementally (re-exported by src/sim/index.ts).
export { FrameFigures, figuresOf } from './figures';

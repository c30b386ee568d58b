// What the build runs of the engine, loaded through Vite's module runner by
// trustedScenarios.ts (so vite.config.ts does not bundle the engine itself).
export { formatProblem, loadScenarioText, withVariant } from '../../sim';
export { packedTimelineOf } from './trustedTimelines';

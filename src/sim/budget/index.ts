// The work budget's public part (re-exported by src/sim/index.ts).
export { checkWorkBudget, estimateWork, WORK_LIMIT, type BudgetVerdict, type CapPassed, type Lever, type WorkEstimate } from './workBudget';
export { profileOf, type WorkProfile } from './workProfile';
export { loadWithinLimits, nestingProblem, MAX_NESTING } from './inputLimits';
export { WORK_CAP, capVerdict } from './workCap';
export { WorkCapExceeded, WORK_COUNTERS, type WorkCounter, type WorkCounts } from '../recorder/workGuard';

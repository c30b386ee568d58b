// The work budget's public part (re-exported by src/sim/index.ts).
export { checkWorkBudget, estimateWork, WORK_LIMIT, type BudgetVerdict, type Lever, type WorkEstimate } from './workBudget';
export { profileOf, type WorkProfile } from './workProfile';
export { loadWithinLimits, nestingProblem, MAX_NESTING } from './inputLimits';

// Predict-then-run questions in a scenario file. The question format is owned
// here (not in scenario/), so the scenario schema only says where questions go.
// Until the question kinds are defined, a scenario may hold none.
import { z } from 'zod';

export const Questions = z.array(z.never()).max(0).default([]).describe('Predict-then-run questions (none yet).');
export type Questions = z.infer<typeof Questions>;

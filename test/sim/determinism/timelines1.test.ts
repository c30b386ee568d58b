// Half 1 of the built-in scenarios and variants run twice give the same timeline (see sameTimelineTwice.ts).
import { describe } from 'vitest';
import { halfOf } from '../builtinCases';
import { sameTimelineTwice } from './sameTimelineTwice';

describe('the same scenario gives the same timeline (half 1 of 2)', () => sameTimelineTwice(halfOf(0)));

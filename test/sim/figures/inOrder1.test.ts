// Half 1 of the built-in scenarios and variants: incremental figures equal metricsOf at every frame (see inOrder.ts).
import { describe } from 'vitest';
import { halfOf } from '../builtinCases';
import { figuresEqualMetricsInOrder } from './inOrder';

describe('incremental figures equal metricsOf (half 1 of 2)', () => figuresEqualMetricsInOrder(halfOf(0)));

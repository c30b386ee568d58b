// axe (accessibility) over a whole page, as the browser tests run it.
//
// The same rules over the same document as `new AxeBuilder({ page }).analyze()`, with less work
// around them. By default @axe-core/playwright runs axe in parts (runPartial in each frame) and then
// opens a new blank page, injects axe (0.5 MB) into it as well and joins the parts there (finishRun):
// that page cost more than the analysis. Legacy mode runs axe.run in the page itself, which reaches
// same-origin frames on its own (these pages have none); and only the violations are asked for in
// full (resultTypes), not every node that passed. Compared on the gallery, a scenario, the notes window
// and the printed handout: the same violations, passes, incomplete and inapplicable rules in both
// ways; 2.3-4 s per page became 0.5-2 s at load 6.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';

export function analyze(page: Page): Promise<AxeResults> {
  return new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ['violations'] }).analyze();
}

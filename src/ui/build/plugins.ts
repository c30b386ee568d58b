// The player's build plugins, for vite.config.ts.
import type { PluginOption } from 'vite';
import { contentSecurityPolicy } from './csp.js';
import { scenarioIndex } from './scenarioIndex.js';
import { trustedScenarioModules } from './trustedScenarios.js';
import { oembedFiles } from './oembed.js';
import { embedWithoutValidator } from './embedWithoutValidator.js';
import { embedPreload } from './embedPreload.js';
import { embedStrings } from './embedStrings.js';

export function playerPlugins(root: string, base = '/'): PluginOption[] {
  // The policy comes last: it allows the inline scripts the plugins before it added, by their hashes.
  return [scenarioIndex(root), trustedScenarioModules(root), oembedFiles(root, base), embedWithoutValidator(root), embedPreload(base), embedStrings(root), contentSecurityPolicy()];
}

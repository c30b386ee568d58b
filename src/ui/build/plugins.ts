// The player's build plugins, for vite.config.ts.
import type { PluginOption } from 'vite';
import { contentSecurityPolicy } from './csp';
import { scenarioIndex } from './scenarioIndex';
import { trustedScenarioModules } from './trustedScenarios';
import { oembedFiles } from './oembed';
import { embedWithoutValidator } from './embedWithoutValidator';
import { embedPreload } from './embedPreload';

export function playerPlugins(root: string, base = '/'): PluginOption[] {
  return [contentSecurityPolicy(), scenarioIndex(root), trustedScenarioModules(root), oembedFiles(root, base), embedWithoutValidator(root), embedPreload(base)];
}

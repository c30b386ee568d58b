// The player's build plugins, for vite.config.ts.
import type { PluginOption } from 'vite';
import { contentSecurityPolicy } from './csp';
import { scenarioIndex } from './scenarioIndex';
import { trustedScenarioModules } from './trustedScenarios';

export function playerPlugins(root: string): PluginOption[] {
  return [contentSecurityPolicy(), scenarioIndex(root), trustedScenarioModules(root)];
}

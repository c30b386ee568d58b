// Modules the build writes (src/ui/build/trustedScenarios.ts).
declare module 'virtual:trusted-scenarios' {
  import type { Scenario, Text } from '../../sim';
  const list: Readonly<
    Record<
      string,
      {
        readonly title: Text;
        readonly variants: Readonly<Record<string, Text>>;
        readonly load: () => Promise<{ default: { readonly base: Scenario; readonly variants: Readonly<Record<string, Scenario>> } | null }>;
      }
    >
  >;
  export default list;
}

// The scenario validator, fetched only when a stranger's scenario needs checking
// (src/ui/build/embedWithoutValidator.ts); in the full app it is always there.
declare module 'virtual:scenario-validator' {
  export function loadValidator(): Promise<void>;
}

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
        /** Where the timelines simulated at build time are ('' the base, else a variant; only the embed's build has them): packed text. */
        readonly timelines: Readonly<Record<string, string>>;
      }
    >
  >;
  export default list;
}

declare module 'virtual:trusted-scenario-loaders' {
  import type { Scenario } from '../../sim';
  const list: Readonly<
    Record<
      string,
      {
        readonly variants: readonly string[];
        readonly load: () => Promise<{ default: { readonly base: Scenario; readonly variants: Readonly<Record<string, Scenario>> } | null }>;
        /** Where the timelines simulated at build time are ('' the base, else a variant; only the embed's build has them): packed text. */
        readonly timelines: Readonly<Record<string, string>>;
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

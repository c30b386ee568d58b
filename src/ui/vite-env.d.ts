/// <reference types="vite/client" />

declare module 'virtual:scenario-index' {
  const entries: ReadonlyArray<{
    file: string;
    id: unknown;
    title: unknown;
    summary: unknown;
    claims: unknown;
    counterTo: unknown;
    topics: unknown;
    devices: unknown;
    variants: string[];
    mails: number;
  }>;
  export default entries;
}

// Client profiles: real mail clients' default settings, each with its source.
export * from './types';
export { PROFILES, profileById, isProfileId } from './catalogue';
export { resolveSettings, type Origin, type Resolution } from './resolve';

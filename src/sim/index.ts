// The simulation's public face: everything outside src/sim imports from here.
export { simulate, type SimulateOptions } from './run/simulate';
export { loadScenarioText, loadScenarioData, withVariant, formatProblem, type Problem, type LoadResult } from './scenario/load';
export { Scenario, type Step, type World, type Device, type Text } from './scenario/schema';
export { type Subject, type CustomFolder } from './scenario/schema';
export { protocolSubject, subjectText, folderId, folderIds, scenarioTexts, type ScenarioTexts } from './scenario/texts';
export { parseTime, formatTime, dayOf } from './scenario/time';
export { frameLines, type Frame, type Timeline, type Transfer, type TransferKind, type ProtocolLine, type SessionInfo, type Narration } from './timeline';
export { metricsOf, lostMails } from './run/metrics';
export type { Metrics, MailWhereabouts, AccountUsage, DeviceView } from './metrics.types';
export { copiesByPlace, backupGenerations, type PlacedCopy, type BackupGenerationsView } from './run/views';
export { mailHistory, type HistoryEntry } from './run/history';
export { formatFlags, flagNames, hasFlag, Flag } from './model/flags';
export { placeKind, parseServerPlace, parseDevicePlace, type PlaceId, type PlaceKind } from './model/places';
export type { Copy, MailInfo, WorldState, MailId } from './model/state';
export { insertStep, type ForkResult } from './scenario/fork';
export { timelineToJSON } from './run/serialize';
export { scenarioJsonSchemaText } from './scenario/jsonSchema';
export { checkWorkBudget, estimateWork, loadWithinLimits, profileOf, nestingProblem, MAX_NESTING, WORK_LIMIT, type BudgetVerdict, type Lever, type WorkEstimate, type WorkProfile } from './budget';
// Connection security: a device's `tls` setting as a mode, and the port it means (picture, sandbox).
export { tlsModeOf, portOf, type TlsMode, type Service } from './protocol/tls';
// Device settings: where each came from (scenario, client profile, model default).
export { settingsView, type DeviceSettingsView, type SettingView, type SettingOrigin } from './scenario/settings';
export { MODEL_POP3, MODEL_IMAP } from './scenario/modelDefaults';
export { devicesAtFrame, deviceSettingsAtFrame } from './run/deviceSettings';
// Predict-then-run questions: their shape, their located checks and their answers read from a timeline.
export { Question, Questions, type QuestionKind } from './questions/schema';
export { checkQuestions, type QuestionProblem } from './questions/check';
export { answerOf, isCorrect, questionFrames, spotOfPlace, spotOptions, type Answer, type Response, type Spot, type QuestionFrames } from './questions/answer';
// The hard cap inside a run, the one door for strangers' scenarios, and the scorecard's figures for every frame at once.
export { simulateWithinBudget, type WithinBudget } from './run/simulate';
export { WORK_CAP, capVerdict, WorkCapExceeded, WORK_COUNTERS, type CapPassed, type WorkCounter, type WorkCounts } from './budget';
export { FrameFigures, figuresOf } from './figures';
// The Timeline class itself, for rebuilding a timeline that crossed from the simulation worker.
export { Timeline as EngineTimeline } from './timeline';

// A provider move over days (rules 87–94): the new provider's mailbox id and how senders' resolvers are modelled.
export { NEW_PROVIDER_SUFFIX, GONE_MAILBOX_SUFFIX, newProviderMailbox, accountOfMailbox } from './model/places';
export { cacheExpiry } from './run/stagedMove';

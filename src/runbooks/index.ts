// The runbooks capability: Markdown runbooks parsed into a runnable checklist (no UI here).
export type * from './model.js';
export { parseRunbook } from './parse.js';
export { loadRunbook, listRunbooks } from './load.js';
export { checkRunbook, type RunbookProblem } from './check.js';
export { sectionToOpen, suggestSections, type ObservedState, type SectionSuggestion } from './symptoms.js';
export { RunbookProgress, type StepState, type StepStatus, type ProgressEvent, type PastEvent } from './progress.js';
export { prepareCommand, runPreparedCommand, type PreparedCommand, type StepRunOutcome } from './run-step.js';
export { findPlaceholders, fillPlaceholders, placeholderEnvName, isSecretPlaceholder } from './placeholders.js';
export { OutputBuffer } from './output-buffer.js';

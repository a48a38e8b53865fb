// The config module's public face: load, check, and the model every capability reads.
export { ConfigError, formatProblem, type ConfigProblem } from './errors.js';
export { findConfigPath, loadConfig, loadConfigText, DEFAULT_CONFIG_NAME } from './load.js';
export { lintConfig, type LintOptions } from './lint.js';
export { parseDuration } from './duration.js';
export { parseSeverity } from './severity.js';
export type * from './types.js';
export { SEVERITIES } from './types.js';

// Public face of the SDK dialects (re-exported by engine/index.ts): one core,
// three ways of configuring it.
export { DIALECTS, DIALECT_TITLES, isDialect, type Dialect, type CommonSettings, type CommonKey, type SettingNote } from './dialect';
export { DIALECT_CONFLICTS, type DialectConflict, type DocumentedValue } from './conflicts';
export { parseDialectConfig, dialectFieldName, type ParsedDialectConfig } from './parse';
export type { DialectContext } from './spec';
export { simulateDialectJob, type DialectJobOptions, type DialectSimulation } from './simulate-dialect';
export { convertConfig, type ConvertedConfig, type ConvertContext } from './convert';

export { describeRecordExamples, recordExamples } from './record-examples';
export type { RuleCase } from './record-examples';
export { startThemeTestApp } from './theme-test-app';
export type { ThemeTestApp } from './theme-test-app';
export { eventually, startFlowTheme, stopFlowThemes } from './flow-apps';
export type { RunningTheme } from './flow-apps';
export { describeFixtureRecords } from './fixture-records';
export { describeHostileInput } from './hostile-input';

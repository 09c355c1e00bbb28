/**
 * The simulation core's public API: what the CLI, the browser worker and the batch engine use.
 * Pure TypeScript: no DOM, no Node.
 */
export { resolveScenario, parseScenarioText, defaultScenario, type ResolvedScenario } from './schema/resolve.ts';
export { ScenarioError, type Problem } from './schema/errors.ts';
export { scenarioFileSchema, DEFAULT_SCALE, type ScenarioFile } from './schema/scenario.ts';
export { runScenario, createSimulation, merchantTable, sharedMonths, leversOf, MODEL_VERSION, type RunResult, type RunOptions, type Simulation, type SimulationOptions, type Checkpoint, type MerchantTable } from './run.ts';
export { SeriesTable, FlowCube, type SeriesKey } from './collect/recorder.ts';
export { METRICS, RATIO_METRICS, PER_MONTH_METRICS, type MetricInfo } from './collect/metrics.ts';
export { CHANNELS, STAGES, MODES, DIGITAL_LEVELS, EXIT_REASONS, BUYER_KINDS } from './ids.ts';
export { formatMonth, parseMonth } from './schema/dates.ts';
export { controlTree, allControls, isInertControl, controlById, getControlValue, setControlValue, pruneDefaults, sameAsDefault, finalValue, toFullSchedule, retarget, targetStartMonths, isSchedule, controlForProblemPath, parsedDefaults, shockTypes, GROUP_ORDER, type Control, type ControlGroup, type ShockType, type ShockField } from './schema/introspect.ts';
export { TIMESERIES_HEADER, csvCell, csvLine, csvText, timeseriesRows } from './export/csv.ts';
export { MAX_SCENARIO_BYTES } from './schema/resolve.ts';
export { horizonNotes, CALIBRATED_START, PLANS_END } from './schema/horizon.ts';
export { valueAt } from './schema/schedule.ts';
export type { Schedule, ScheduleInput, ParamMeta, Group } from './schema/param.ts';
export type { Text } from './schema/labels.ts';
export { DEFAULT_REGIONS, DEFAULT_MODES, DEFAULT_CATEGORIES, POLICY_START } from './schema/world-data.ts';
export { parseLesson, checkLesson, stepScenario, lessonSchema, lessonProblems, LESSON_VIEWS, type Lesson } from './lessons/schema.ts';
export { LEVEL_COUNT, STAGE_COUNT, CHANNEL_COUNT } from './ids.ts';
export { sampleMerchants, YIWU_MERCHANTS } from './world/world.ts';

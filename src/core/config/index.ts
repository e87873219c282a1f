export { parseSweepConfig } from './parse.js';
export { SWEEP_SCHEMA } from './schema.js';
export { inferGoal, TRAINER_METRICS } from './sections.js';
export { COMMAND_MACROS } from './workload-section.js';
export { inferDistribution } from './parameters.js';
export type * from './types.js';

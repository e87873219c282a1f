export { parseSweepConfig } from './parse.js';
export { SWEEP_SCHEMA } from './schema.js';
export { COMMAND_MACROS, DEFAULT_COMMAND, inferGoal, TRAINER_METRICS } from './sections.js';
export { inferDistribution } from './parameters.js';
export type * from './types.js';

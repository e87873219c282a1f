// The trainer layer: tfjs backend loading and the three kinds of objective (built-in tabular trainer,
// JS module, W&B program/command). Imports only src/core.
export { BackendError, ensureBackend, findWasmDir, loadTf } from './backend.js';
export type { BackendChoice, BackendName, LoadTfOptions, Tf, TfHandle } from './backend.js';
export { DEFAULT_COMMAND, createCommandObjective, expandCommand, parseMetricsLine } from './command-objective.js';
export type { CommandObjectiveOptions, CommandRunner, Expansion } from './command-objective.js';
export { parseCsv, prepareTabularData } from './dataset.js';
export { preparedFor } from './prepared.js';
export type { PreparedData } from './prepared.js';
export { splitRows } from './split.js';
export type { CsvTable, DatasetSpec, EncodedSplit, FeatureEncoding, TabularData } from './dataset.js';
export { DatasetError, EmptyDataError, MissingColumnError, NonNumericError, UnseenLabelError } from './errors.js';
export { parseHyperparameters } from './hyperparameters.js';
export type { Hyperparameters } from './hyperparameters.js';
export { createModuleObjective } from './module-objective.js';
export type { ModuleContext, ModuleObjectiveOptions, ObjectiveFunction } from './module-objective.js';
export { TABULAR_TRAINER_VERSION, createTabularObjective, tabularFingerprint } from './tabular.js';
export type { TabularObjective, TrialSize } from './tabular.js';
export { IMAGE_TRAINER_VERSION, createImageObjective, imageFingerprint } from './image.js';
export type { ImageObjective } from './image.js';
export { WORKERS_PAY_OFF_MS, WorkerCrashError, createWorkerObjective, defaultWorkers, estimatedTrialMs, findWorkerScript, workerMemoryBytes } from './worker-objective.js';
export type { WorkerPoolOptions } from './worker-objective.js';
export type { WorkerInit, WorkerMemory } from './worker-protocol.js';
export { chooseBackend, describeTimings, probeTimingMs } from './backend-probe.js';
export type { BackendPick, BackendTiming, ProbeOptions, ProbePorts } from './backend-probe.js';
export { NATIVE_MIN_WEIGHTS, NATIVE_PAYS_OFF_MS, nativeWanted } from './native.js';
export type { NativeNeed } from './native.js';

// The trainer layer: tfjs backend loading and the three kinds of objective (built-in tabular trainer,
// JS module, W&B program/command). Imports only src/core.
export { BackendError, ensureBackend, findWasmDir, loadTf } from './tf/backend.js';
export type { LoadTfOptions, Tf, TfHandle } from './tf/backend.js';
export type { BackendChoice } from '../core/backends.js';
export { createCommandObjective, expandCommand } from './program/program-objective.js';
export { parseMetricsLine } from './program/output-lines.js';
export type { CommandObjectiveOptions, ProgramSpec, Expansion } from './program/program-objective.js';
export { parseCsv } from './data/csv.js';
export type { CsvTable } from './data/csv.js';
export { prepareTabularData } from './data/tabular-data.js';
export type { PreparedData } from './data/prepared.js';
export { splitRows } from './data/split.js';
export type { DatasetSpec, EncodedSplit, FeatureEncoding, TabularData } from './data/tabular-data.js';
export { DatasetError, EmptyDataError, MissingColumnError, NonNumericError, UnseenLabelError } from './data/errors.js';
export { parseHyperparameters } from './nn/hyperparameters.js';
export type { Hyperparameters } from './nn/hyperparameters.js';
export { createModuleObjective, findModuleRunner } from './module/module-objective.js';
export type { ModuleContext, ModuleObjectiveOptions, ObjectiveFunction } from './module/module-objective.js';
export { trialProcessesGone } from './program/process.js';
export { containment } from './program/containment.js';
export type { Containment } from './program/containment.js';
export { TABULAR_TRAINER_VERSION, createTabularObjective, tabularFingerprint } from './tabular/tabular-objective.js';
export type { TabularObjective, TabularObjectiveOptions, TrialSize } from './tabular/tabular-objective.js';
export { IMAGE_TRAINER_VERSION, createImageObjective, imageFingerprint } from './image/image-objective.js';
export type { ImageObjective } from './image/image-objective.js';
export {
  WORKERS_PAY_OFF_MS,
  WorkerCrashError,
  createWorkerObjective,
  defaultWorkers,
  estimatedTrialMs,
  findWorkerScript,
  workerMemoryBytes,
} from './workers/worker-pool.js';
export type { WorkerPoolOptions } from './workers/worker-pool.js';
export type { WorkerInit, WorkerMemory } from './workers/protocol.js';
export { CPU_MAY_WIN_MS, chooseBackend, describeTimings, pickBySize, probeTimingMs } from './tf/backend-probe.js';
export type { BackendPick, BackendTiming, ProbeOptions, ProbePorts } from './tf/backend-probe.js';
export {
  NATIVE_MIN_CONV_MACS,
  NATIVE_MIN_WEIGHTS,
  NATIVE_PAYS_OFF_MS,
  estimatedConvTrialMs,
  nativeWanted,
  nativeWantedForImages,
} from './tf/native.js';
export type { NativeNeed } from './tf/native.js';

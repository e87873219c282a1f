// The objective a sweep runs and how many trials at once: a program, a JS module, or the built-in trainer (in
// this thread or in worker threads), on the TensorFlow.js backend chosen here — forced, or `auto` by measurement,
// with tfjs-node provisioned through RunPorts.provisionTfjsNode when the model is big enough to want it.
import { stat } from 'node:fs/promises';
import type { SweepConfig, TrainerSpec } from '../core/config/types.js';
import { type BackendName, isBackendName } from '../core/backends.js';
import { sha256Hex } from '../core/hash.js';
import type { Objective } from '../core/objective.js';
import type { Params } from '../core/json.js';
import { type ChampionStep, concurrentTrials, neutralParams, plannedTrainings, trainsOnce } from '../core/study/index.js';
import {
  BackendError,
  chooseBackend,
  containment,
  createCommandObjective,
  createImageObjective,
  createModuleObjective,
  createTabularObjective,
  createWorkerObjective,
  defaultWorkers,
  estimatedConvTrialMs,
  estimatedTrialMs,
  findWorkerScript,
  loadTf,
  nativeWanted,
  nativeWantedForImages,
  NATIVE_MIN_CONV_MACS,
  NATIVE_MIN_WEIGHTS,
  pickBySize,
  probeTimingMs,
  type BackendChoice,
  DatasetError,
  type BackendPick,
  type ImageObjective,
  type LoadTfOptions,
  type PreparedData,
  type ProbeOptions,
  type TabularObjective,
  type TfHandle,
  type TrialSize,
} from '../trainer/index.js';
import { fingerprintGlobs } from './fingerprint.js';
import type { RunMode, RunOptions } from './run.js';

/**
 * The objective and how many trials run at once. The built-in trainer with `parallel` above 1 (by default one
 * per core, capped for memory: defaultWorkers) runs in worker threads; the in-thread trainer still gives the
 * fingerprint, so trial keys are the same at any parallelism.
 */
export async function createObjective(config: SweepConfig, opts: RunOptions): Promise<BuiltObjective> {
  const workload = await objectiveFor(config, opts);
  const globs = await fingerprintGlobs(config.fingerprint, config.configDir);
  return globs ? { ...workload, objective: withGlobs(workload.objective, globs) } : workload;
}

export interface BuiltObjective {
  readonly objective: Objective;
  readonly parallel: number;
  /** `backend: auto`'s measurement, e.g. `wasm (0.21 ms/step vs cpu 0.74 ms/step)`; made when the first trial trains. */
  readonly backendChoice?: string;
  /**
   * Aborted with the DatasetError when the built-in trainer's data, prepared for the first trial that must train,
   * cannot be trained on: every trial would fail the same way, so the run stops and reports it (as a config error).
   */
  readonly dataFailure?: AbortSignal;
}

async function objectiveFor(config: SweepConfig, opts: RunOptions): Promise<BuiltObjective> {
  const workload = config.workload;
  if (workload.kind !== 'trainer') announceContainment(opts);
  if (workload.kind === 'program') {
    const objective = createCommandObjective(workload, {
      configDir: config.configDir,
      metricName: config.metric.name,
      log: opts.ports.log.info,
    });
    return { objective, parallel: config.parallel ?? 1 };
  }
  const choice = opts.overrides?.backend ?? 'auto';
  const native: Native = { dirs: [...(opts.ports.tfjsNodeDirs ?? [])], cwd: config.configDir, opts };
  const handle = await firstBackend(choice, native);
  if (workload.kind === 'objective')
    return {
      objective: await createModuleObjective(workload.module, handle, {
        metricName: config.metric.name,
        warn: opts.ports.log.warn,
        tfjsNodeDirs: native.dirs,
      }),
      parallel: config.parallel ?? 1,
    };
  const trained = await trainerObjective(config, workload.trainer, { auto: choice === 'auto', handle, native });
  const built = await inWorkers(config, workload.trainer, trained, native);
  const dataFailure = new AbortController();
  return {
    objective: whenReady(built.objective, trained, dataFailure),
    parallel: built.parallel,
    get backendChoice(): string | undefined {
      return trained.backendChoice;
    },
    dataFailure: dataFailure.signal,
  };
}

/**
 * The objective, with its data prepared and its backend picked (TrainerObjective.ready) before the first trial that
 * trains or model that is saved: a run whose trials all come from the cache does neither, and reads the data only
 * to hash it. A DatasetError then aborts `failure` (the run stops) as well as failing the trial.
 */
function whenReady(objective: Objective, trained: TrainerObjective, failure: AbortController): Objective {
  let ready: Promise<void> | undefined;
  const once = async (): Promise<void> => {
    ready ??= trained.ready().catch((err: unknown) => {
      if (err instanceof DatasetError) failure.abort(err);
      throw err;
    });
    return ready;
  };
  return {
    fingerprint: objective.fingerprint,
    get backend(): string {
      return objective.backend;
    },
    get validation(): Objective['validation'] {
      return objective.validation;
    },
    async run(params, ctx) {
      await once();
      return objective.run(params, ctx);
    },
    ...(objective.dispose ? { dispose: () => objective.dispose!() } : {}),
    ...(objective.saveModel
      ? {
          saveModel: async (...args: Parameters<NonNullable<Objective['saveModel']>>) => {
            await once();
            return objective.saveModel!(...args);
          },
        }
      : {}),
  };
}

/** Which containment the PR's code runs under (probed once): info when it holds everything, a warning when a setsid child can escape. */
function announceContainment(opts: RunOptions): void {
  const c = containment();
  if (c.kind === 'process-group') opts.ports.log.warn(c.summary);
  else opts.ports.log.info(c.summary);
}

/** The built-in trainer's objective in this thread, on the backend it trains with. */
interface TrainerObjective {
  readonly objective: ImageObjective | TabularObjective;
  /** The backend trials train on: `auto`'s pick once ready() has run. */
  readonly handle: TfHandle;
  /** `backend: auto`'s measurement, when it was made. */
  readonly backendChoice?: string;
  /** The sweep's training in one thread, estimated from the middle of its space (images; tabular when the default `parallel` needs it). */
  readonly sweepMs?: number;
  /** The tabular data as this thread prepared it: each worker takes it instead of parsing the CSV again (read when a worker starts). */
  readonly prepared: readonly PreparedData[];
  /** Prepares the data and runs `auto`'s probe, once, before the first trial that trains. */
  ready(): Promise<void>;
}

/** The trainer's objective; with `auto`, moved to the backend the probe picks (tfjs-node fetched first when the model is big enough). */
async function trainerObjective(
  config: SweepConfig,
  trainer: TrainerSpec,
  start: { readonly auto: boolean; readonly handle: TfHandle; readonly native: Native },
): Promise<TrainerObjective> {
  const { auto, handle, native } = start;
  if (trainer.type === 'image') {
    const image = await createImageObjective(trainer, handle, { splitSeed: trainer.splitSeed ?? 0 });
    const size = middleSize(image, config);
    const sweepMs = size && estimatedConvTrialMs(size) * plannedTrainings(config, native.opts.mode?.champion?.mode);
    const macsPerStep = size && 3 * size.macsPerImage * size.batch;
    // Conv nets are where native TensorFlow helps most: fetch it (the Action) when this one is big enough to gain.
    const why =
      !auto || handle.backend === 'tensorflow' || macsPerStep === undefined ? undefined : nativeWantedForImages({ macsPerStep, sweepMs });
    const first = (why !== undefined ? await provisioned(why, native) : undefined) ?? handle;
    const estimate: ModelEstimate = size
      ? {
          sweepMs,
          msPerStep: estimatedConvTrialMs(size) / size.steps,
          nativeFaster: macsPerStep! >= NATIVE_MIN_CONV_MACS,
          bySize: `${millions(macsPerStep!)} multiply-adds per step, ${macsPerStep! >= NATIVE_MIN_CONV_MACS ? 'past' : 'below'} native TensorFlow's break-even (${millions(NATIVE_MIN_CONV_MACS)})`,
        }
      : {};
    const pick = auto ? await probe(config, image, first, estimate, native) : undefined;
    return {
      objective: image,
      handle: pick?.handle ?? handle,
      ...(pick ? { backendChoice: pick.summary } : {}),
      ...(sweepMs !== undefined ? { sweepMs } : {}),
      prepared: [],
      ready: async () => {},
    };
  }
  const tabular = await createTabularObjective(trainer, handle);
  // The default `parallel` depends on the sweep's size, estimated from the data's shape (the split alone: nothing
  // prepared, so a run whose trials all come from the cache prepares nothing).
  const estimate = { trialSize: (params: Params) => tabular.estimatedTrialSize(params) };
  const champion = native.opts.mode?.champion?.mode;
  const sized = config.parallel === undefined ? sweepSize(estimate, config, champion) : undefined;
  const trained: { -readonly [K in keyof TrainerObjective]: TrainerObjective[K] } = {
    objective: tabular,
    handle,
    ...(sized?.sweepMs !== undefined ? { sweepMs: sized.sweepMs } : {}),
    get prepared(): readonly PreparedData[] {
      return tabular.prepared;
    },
    async ready(): Promise<void> {
      tabular.prepare();
      if (!auto) return;
      // The prepared data's own size (one-hot inputs counted) for the probe and for whether tfjs-node is worth it.
      const { size, sweepMs } = sweepSize(tabular, config, champion);
      // A model big enough for native TensorFlow to win: fetch tfjs-node (the Action) so the probe can time it too.
      const why = handle.backend === 'tensorflow' || !size ? undefined : nativeWanted({ weights: size.weights, sweepMs });
      const first = (why !== undefined ? await provisioned(why, native) : undefined) ?? handle;
      const estimate: ModelEstimate = size
        ? {
            sweepMs,
            msPerStep: estimatedTrialMs(size) / size.steps,
            nativeFaster: size.weights >= NATIVE_MIN_WEIGHTS,
            bySize: `${size.weights} weights, ${size.weights >= NATIVE_MIN_WEIGHTS ? 'past' : 'below'} native TensorFlow's break-even (${NATIVE_MIN_WEIGHTS})`,
          }
        : {};
      const pick = await probe(config, tabular, first, estimate, native);
      trained.handle = pick.handle;
      trained.backendChoice = pick.summary;
    },
  };
  return trained;
}

/** The size of a trial at the middle of the space and the sweep's training in one thread (middleSize). */
function sweepSize(
  tabular: Pick<TabularObjective, 'trialSize'>,
  config: SweepConfig,
  champion: ChampionStep,
): { size?: TrialSize; sweepMs?: number } {
  const size = middleSize(tabular, config);
  return size ? { size, sweepMs: estimatedTrialMs(size) * plannedTrainings(config, champion) } : {};
}

/** The sweep's model at the middle of its space, sized without a clock (each field undefined when it cannot be trained). */
interface ModelEstimate {
  /** Its training in one thread (estimated trial × trials). */
  readonly sweepMs?: number;
  /** One training step on WASM. */
  readonly msPerStep?: number;
  /** Whether native TensorFlow beats WASM at this size (the measured break-evens, tf/native.ts), and `bySize` why. */
  readonly nativeFaster?: boolean;
  readonly bySize?: string;
}

const millions = (n: number): string => `${(n / 1e6).toFixed(n >= 1e7 ? 0 : 1)}M`;

/**
 * `backend: auto`: the sweep's own model at the middle of its space, timed on each backend that loads
 * (backend-probe.ts), starting from `first`, for a time in proportion to the sweep's; the objective moves to the winner.
 * A sweep that trains once is not timed: the model's size decides (pickBySize).
 */
async function probe(
  config: SweepConfig,
  timed: ImageObjective | TabularObjective,
  first: TfHandle,
  estimate: ModelEstimate,
  native: Native,
): Promise<BackendPick> {
  const { opts } = native;
  const params = neutralParams(config.space);
  const ports = {
    load: (name: BackendName) => loadTf(name, tfOptions(native)),
    time: (h: TfHandle, steps: number) => timed.msPerStep(h, params, steps),
    warn: opts.ports.log.warn,
  };
  const pick =
    trainsOnce(config, opts.mode?.champion?.mode) && estimate.nativeFaster !== undefined
      ? await pickBySize(first, ports, estimate.nativeFaster, estimate.bySize!)
      : await chooseBackend(first, ports, {
          ...probeOptions(opts.mode ?? {}, estimate.sweepMs),
          ...(estimate.msPerStep !== undefined ? { estimatedMsPerStep: estimate.msPerStep } : {}),
        });
  opts.ports.log.info(`backend auto: ${pick.summary}`);
  timed.switchBackend(pick.handle);
  return pick;
}

/** The trainer's objective run by a pool of worker threads when more than one trial runs at once, else as it is. */
async function inWorkers(config: SweepConfig, trainer: TrainerSpec, trained: TrainerObjective, native: Native): Promise<BuiltObjective> {
  const { log } = native.opts.ports;
  const parallel = config.parallel ?? defaultWorkers(await dataBytes(trainer.data), undefined, trained.sweepMs, concurrentTrials(config));
  if (parallel <= 1) return { objective: trained.objective, parallel: 1 };
  const script = findWorkerScript();
  if (script === undefined) {
    // Only from source (tests, tsx); the bundle always has it. A default that cannot be met is no news.
    if (config.parallel !== undefined)
      log.warn(
        `parallel ${parallel}: the trainer worker (trainer-worker.js) is not beside sweepgate (running from source?), so trials run one at a time`,
      );
    return { objective: trained.objective, parallel: 1 };
  }
  // Read as each worker starts (worker-pool copies init then): the backend and data are those of the first trial.
  const init = {
    trainer,
    get backend(): BackendName {
      return trained.handle.backend;
    },
    cwd: config.configDir,
    tfjsNodeDirs: native.dirs,
    splitSeed: trainer.type === 'image' ? (trainer.splitSeed ?? 0) : 0,
    get prepared(): readonly PreparedData[] {
      return trained.prepared;
    },
  };
  return { objective: createWorkerObjective(trained.objective, { size: parallel, init, script, warn: log.warn }), parallel };
}

/** Where tfjs-node may be (the config's folder, then `dirs`, growing when it is provisioned) and who provisions it. */
interface Native {
  readonly dirs: string[];
  readonly cwd: string;
  readonly opts: RunOptions;
}

const tfOptions = (n: Native): LoadTfOptions => ({ cwd: n.cwd, tfjsNodeDirs: n.dirs, warn: n.opts.ports.log.warn });

/**
 * loadTf(choice). A forced `tensorflow` that is not installed is provisioned when the caller can (the Action);
 * when that fails too, the provisioner has said why and the sweep goes on with what `auto` finds (WASM).
 */
async function firstBackend(choice: BackendChoice, native: Native): Promise<TfHandle> {
  try {
    return await loadTf(choice, tfOptions(native));
  } catch (err) {
    if (!(err instanceof BackendError) || choice !== 'tensorflow' || !native.opts.ports.provisionTfjsNode) throw err;
    return (await provisioned("'backend: tensorflow' was asked for", native)) ?? (await loadTf('auto', tfOptions(native)));
  }
}

/** Provisions tfjs-node and loads it; undefined (after one warning) when either fails. */
async function provisioned(why: string, native: Native): Promise<TfHandle | undefined> {
  const provision = native.opts.ports.provisionTfjsNode;
  if (!provision) return undefined;
  const dir = await provision(why);
  if (dir === undefined) return undefined;
  native.dirs.push(dir);
  try {
    return await loadTf('tensorflow', tfOptions(native));
  } catch (err) {
    if (!(err instanceof BackendError)) throw err;
    native.opts.ports.log.warn(`${err.message} (provisioned in ${dir}); going on without native TensorFlow`);
    return undefined;
  }
}

/**
 * The size of a trial at the middle of the space, for the estimate of the sweep's training in one thread (its size ×
 * the trial budget; grid: 20 stands in for its size), which sets the default `parallel`, the probe's timing and
 * whether tfjs-node is worth fetching. Never timed, so reruns decide the same. Undefined when the middle of the
 * space cannot be trained.
 */
function middleSize<S>(objective: { trialSize(params: ReturnType<typeof neutralParams>): S }, config: SweepConfig): S | undefined {
  try {
    return objective.trialSize(neutralParams(config.space));
  } catch {
    return undefined;
  }
}

/** Bytes of the trainer's data (a folder of images: 0; its files are small), for the memory cap on workers. */
async function dataBytes(file: string): Promise<number> {
  const s = await stat(file).catch(() => undefined);
  return s?.isFile() ? s.size : 0;
}

function withGlobs(objective: Objective, globs: string): Objective {
  const fingerprint = sha256Hex(`${objective.fingerprint}\u0000${globs}`);
  return {
    fingerprint,
    get backend(): string {
      return objective.backend;
    },
    get validation(): Objective['validation'] {
      return objective.validation;
    },
    run: (params, ctx) => objective.run(params, ctx),
    ...(objective.dispose ? { dispose: () => objective.dispose!() } : {}),
    ...(objective.saveModel
      ? { saveModel: (...args: Parameters<NonNullable<Objective['saveModel']>>) => objective.saveModel!(...args) }
      : {}),
  };
}

/**
 * How `auto` times backends: each timing for probeTimingMs(sweepMs); on a PR (a champion replay), main's backend is
 * kept when it is nearly as fast (ProbeOptions.prefer), so the champion is replayed on the backend it was recorded on
 * (backends round floats differently, and that grows over training into a difference the gate would have to see
 * through).
 */
export function probeOptions(opts: Pick<RunMode, 'champion'>, sweepMs: number | undefined): ProbeOptions {
  const backend = opts.champion?.mode === 'replay' ? opts.champion.baseline?.backend : undefined;
  return { minTimedMs: probeTimingMs(sweepMs), ...(isBackendName(backend) ? { prefer: { backend, why: "main's backend" } } : {}) };
}

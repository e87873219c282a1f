import type { RunMode, RunOptions } from '../engine/index.js';
import { progressLine } from '../report/progress.js';
import type { RunTrialStore } from '../storage/actions-cache/trusted-trials.js';
import { nativePorts, type Job } from './main.js';
import { provisionTfjsNode } from './tfjs-node.js';

/** The engine's options for this job, as main.ts's sweep builds them, with a shard's part when it is one. */
export function engineOptions(job: Job, champion: RunMode['champion'], store: RunTrialStore): RunOptions {
  const { deps, inputs, ctx } = job;
  const { io } = deps;
  return {
    configPath: job.configPath,
    overrides: {
      backend: inputs.backend,
      ...(inputs.maxRegression ? { maxRegression: inputs.maxRegression } : {}),
      ...(inputs.seed !== undefined ? { seed: inputs.seed } : {}),
      ...(inputs.parallel !== undefined ? { parallel: inputs.parallel } : {}),
      ...(inputs.search !== undefined ? { search: inputs.search } : {}),
    },
    mode: {
      root: ctx.workspace,
      cacheDir: job.storeDir,
      ...(ctx.sha ? { sha: ctx.sha } : {}),
      ...(champion ? { champion } : {}),
      ...(inputs.shard ? { shard: inputs.shard } : {}),
    },
    ports: {
      store,
      provisionTfjsNode: (why) => provisionTfjsNode(nativePorts(job), why),
      log: { info: (m) => io.info(m), warn: (m) => io.warning(m), progress: (p) => io.info(progressLine(p)) },
    },
  };
}

import { existsSync } from 'node:fs';
import path from 'node:path';
import * as core from '@actions/core';
import type { GateRule, SweepConfig } from '../core/config/types.js';
import { ClassifiedError, classifyError, errorText, namedErrorText } from '../core/errors.js';
import type { ResultsDoc } from '../core/results.js';
import type { Conclusion, ConclusionInput, RunMode, RunOptions } from '../engine/index.js';
import { codeBlock } from '../report/format.js';
import { COMMENT_MAX_CHARS } from '../report/markdown.js';
import { actionsCacheClient, keySafe, type CacheClient } from '../storage/actions-cache/cache-client.js';
import { ActionCaches, type BaselineLookup } from '../storage/actions-cache/trials-and-baseline.js';
import { RunTrialStore } from '../storage/actions-cache/trusted-trials.js';
import { v1BaselineFile } from '../storage/actions-cache/previous-baseline.js';
import { missingBaselineText, previousVersionNote } from './missing-baseline.js';
import { commentMarker, octokitCommentClient, type CommentClient } from './comments.js';
import { postComment, stepFailure, summary, writeReport } from './publish.js';
import { inertLines } from './log-lines.js';
import { FileCommandsTamperedError, restoreFileCommands, snapshotFileCommands } from './file-commands.js';
import { planFor, readRunContext, runUrl, type Plan, type RunContext } from './context.js';
import { parseInputs, type ActionInputs } from './inputs.js';
import { octokitLabelClient, readAcceptance, type LabelClient } from './labels.js';
import { githubClient, redact } from './octokit.js';
import { npmInstaller, provisionTfjsNode, type PackageInstaller } from './tfjs-node.js';
import { writeResultsFile } from './report-from-file.js';
import { reportFromFile, reportsFromFile, type ReportClients } from './report-mode.js';
import { shardJob } from './shard-job.js';
import { engineOptions } from './engine-options.js';
import { mergedShards, shardsFailure } from './report-job.js';

/** What the action does to the runner: logs, outputs, the job summary, the step's status (@actions/core). */
export interface ActionIO {
  getInput(name: string): string;
  info(message: string): void;
  warning(message: string): void;
  setFailed(message: string): void;
  setOutput(name: string, value: string): void;
  writeSummary(markdown: string): Promise<void>;
  /** Masks a value in every later log line (core.setSecret); the token is registered before anything runs. */
  setSecret?(secret: string): void;
}

export interface Engine {
  /** `root`: the folder the config and its files must stay inside (the workspace). */
  loadConfig(configPath: string, root?: string): Promise<SweepConfig>;
  runSweep(opts: RunOptions): Promise<{ readonly config: SweepConfig; readonly results: ResultsDoc }>;
  /** The one path after the sweep, shared with the CLI: the comparison, the decision and the report (engine/conclusion.ts). */
  conclude(input: ConclusionInput): Promise<Conclusion>;
}

/** Everything with a side effect comes in here, so run() is tested with in-memory fakes. */
export interface Deps {
  readonly io: ActionIO;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cache: CacheClient;
  readonly comments: (token: string, ctx: RunContext) => CommentClient;
  /** Reads a PR's labels and issue events, for the `accept-label` override. */
  readonly labels: (token: string, ctx: RunContext) => LabelClient;
  readonly engine: Engine;
  /** Installs tfjs-node into the tool cache when the sweep wants native TensorFlow and the cache has none. */
  readonly installer: PackageInstaller;
  /** Finds a fork PR and creates its check run, for `mode: report` (default: Octokit's). */
  readonly reportClients?: ReportClients;
  /** Longest one cache restore or save may take (default CACHE_TIMEOUT_MS). */
  readonly cacheTimeoutMs?: number;
}

/** GitHub's cap on a step's job summary is 1 MiB. */
export const MAX_SUMMARY_CHARS = 1_000_000;

export function defaultDeps(): Deps {
  return {
    io: {
      getInput: (name) => core.getInput(name),
      info: (m) => core.info(inertLines(m)), // PR-controlled text must not become a workflow command
      warning: (m) => core.warning(m),
      setFailed: (m) => core.setFailed(m),
      setOutput: (name, value) => core.setOutput(name, value),
      writeSummary: async (md) => {
        await core.summary.addRaw(md).write();
      },
      setSecret: (s) => core.setSecret(s),
    },
    env: process.env,
    cache: actionsCacheClient(),
    installer: npmInstaller(),
    comments: (token, ctx) =>
      octokitCommentClient(githubClient(token, { info: (m) => core.info(m) }), { owner: ctx.owner, repo: ctx.repo }),
    labels: (token, ctx) => octokitLabelClient(githubClient(token, { info: (m) => core.info(m) }), { owner: ctx.owner, repo: ctx.repo }),
    // Loaded on first use: the engine pulls in TensorFlow.js, which run()'s own tests never need.
    engine: {
      loadConfig: async (p, root) => (await import('../engine/index.js')).loadConfig(p, root),
      runSweep: async (o) => (await import('../engine/index.js')).runSweep(o),
      conclude: async (i) => (await import('../engine/index.js')).concludeSweep(i),
    },
  };
}

/** Refused on purpose (pull_request_target): fatal, with the reason. */
export class EventRefusedError extends ClassifiedError {
  override readonly name = 'EventRefusedError';
  readonly errorClass = 'config';
  override readonly invalid = 'input';
}

export interface Outputs {
  'best-params': string;
  'best-metrics': string;
  regressed: string;
  report: string;
  /** `trainer.save_best`: the saved model.json (empty without save_best). */
  'model-path': string;
}

/**
 * The action: inputs → event plan → caches → sweep → conclusion (comparison, decision, report) → comment, summary,
 * outputs → the step's status. The single catch turns any error into a failed step; outputs are always set and the
 * summary always written. Resolves to the step's status, which the entry makes the exit status last of all.
 */
export async function run(overrides: Partial<Deps> = {}): Promise<'passed' | 'failed'> {
  const deps: Deps = { ...defaultDeps(), ...overrides };
  const { io } = deps;
  const outputs: Outputs = { 'best-params': '{}', 'best-metrics': '{}', regressed: 'false', report: '', 'model-path': '' };
  const state = { summaryWritten: false };
  // Known before anything can fail, so no message below can print it (the runner masks it too).
  const token = io.getInput('github-token');
  if (token) io.setSecret?.(token);
  let failed = false;
  const fail = async (message: string): Promise<void> => {
    failed = true;
    io.setFailed(message);
    // The message can quote the config (PR-controlled): verbatim in a code block, never as markdown.
    if (!state.summaryWritten) await summary(io, state, `### sweepgate\n\n❌ The run failed:\n\n${codeBlock(message)}\n`);
  };
  try {
    const inputs = parseInputs((name) => io.getInput(name));
    const ctx = readRunContext(deps.env);
    const plan = planFor(ctx, inputs.baselineBranch);
    if (plan.kind === 'refused') throw new EventRefusedError(plan.why);
    if (plan.kind === 'unsupported') {
      io.warning(plan.why);
      await summary(io, state, `### sweepgate\n\n${plan.why}.\n`);
      return 'passed';
    }
    const failure =
      plan.kind === 'workflow-run' || reportsFromFile(inputs)
        ? await reportFromFile(deps, inputs, ctx, plan, outputs, (md) => summary(io, state, md))
        : await (inputs.shard ? shardJob : sweepAndReport)(deps, inputs, ctx, plan, outputs, state);
    if (failure !== undefined) await fail(redact(failure, token));
  } catch (err) {
    await fail(redact(describeError(err), token));
  } finally {
    for (const [name, value] of Object.entries(outputs)) io.setOutput(name, value);
  }
  return failed ? 'failed' : 'passed';
}

/** The step's failure message for an error that ended the run, by its class (core/errors.ts classifyError). */
export function describeError(err: unknown): string {
  const { errorClass, invalid } = classifyError(err);
  if (errorClass !== 'config') return namedErrorText(err);
  if (invalid === 'config') return `invalid sweep config:\n${errorText(err)}`;
  if (invalid === 'data') return `invalid data: ${errorText(err)}`;
  return errorText(err);
}

export type SweepPlan = Exclude<Plan, { kind: 'refused' | 'unsupported' | 'workflow-run' }>;

/** One run's fixed facts and its report warnings (cache trouble is shown to the reader too). */
export interface Job {
  readonly deps: Deps;
  readonly inputs: ActionInputs;
  readonly ctx: RunContext;
  readonly plan: SweepPlan;
  readonly configPath: string;
  readonly config: SweepConfig;
  /** Scratch folders for the cache's trials and baseline, outside the workspace (nothing the checkout holds counts). */
  readonly storeDir: string;
  readonly warnings: string[];
  warn(message: string): void;
}

/** Sweeps, reports and decides; resolves to the step's failure message, if the step fails. */
async function sweepAndReport(
  deps: Deps,
  inputs: ActionInputs,
  ctx: RunContext,
  plan: SweepPlan,
  outputs: Outputs,
  state: { summaryWritten: boolean },
): Promise<string | undefined> {
  const job = await startJob(deps, inputs, ctx, plan);
  const caches = actionCaches(job);
  // Only what the cache service restores (checked) or this run trains counts: the store starts empty, in memory.
  const store = new RunTrialStore();
  const [restored, lookup] = await Promise.all([
    caches?.restoreTrials(ctx.sha, ctx.runId, ctx.runAttempt),
    plan.kind === 'pull-request' ? lookUpBaseline(job, caches, plan.baseSha) : undefined,
  ]);
  if (restored) store.adopt(restored);
  const baseline = lookup?.kind === 'found' ? lookup.doc : undefined;

  const champion: RunMode['champion'] =
    plan.kind === 'baseline'
      ? { mode: 'record' }
      : plan.kind === 'pull-request'
        ? { mode: 'replay', baseline: baseline ?? undefined }
        : undefined;
  const fileCommands = await snapshotFileCommands(deps.env);
  const { config: used, results } = await (inputs.mode === 'report' ? mergedShards : sweep)(job, champion, store);
  // Every trial process is gone by now (the engine waits for them), so nothing can write these again.
  const tampered = await restoreFileCommands(fileCommands);
  if (tampered.length > 0) throw new FileCommandsTamperedError(tampered);
  outputs['best-params'] = JSON.stringify(results.best?.params ?? {});
  outputs['best-metrics'] = JSON.stringify(results.best?.metrics ?? {});
  outputs['model-path'] = results.savedModel ?? '';
  // For actions/upload-artifact: a fork PR's workflow_run job reports from it (report-mode.ts).
  if (inputs.resultsFile !== undefined) await writeResultsFile(ctx, plan, inputs.resultsFile, results);

  // Saved before the gate, so a failing PR still keeps what it trained.
  if (caches) await persist(job, caches, store, results);

  const compareWith =
    plan.kind === 'pull-request' ? { baseline, required: lookup !== undefined && inputs.missingBaseline === 'fail' } : undefined;
  let conclusion = await conclude(job, results, used.gate, compareWith, lookup);
  // A maintainer's label accepts a failed gate on purpose; the report still shows the verdict it would have given.
  const accepted =
    plan.kind === 'pull-request' && conclusion.decision.kind === 'gate-failed'
      ? await readAcceptance({
          label: inputs.acceptLabel,
          token: inputs.githubToken,
          issue: plan.number,
          client: (token) => deps.labels(token, ctx),
          info: (m) => deps.io.info(m),
          warn: (m) => deps.io.warning(m),
        })
      : undefined;
  if (accepted) conclusion = await conclude(job, results, used.gate, compareWith, lookup, accepted);
  outputs.regressed = String(conclusion.failures.length > 0);
  outputs.report = await writeReport(ctx, job.config.name, conclusion.report.full);
  await summary(deps.io, state, conclusion.report.full);
  if (plan.kind === 'pull-request')
    await postComment(deps.io, inputs, (token) => deps.comments(token, ctx), {
      issue: plan.number,
      sweep: job.config.name,
      body: conclusion.report.comment,
      regressed: conclusion.failures.length > 0,
      forbiddenHint:
        'the token may not write PR comments. Fork PRs get a read-only token; give the job `pull-requests: write` for same-repository PRs',
    });
  return stepFailure(deps.io, inputs, conclusion.decision) ?? shardsFailure(job, results);
}

/** The config, the trial store's folder, and the warnings the report repeats. */
export async function startJob(deps: Deps, inputs: ActionInputs, ctx: RunContext, plan: SweepPlan): Promise<Job> {
  const configPath = path.resolve(ctx.workspace, inputs.config);
  const config = await deps.engine.loadConfig(configPath, ctx.workspace);
  const warnings: string[] = [];
  if (inputs.cacheDir !== undefined)
    deps.io.warning(
      `the 'cache-dir' input is ignored (got '${inputs.cacheDir}'): the Action's trial store now starts empty outside the workspace, so records in the checkout never count; remove the input`,
    );
  const local = path.join(config.configDir, '.sweepgate');
  if (existsSync(local))
    deps.io.warning(
      `${local} is in the checkout: the Action ignores it (only the Actions cache and this run count); add .sweepgate/ to .gitignore`,
    );
  return {
    deps,
    inputs,
    ctx,
    plan,
    configPath,
    config,
    storeDir: path.join(ctx.runnerTemp, 'sweepgate', 'store'),
    warnings,
    warn: (m) => {
      warnings.push(m);
      deps.io.warning(m);
    },
  };
}

export function actionCaches(job: Job): ActionCaches | undefined {
  const { deps, inputs, ctx, config, storeDir } = job;
  if (!inputs.cache) return undefined;
  if (!deps.cache.available()) {
    job.warn(
      'no GitHub Actions cache service here (ACTIONS_CACHE_URL and ACTIONS_RESULTS_URL are unset): trials are not reused and no baseline is restored or saved',
    );
    return undefined;
  }
  const layout = {
    sweep: config.name,
    workspace: ctx.workspace,
    trialsDir: path.join(storeDir, 'trials', keySafe(config.name)),
    baselineFile: path.join(storeDir, 'baseline', 'results.json'),
    // A baseline main recorded before the upgrade (v1 key, old path), read only when there is no v2 one.
    previousBaselineFile: v1BaselineFile({
      workspace: ctx.workspace,
      configDir: config.configDir,
      cacheDirInput: inputs.cacheDir,
      sweep: config.name,
    }),
  };
  return new ActionCaches(deps.cache, layout, { info: (m) => deps.io.info(m), warn: (m) => job.warn(m) }, deps.cacheTimeoutMs);
}

/** Main's baseline for a PR, or why there is none; undefined with `cache: false` (nothing is stored, nothing required). */
export async function lookUpBaseline(
  job: Job,
  caches: ActionCaches | undefined,
  baseSha: string | undefined,
): Promise<BaselineLookup | undefined> {
  if (!job.inputs.cache) return undefined;
  if (!caches)
    return { kind: 'missing', why: 'no GitHub Actions cache service here (ACTIONS_CACHE_URL and ACTIONS_RESULTS_URL are unset)' };
  return caches.restoreBaseline(baseSha);
}

async function sweep(
  job: Job,
  champion: RunMode['champion'],
  store: RunTrialStore,
): Promise<{ readonly config: SweepConfig; readonly results: ResultsDoc }> {
  const { deps } = job;
  const { io } = deps;
  const out = await deps.engine.runSweep(engineOptions(job, champion, store));
  const s = out.results.stats;
  io.info(`sweep ${out.results.sweep}: ${s.trials} trials (${s.trained} trained, ${s.cached} cached), backend ${out.results.backend}`);
  return out;
}

/** The runner's tool cache, its Actions cache (unless `cache: false`) and npm, for provisioning tfjs-node. */
export function nativePorts(job: Job): Parameters<typeof provisionTfjsNode>[0] {
  const { deps, inputs, ctx } = job;
  return {
    runner: {
      toolCache: deps.env.RUNNER_TOOL_CACHE || path.join(ctx.runnerTemp, 'tool-cache'),
      platform: process.platform,
      arch: process.arch,
      abi: process.versions.modules,
    },
    cache: inputs.cache && deps.cache.available() ? deps.cache : undefined,
    installer: deps.installer,
    // Its one warning (the install failed) belongs in the report too.
    log: { info: (m) => deps.io.info(m), warn: (m) => job.warn(m) },
    ...(deps.cacheTimeoutMs !== undefined ? { cacheTimeoutMs: deps.cacheTimeoutMs } : {}),
  };
}

async function persist(job: Job, caches: ActionCaches, store: RunTrialStore, results: ResultsDoc): Promise<void> {
  const { ctx, plan } = job;
  if (store.changed) await caches.saveTrials(await store.all(), ctx.sha, ctx.runId, ctx.runAttempt);
  if (plan.kind !== 'baseline') return;
  if (shardsFailure(job, results)) job.warn('shards are missing or failed, so no baseline was recorded (the previous one stays in use)');
  else if (results.best) await caches.saveBaseline(results, ctx.sha);
  else job.warn('no trial completed, so no baseline was recorded (the previous one stays in use)');
}

/**
 * The engine's conclusion, with this run's report layout. The comment must fit GitHub's 65,536-character cap; the
 * summary and the report file (1 MiB cap) keep every detail.
 */
async function conclude(
  job: Job,
  results: ResultsDoc,
  gate: readonly GateRule[],
  compareWith: ConclusionInput['compareWith'],
  lookup: BaselineLookup | undefined,
  accepted?: ConclusionInput['accepted'],
): Promise<Conclusion> {
  const { deps, inputs, ctx, plan, config } = job;
  const branch = inputs.baselineBranch ?? ctx.defaultBranch ?? 'the default branch';
  const missing =
    lookup?.kind === 'missing' ? missingBaselineText(lookup, { sweep: config.name, branch, policy: inputs.missingBaseline }) : undefined;
  const conclusion = await deps.engine.conclude({
    results,
    gate,
    space: config.space,
    ...(compareWith ? { compareWith } : {}),
    ...(accepted ? { accepted } : {}),
    layout: {
      ...(plan.kind === 'baseline' ? { title: `sweepgate: ${config.name} (baseline on ${plan.branch})` } : {}),
      runUrl: runUrl(ctx),
      marker: commentMarker(config.name),
      baselineHowTo: missing
        ? missing
        : inputs.cache
          ? `The baseline is recorded by this workflow on a push to '${branch}'; once '${branch}' has run it, PRs are compared with it.`
          : "Caching is off ('cache: false'), so no baseline is stored or restored.",
      warnings: job.warnings,
      ...(lookup?.kind === 'found' && lookup.previousVersion ? { baselineNote: previousVersionNote(lookup.entry, branch) } : {}),
      maxChars: MAX_SUMMARY_CHARS,
      commentMaxChars: COMMENT_MAX_CHARS,
    },
  });
  // The notes were logged by the first conclusion already when this one only adds the acceptance.
  if (!accepted) for (const note of conclusion.notes) deps.io.warning(note);
  if (plan.kind !== 'pull-request')
    deps.io.info(plan.kind === 'baseline' ? `recorded as the baseline for pull requests into '${plan.branch}'` : plan.why);
  return conclusion;
}

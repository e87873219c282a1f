import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeActionsCache, type FakeCache } from './servers/actions-cache.js';
import { ACTIONS_BOT, fakeGitHub, type FakeGitHub } from './servers/github.js';
import { pullRequestEvent, pushEvent, REPO } from './events.js';
import { installAction, runAction, type ActionRun } from './runner.js';
import { runningWith } from '../trainer/processes.js';

/**
 * Issue 20, point 5: the PR's code (an objective module, a program and whatever it starts) cannot reach the
 * verdict. Each attack runs against the committed dist/ as the runner runs it: a module's exit hook that
 * would turn a failing step into exit 0, a program's setsid child that would rewrite the report file after
 * the step, and a program that writes the runner's file commands (GITHUB_OUTPUT, GITHUB_ENV) and reads its
 * parent's environment. SWEEPGATE_E2E_ROOT points the scenarios at another build (a folder with action.yml and
 * dist/), which is how each attack was reproduced on the bundle from before the fix.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BUILD = process.env.SWEEPGATE_E2E_ROOT ?? ROOT;
const FIXTURE = path.join(ROOT, 'test/e2e/fixture');
const MAIN_SHA = 'a'.repeat(40);
const PR_SHA = 'b'.repeat(40);
const TOKEN = 'ghs_isolation_token';
const RUNTIME_TOKEN = 'runtime-token-isolation';

let root: string;
let actionDir: string;
let workspace: string;
let runnerTemp: string;
let gh: FakeGitHub;
let cache: FakeCache;
let runs = 0;

const INPUTS = { config: 'ml/sweep.yml', 'github-token': TOKEN, 'max-regression': '10%' };

async function act(event: { name: string; payload: object }, sha: string, ref: string, inputs = INPUTS): Promise<ActionRun> {
  runs++;
  return runAction({
    actionDir,
    workspace,
    runnerTemp,
    event,
    inputs,
    env: {
      GITHUB_REPOSITORY: REPO.fullName,
      GITHUB_SHA: sha,
      GITHUB_REF: ref,
      GITHUB_RUN_ID: String(7000 + runs),
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_API_URL: gh.url,
      GITHUB_SERVER_URL: 'https://github.com',
      ACTIONS_CACHE_URL: cache.cacheUrl,
      ACTIONS_RUNTIME_TOKEN: RUNTIME_TOKEN,
      // A file-command path a program could use (the runner sets it for every step).
      GITHUB_ENV: path.join(runnerTemp, '_runner_file_commands', `set_env_${runs}`),
    },
  });
}

const pushMain = (inputs = INPUTS): Promise<ActionRun> =>
  act({ name: 'push', payload: pushEvent({ ref: 'refs/heads/main', sha: MAIN_SHA }) }, MAIN_SHA, 'refs/heads/main', inputs);
const pullRequest = (inputs = INPUTS): Promise<ActionRun> =>
  act(
    { name: 'pull_request', payload: pullRequestEvent({ number: 3, baseSha: MAIN_SHA, headSha: PR_SHA }) },
    PR_SHA,
    'refs/pull/3/merge',
    inputs,
  );

const explain = (r: ActionRun): string => `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;

/** An argument that marks the escaped process in this machine's /proc. */
const MARK = `sweepgate-escapee-${process.pid}`;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'sg-isolation-'));
  actionDir = path.join(root, 'action');
  workspace = path.join(root, 'work', 'Hello-World');
  runnerTemp = path.join(root, 'work', '_temp');
  await installAction(BUILD, actionDir);
  await mkdir(runnerTemp, { recursive: true });
  await cp(FIXTURE, path.join(workspace, 'ml'), { recursive: true, filter: (src) => !src.includes('.sweepgate') });
  gh = await fakeGitHub({ tokens: { [TOKEN]: { user: ACTIONS_BOT, installation: true } } });
  cache = await fakeActionsCache({ token: RUNTIME_TOKEN });
});

afterAll(async () => {
  await gh?.close();
  await cache?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe("the PR's code cannot reach the verdict", () => {
  it("an objective module's exit hook cannot turn a regressed run into exit 0", async () => {
    const main = await pushMain();
    expect(main.code, explain(main)).toBe(0);
    // The PR: data that makes the model worse, and one line in the module that would rewrite the exit status.
    await cp(path.join(FIXTURE, 'data-noisy.csv'), path.join(workspace, 'ml', 'data.csv'));
    const objective = path.join(workspace, 'ml', 'objective.mjs');
    await writeFile(
      objective,
      `process.on('exit', () => { process.exitCode = 0; });\nprocess.exitCode = 0;\n${await readFile(objective, 'utf8')}`,
    );
    await rm(path.join(workspace, 'ml', '.sweepgate'), { recursive: true, force: true });
    const r = await pullRequest();
    expect(r.outputs.regressed, explain(r)).toBe('true');
    expect(
      r.errors.some((e) => e.includes('gate failed')),
      explain(r),
    ).toBe(true);
    expect(r.code, explain(r)).toBe(1);
  }, 120_000);

  it.skipIf(process.platform !== 'linux')(
    "a program's setsid child is killed with its trial: the report file is the same after the step, and the file commands are not the program's",
    async () => {
      const ml = path.join(workspace, 'ml-program');
      await mkdir(ml, { recursive: true });
      const marks = path.join(root, 'marks');
      await mkdir(marks, { recursive: true });
      await writeFile(
        path.join(ml, 'sweep.yml'),
        'name: e2e-isolation\nmethod: grid\nseed: 1\nmetric: {name: loss, goal: minimize}\nprogram: train.sh\nparameters:\n  x:\n    values: [1, 2]\n',
      );
      // A detached child in a session of its own (setsid: out of the trial's process group) that waits past the
      // step and then rewrites every report; the program also writes the file commands it was given, and
      // records what it sees of its own and its parent's environment.
      await writeFile(
        path.join(ml, 'train.sh'),
        [
          `MARKS=${JSON.stringify(marks)}`,
          `setsid sh -c 'echo up >> "$0/escaped"; sleep 3; for f in "$1"/sweepgate/*-report.md; do echo FORGED > "$f"; done; echo wrote >> "$0/late"' "$MARKS" "$RUNNER_TEMP" ${MARK} &`,
          `env > "$MARKS/env-$$"`,
          `tr '\\0' '\\n' < /proc/$PPID/environ > "$MARKS/parent-env-$$" 2>/dev/null`,
          `[ -n "$GITHUB_OUTPUT" ] && echo 'injected=1' >> "$GITHUB_OUTPUT"`,
          `[ -n "$GITHUB_ENV" ] && echo 'INJECTED=1' >> "$GITHUB_ENV"`,
          `[ -n "$GITHUB_STEP_SUMMARY" ] && echo 'INJECTED SUMMARY' >> "$GITHUB_STEP_SUMMARY"`,
          `echo '{"loss": 0.5}'`,
          '',
        ].join('\n'),
      );
      const r = await pushMain({ ...INPUTS, config: 'ml-program/sweep.yml' });
      expect(r.code, explain(r)).toBe(0);
      expect(r.outputs.report, explain(r)).toMatch(/-report\.md$/);
      const report = await readFile(r.outputs.report!, 'utf8');
      expect(report).toContain('e2e-isolation');
      const escaped = (await readFile(path.join(marks, 'escaped'), 'utf8')).trim().split('\n');
      // Gone when the step ends (the shell that waits carries MARK among its arguments, whatever pid namespace it ran in).
      expect(runningWith(MARK)).toEqual([]);
      expect(escaped.length).toBeGreaterThanOrEqual(2); // each trial (the search and the champion's seeds) started one
      // Past the escaped child's sleep: it was killed with its trial, so the report is untouched.
      await new Promise((resolve) => setTimeout(resolve, 4000));
      expect(await readFile(r.outputs.report!, 'utf8')).toBe(report);
      expect(existsSync(path.join(marks, 'late'))).toBe(false);
      expect(r.stdout).toMatch(/trial processes: contained (in a PID namespace|by a child subreaper)/);

      // The file commands were not the program's to write: outputs and summary are sweepgate's alone.
      expect(r.outputs.injected).toBeUndefined();
      expect(r.outputs.regressed).toBe('false');
      expect(r.summary).not.toContain('INJECTED');
      const setEnv = path.join(runnerTemp, '_runner_file_commands', `set_env_${runs}`);
      expect(existsSync(setEnv) ? await readFile(setEnv, 'utf8') : '').not.toContain('INJECTED');
      const mark = (prefix: string): string =>
        readFileSync(
          path.join(
            marks,
            readdirSync(marks).find((f) => f.startsWith(prefix))!,
          ),
          'utf8',
        );
      const envs = mark('env-')
        .split('\n')
        .map((l) => l.split('=')[0]);
      for (const name of [
        'GITHUB_OUTPUT',
        'GITHUB_ENV',
        'GITHUB_PATH',
        'GITHUB_STEP_SUMMARY',
        'GITHUB_STATE',
        'INPUT_GITHUB-TOKEN',
        'ACTIONS_RUNTIME_TOKEN',
      ])
        expect(envs).not.toContain(name);
      // Its parent is the containment launcher, started with the program's environment: no token there either.
      const parentEnv = mark('parent-env-');
      expect(parentEnv).not.toContain(TOKEN);
      expect(parentEnv).not.toContain(RUNTIME_TOKEN);
    },
    120_000,
  );

  it.skipIf(process.platform !== 'linux')(
    'a program that finds the file commands in RUNNER_TEMP anyway: they are put back, and the step fails saying so',
    async () => {
      const ml = path.join(workspace, 'ml-finder');
      await mkdir(ml, { recursive: true });
      await writeFile(
        path.join(ml, 'sweep.yml'),
        'name: e2e-finder\nmethod: grid\nseed: 1\nmetric: {name: loss, goal: minimize}\nprogram: train.sh\nparameters:\n  x:\n    values: [1]\n',
      );
      await writeFile(
        path.join(ml, 'train.sh'),
        [
          'for f in "$RUNNER_TEMP"/_runner_file_commands/set_output_* "$RUNNER_TEMP"/_runner_file_commands/step_summary_*; do',
          `  printf 'injected=1\\nINJECTED SUMMARY\\n' >> "$f"`,
          'done',
          `echo '{"loss": 0.5}'`,
          '',
        ].join('\n'),
      );
      const r = await pushMain({ ...INPUTS, config: 'ml-finder/sweep.yml' });
      expect(r.code, explain(r)).toBe(1);
      expect(r.errors.join('\n'), explain(r)).toMatch(
        /FileCommandsTamperedError: a trial wrote the runner's file commands GITHUB_OUTPUT \(.*\), GITHUB_STEP_SUMMARY \(.*\); they were put back/,
      );
      expect(r.outputs.injected).toBeUndefined();
      expect(r.summary).not.toContain('INJECTED');
    },
    120_000,
  );
});

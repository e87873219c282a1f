// The environment a W&B program runs in: this process's, minus the step's secrets, plus a `python` when only
// python3 exists, and where sweepgate's offline `wandb` stand-in is.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Whether `name` is an executable on PATH. */
function onPath(name: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && existsSync(path.join(dir, name)));
}

/**
 * W&B's `${interpreter}` is `python`, which some systems (Debian, Ubuntu without python-is-python3) lack while
 * they have python3. Then PATH gets a folder whose `python` is python3, so W&B's command runs as W&B means it.
 */
export async function pythonShim(argv: readonly string[], tmp: string): Promise<Record<string, string>> {
  const usesPython = argv[0] === 'python' || (argv[0] === '/usr/bin/env' && argv[1] === 'python');
  if (!usesPython || onPath('python') || !onPath('python3')) return {};
  const bin = path.join(tmp, 'bin');
  await mkdir(bin);
  await writeFile(path.join(bin, 'python'), '#!/bin/sh\nexec python3 "$@"\n', { mode: 0o755 });
  return { PATH: [bin, process.env.PATH].filter(Boolean).join(path.delimiter) };
}

/**
 * The runner's file commands: files whose lines set the step's outputs (GITHUB_OUTPUT), later steps' environment
 * and PATH (GITHUB_ENV, GITHUB_PATH), the job summary (GITHUB_STEP_SUMMARY) and the post step's state
 * (GITHUB_STATE). They are the step's results, which only sweepgate writes.
 */
const FILE_COMMANDS = /^GITHUB_(OUTPUT|ENV|PATH|STEP_SUMMARY|STATE)$/i;

/**
 * The environment a program or an objective module's process inherits, without what belongs to the step rather
 * than the trial: the action's inputs (`INPUT_GITHUB-TOKEN` among them), the runner's own tokens (cache and OIDC)
 * and the file commands. A program set up with `env:` in the workflow keeps those variables.
 */
export function programEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) {
    if (/^INPUT_/i.test(k) || /^ACTIONS_(RUNTIME_TOKEN|ID_TOKEN_REQUEST_TOKEN|ID_TOKEN_REQUEST_URL)$/.test(k) || FILE_COMMANDS.test(k))
      continue;
    out[k] = v;
  }
  return out;
}

/** The folder holding sweepgate's `wandb` stand-in: python/ beside the bundle (dist/python), or in the repository. */
export function wandbStandInDir(): string | undefined {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = path.join(dir, 'python');
    if (existsSync(path.join(candidate, 'wandb', '__init__.py'))) return candidate;
    dir = path.dirname(dir);
  }
  return undefined;
}

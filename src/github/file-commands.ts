// The runner's file commands (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_PATH, GITHUB_STEP_SUMMARY, GITHUB_STATE): files the
// runner reads after the step to set its outputs, the job summary, later steps' environment and PATH, and the post
// step's state. Trials never get their paths (programEnv drops them), but the files sit in RUNNER_TEMP, where code
// running as the same user can find them. So their contents are noted before the sweep and checked after it, once
// every trial process is gone: a file a trial wrote is put back as it was, and the step fails naming it.
import { readFile, rm, writeFile } from 'node:fs/promises';

export const FILE_COMMANDS = ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STEP_SUMMARY', 'GITHUB_STATE'] as const;

/** Each file command's path and its contents now (undefined: it does not exist). */
export type FileCommandSnapshot = ReadonlyMap<string, { readonly file: string; readonly text: string | undefined }>;

const readOrUndefined = (file: string): Promise<string | undefined> => readFile(file, 'utf8').catch(() => undefined);

export async function snapshotFileCommands(env: Readonly<Record<string, string | undefined>>): Promise<FileCommandSnapshot> {
  const out = new Map<string, { file: string; text: string | undefined }>();
  for (const name of FILE_COMMANDS) {
    const file = env[name];
    if (file) out.set(name, { file, text: await readOrUndefined(file) });
  }
  return out;
}

/** Puts back every file command that changed since `before` (one that did not exist is removed); the names of those that had. */
export async function restoreFileCommands(before: FileCommandSnapshot): Promise<string[]> {
  const changed: string[] = [];
  for (const [name, { file, text }] of before) {
    if ((await readOrUndefined(file)) === text) continue;
    changed.push(`${name} (${file})`);
    if (text === undefined) await rm(file, { force: true });
    else await writeFile(file, text, 'utf8');
  }
  return changed;
}

/** A trial wrote the runner's file commands: they were put back, and the step fails. */
export class FileCommandsTamperedError extends Error {
  override readonly name = 'FileCommandsTamperedError';
  constructor(readonly changed: readonly string[]) {
    super(
      `a trial wrote the runner's file commands ${changed.join(', ')}; they were put back as they were before the sweep, and the step fails: only sweepgate sets the step's outputs, summary and later steps' environment`,
    );
  }
}

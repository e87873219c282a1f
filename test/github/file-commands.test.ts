import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { FileCommandsTamperedError, restoreFileCommands, snapshotFileCommands } from '../../src/github/file-commands.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sweepgate-file-commands-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the runner's file commands around the sweep", () => {
  test('untouched files stay as they are; written ones are put back (a missing one removed) and named', async () => {
    const file = (name: string, text?: string): string => {
      const f = path.join(dir, name);
      if (text !== undefined) writeFileSync(f, text);
      return f;
    };
    const env = {
      GITHUB_OUTPUT: file('out', 'before=1\n'),
      GITHUB_ENV: file('env'),
      GITHUB_STEP_SUMMARY: file('summary', ''),
      GITHUB_PATH: undefined,
      UNRELATED: file('unrelated', 'x'),
    };
    const before = await snapshotFileCommands(env);
    writeFileSync(env.GITHUB_OUTPUT, 'before=1\ninjected=1\n');
    writeFileSync(env.GITHUB_ENV, 'NODE_OPTIONS=--require=/tmp/evil.js\n');
    writeFileSync(env.UNRELATED, 'y');
    const changed = await restoreFileCommands(before);
    expect(changed).toEqual([`GITHUB_OUTPUT (${env.GITHUB_OUTPUT})`, `GITHUB_ENV (${env.GITHUB_ENV})`]);
    expect(readFileSync(env.GITHUB_OUTPUT, 'utf8')).toBe('before=1\n');
    expect(existsSync(env.GITHUB_ENV)).toBe(false);
    expect(await restoreFileCommands(before)).toEqual([]);
    expect(String(new FileCommandsTamperedError(changed))).toMatch(
      /^FileCommandsTamperedError: a trial wrote the runner's file commands GITHUB_OUTPUT \(.*out\), GITHUB_ENV \(.*env\); they were put back/,
    );
  });
});

// A PR controls the sweep config, so the files it names must stay inside the repository: no `../../`, no
// symlink to the runner's files, not for the config itself, the trainer data, the program or a fingerprint glob.
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.js';
import { loadConfig } from '../../src/engine/run.js';

let top: string;
let ws: string;
let outside: string;

beforeEach(async () => {
  top = await mkdtemp(path.join(tmpdir(), 'sg-paths-'));
  ws = path.join(top, 'ws');
  outside = path.join(top, 'outside');
  await mkdir(path.join(ws, 'ml'), { recursive: true });
  await mkdir(outside);
  await writeFile(path.join(outside, 'secret.csv'), 'a,y\n1,p\n2,q\n');
  await writeFile(path.join(outside, 'obj.mjs'), 'export default () => 1;\n');
  await writeFile(path.join(ws, 'ml', 'obj.mjs'), 'export default () => 1;\n');
  await writeFile(path.join(ws, 'ml', 'data.csv'), 'a,y\n1,p\n2,q\n');
});

const OBJ = (file: string): string => `method: random\nobjective: ${file}\nmetric: {name: loss}\nparameters: {x: {values: [1]}}\n`;
const TRAINER = (file: string): string =>
  `method: random\ntrainer: {data: ${file}, target: y, task: classification}\nparameters: {epochs: {value: 1}}\n`;

/** `root` null: no explicit root (the CLI's case). */
async function problem(text: string, root: string | null = ws, name = 'sweep.yml'): Promise<string> {
  const file = path.join(ws, 'ml', name);
  await writeFile(file, text);
  try {
    await loadConfig(file, root ?? undefined);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e instanceof ConfigError ? e.message : '';
  }
  return 'loaded';
}

describe('config paths stay inside the repository', () => {
  it('refuses ../ out of the root, naming the key', async () => {
    expect(await problem(OBJ('../../outside/obj.mjs'))).toMatch(
      /^objective: must stay inside the repository .*ws, got ".*outside\/obj\.mjs"$/,
    );
    expect(await problem(TRAINER('../../outside/secret.csv'))).toMatch(/^trainer\.data: must stay inside the repository/);
  });

  it('refuses a symlink inside the repository that points out of it', async () => {
    await symlink(path.join(outside, 'secret.csv'), path.join(ws, 'ml', 'link.csv'));
    expect(await problem(TRAINER('link.csv'))).toMatch(
      /^trainer\.data: must stay inside the repository .* \(resolves to .*outside\/secret\.csv\)$/,
    );
  });

  it('refuses fingerprint globs that reach out, and a config that is itself a link out', async () => {
    expect(await problem(`${OBJ('obj.mjs')}fingerprint: ["../../outside/*.csv"]\n`)).toMatch(
      /^fingerprint: must stay inside the repository/,
    );
    await writeFile(path.join(outside, 'sweep.yml'), OBJ(path.join(ws, 'ml', 'obj.mjs')));
    await symlink(path.join(outside, 'sweep.yml'), path.join(ws, 'ml', 'linked.yml'));
    await expect(loadConfig(path.join(ws, 'ml', 'linked.yml'), ws)).rejects.toThrow(
      /must stay inside the repository .*, got the config .*linked\.yml \(resolves to .*outside\/sweep\.yml\)/,
    );
  });

  it('accepts files anywhere inside, links within the repository included', async () => {
    await mkdir(path.join(ws, 'data'));
    await writeFile(path.join(ws, 'data', 'd.csv'), 'a,y\n1,p\n');
    await symlink(path.join(ws, 'data', 'd.csv'), path.join(ws, 'ml', 'inner.csv'));
    expect(await problem(TRAINER('../data/d.csv'))).toBe('loaded');
    expect(await problem(TRAINER('inner.csv'))).toBe('loaded');
  });

  it('without an explicit root: the git repository around the config bounds it; outside any repository nothing does', async () => {
    expect(await problem(OBJ('../../outside/obj.mjs'), null)).toBe('loaded');
    await mkdir(path.join(ws, '.git'));
    expect(await problem(OBJ('../../outside/obj.mjs'), null)).toMatch(/^objective: must stay inside the repository/);
  });
});

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Runs the committed action the way the runner does: `node <action>/dist/index.js` in the workspace, with
 * inputs as INPUT_<NAME> (upper-cased, hyphens kept), the event payload in a file, and file commands
 * (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY) read back afterwards. The child gets a clean environment so
 * variables of whatever CI runs these tests (a real ACTIONS_CACHE_URL, GITHUB_OUTPUT...) cannot leak in.
 */
export interface ActionRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
  /** `::warning::` / `::error::` workflow commands, decoded. */
  readonly warnings: string[];
  readonly errors: string[];
}

export interface RunSpec {
  readonly actionDir: string;
  readonly workspace: string;
  readonly runnerTemp: string;
  readonly event: { readonly name: string; readonly payload: object };
  readonly inputs: Readonly<Record<string, string>>;
  readonly env: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
}

/** Copies action.yml and dist/ (nothing else: no node_modules) into `dir`. */
export async function installAction(repoRoot: string, dir: string): Promise<void> {
  const dist = path.join(repoRoot, 'dist');
  if (!existsSync(path.join(dist, 'index.js'))) {
    throw new Error(`${dist}/index.js is missing: run 'npm run bundle' first (the e2e test runs the committed bundle)`);
  }
  await mkdir(dir, { recursive: true });
  await cp(path.join(repoRoot, 'action.yml'), path.join(dir, 'action.yml'));
  await cp(dist, path.join(dir, 'dist'), { recursive: true });
}

/** The runner's file-command format: `name<<DELIM\nvalue\nDELIM`. */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (m) {
      const end = lines.indexOf(m[2]!, i + 1);
      if (end < 0) throw new Error(`unterminated file command ${m[1]}`);
      out[m[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i]!.includes('=')) {
      const [k, ...v] = lines[i]!.split('=');
      out[k!] = v.join('=');
    }
  }
  return out;
}

function decodeCommand(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function commands(stdout: string, kind: 'warning' | 'error'): string[] {
  const re = new RegExp(`^::${kind}(?: [^:]*)?::(.*)$`, 'gm');
  return [...stdout.matchAll(re)].map((m) => decodeCommand(m[1]!));
}

let counter = 0;

export async function runAction(spec: RunSpec): Promise<ActionRun> {
  const n = ++counter;
  const files = path.join(spec.runnerTemp, '_runner_file_commands');
  await mkdir(files, { recursive: true });
  const eventPath = path.join(files, `event-${n}.json`);
  const outputPath = path.join(files, `set_output_${n}`);
  const summaryPath = path.join(files, `step_summary_${n}`);
  await writeFile(eventPath, JSON.stringify(spec.event.payload));
  await writeFile(outputPath, '');
  await writeFile(summaryPath, '');

  const inputs = Object.fromEntries(Object.entries(spec.inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? spec.runnerTemp,
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: spec.event.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_WORKSPACE: spec.workspace,
    RUNNER_TEMP: spec.runnerTemp,
    GITHUB_ACTION_PATH: spec.actionDir,
    ...inputs,
    ...spec.env,
  };
  const child = spawn(process.execPath, [path.join(spec.actionDir, 'dist', 'index.js')], {
    cwd: spec.workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const code = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`action did not finish within ${spec.timeoutMs ?? 90_000} ms\n${stdout}\n${stderr}`));
    }, spec.timeoutMs ?? 90_000);
    child.on('error', reject);
    child.on('close', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  return {
    code,
    stdout,
    stderr,
    outputs: parseFileCommands(await readFile(outputPath, 'utf8')),
    summary: await readFile(summaryPath, 'utf8'),
    warnings: commands(stdout, 'warning'),
    errors: commands(stdout, 'error'),
  };
}

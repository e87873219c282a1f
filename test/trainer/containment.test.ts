// Containment (src/trainer/program/containment.ts): a trial's program that detaches a child with setsid and a
// double fork must not leave it running, on each mechanism this machine can run, and the fallback says what it
// cannot do. Measured, not assumed: the escaped processes are looked for in this machine's /proc.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { CONTAIN_SCRIPT, type Containment, probeContainment } from '../../src/trainer/program/containment.js';
import { wandbStandInDir } from '../../src/trainer/program/environment.js';
import { type ProgramExit, launcherExit, startProgram } from '../../src/trainer/program/process.js';
import { cleanupTempDirs, repoRoot, tempDir } from './helpers.js';
import { markedSleep, runningWith } from './processes.js';

afterAll(cleanupTempDirs);

const script = path.join(wandbStandInDir() ?? path.join(repoRoot, 'python'), CONTAIN_SCRIPT);
const linux = process.platform === 'linux';

/** Every mechanism this machine can run, strongest first: the probe's pick, then each weaker one forced. */
function mechanisms(): Containment[] {
  if (!linux) return [];
  const all = [
    probeContainment(script),
    probeContainment(script, { python: 'python3', unshare: '/nonexistent/unshare' }),
    probeContainment(undefined),
  ];
  return all.filter((c, i) => all.findIndex((o) => o.kind === c.kind) === i);
}

interface Escapes {
  readonly exit: ProgramExit;
  readonly marks: readonly string[];
  /** Whether the program was stopped (SIGTERM) rather than left to exit. */
  readonly stopped: boolean;
}

/**
 * A program that starts two escapees (a setsid child in a session of its own, and a double fork whose middle
 * process exits at once so the grandchild is orphaned), then exits or waits to be stopped.
 */
function runEscaping(c: Containment, how: 'exits' | 'is stopped'): Promise<Escapes> {
  const dir = tempDir('contain');
  const marks = [markedSleep(), markedSleep()];
  const ready = path.join(dir, 'ready');
  writeFileSync(
    path.join(dir, 'train.sh'),
    [
      `setsid sleep ${marks[0]} &`,
      `(sh -c 'sleep ${marks[1]} &' &)`,
      `sleep 0.3; echo up > ${JSON.stringify(ready)}`,
      how === 'exits' ? 'exit 0' : 'sleep 120',
    ].join('\n'),
  );
  return new Promise((resolve, reject) => {
    const program = startProgram(['sh', 'train.sh'], {
      cwd: dir,
      env: process.env,
      killGraceMs: 300,
      containment: c,
      onStdout: () => {},
      onChannel: () => {},
      onError: reject,
      onEnd: (exit) => resolve({ exit, marks, stopped: how === 'is stopped' }),
    });
    if (how === 'is stopped') setTimeout(() => program.terminate(), 800);
  });
}

describe.skipIf(!linux)('containment', () => {
  test('the probe picks the strongest mechanism that runs and says which', () => {
    const picked = probeContainment(script);
    expect(['pid-namespace', 'subreaper']).toContain(picked.kind);
    expect(picked.summary).toMatch(/^trial processes: contained (in a PID namespace|by a child subreaper)/);
    const noScript = probeContainment(undefined);
    expect(noScript.kind).toBe('process-group');
    expect(noScript.summary).toMatch(
      /sweepgate_contain\.py is not beside sweepgate\); a process a trial detaches with setsid can outlive it/,
    );
    const noPython = probeContainment(script, { python: '/nonexistent/python3', unshare: 'unshare' });
    expect(noPython.kind).toBe('process-group');
    expect(noPython.summary).toMatch(/\/nonexistent\/python3 cannot run: .*ENOENT/);
    expect(probeContainment(script, { python: 'python3', unshare: '/nonexistent/unshare' }).kind).toBe('subreaper');
  });

  for (const c of mechanisms()) {
    for (const how of ['exits', 'is stopped'] as const) {
      test(`${c.kind}: a setsid child and a double-forked grandchild, when the program ${how}`, async () => {
        const r = await runEscaping(c, how);
        const left = r.marks.flatMap(runningWith);
        if (c.kind === 'process-group') {
          // The fallback's limit, measured: the escapees are still running when the trial has ended.
          for (const pid of left) process.kill(pid, 'SIGKILL');
          expect(left.length).toBeGreaterThan(0);
          return;
        }
        // Gone by the time the trial ends, not eventually: the launcher exits only once they are.
        expect(left).toEqual([]);
        if (how === 'exits') expect(r.exit).toMatchObject({ code: 0, signal: null });
        else expect(r.exit.code === null ? r.exit.signal : r.exit.code).toBeTruthy();
      });
    }
  }

  test.skipIf(mechanisms()[0]?.kind !== 'pid-namespace')('pid-namespace: the program sees only its own processes in /proc', async () => {
    const c = mechanisms()[0]!;
    const dir = tempDir('contain');
    writeFileSync(path.join(dir, 'train.sh'), `echo "ppid=$PPID procs=$(ls /proc | grep -c '^[0-9]')"`);
    const out = await new Promise<string>((resolve, reject) => {
      let text = '';
      startProgram(['sh', 'train.sh'], {
        cwd: dir,
        env: process.env,
        killGraceMs: 300,
        containment: c,
        onStdout: (chunk) => (text += chunk),
        onChannel: () => {},
        onError: reject,
        onEnd: () => resolve(text),
      });
    });
    // Its parent is the namespace's init (the launcher); sweepgate's process, and its environment, are not there.
    expect(out).toMatch(/^ppid=1 procs=[2-5]\n$/);
  });

  test('a program that cannot be started fails with the reason, contained or not', async () => {
    for (const c of mechanisms()) {
      const exit = await new Promise<ProgramExit | Error>((resolve) => {
        startProgram(['/no/such/interpreter', 'x'], {
          cwd: tempDir('contain'),
          env: process.env,
          killGraceMs: 300,
          containment: c,
          onStdout: () => {},
          onChannel: () => {},
          onError: (err) => resolve(err),
          onEnd: (e) => resolve(e),
        });
      });
      const said = exit instanceof Error ? exit.message : exit.stderrTail;
      expect(said, c.kind).toMatch(/ENOENT/);
    }
  });
  test('a program killed by a signal ends by that signal, contained or not (a PID namespace’s init passes it on as 128 + N)', async () => {
    for (const c of mechanisms()) {
      const exit = await new Promise<ProgramExit | Error>((resolve) => {
        startProgram(['sh', '-c', 'kill -9 $$'], {
          cwd: tempDir('contain'),
          env: process.env,
          killGraceMs: 300,
          containment: c,
          onStdout: () => {},
          onChannel: () => {},
          onError: (err) => resolve(err),
          onEnd: (e) => resolve(e),
        });
      });
      expect(exit, c.kind).toMatchObject({ code: null, signal: 'SIGKILL' });
    }
  });

  test('launcherExit reads the shell’s 128 + N as signal N, and leaves other statuses alone', () => {
    expect(launcherExit(137, null)).toEqual({ code: null, signal: 'SIGKILL' });
    expect(launcherExit(143, null)).toEqual({ code: null, signal: 'SIGTERM' });
    expect(launcherExit(1, null)).toEqual({ code: 1, signal: null });
    expect(launcherExit(128, null)).toEqual({ code: 128, signal: null });
    expect(launcherExit(255, null)).toEqual({ code: 255, signal: null });
    expect(launcherExit(null, 'SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
  });
});

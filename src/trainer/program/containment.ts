// How a trial's processes are kept from outliving it. A process group alone does not: a program's child that
// calls setsid (or double-forks into a new session) leaves the group, survives the group's SIGKILL and can still
// write files after sweepgate has reported. So each trial's command runs under sweepgate_contain.py (python/),
// which makes itself a child subreaper: escaped processes are re-parented to it, and it kills every descendant
// before it exits. Probed once per process; where it cannot run, trials fall back to the process group alone and
// sweepgate says so.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { wandbStandInDir } from './environment.js';

/** The launcher beside the wandb stand-in (dist/python, or python/ in the repository). */
export const CONTAIN_SCRIPT = 'sweepgate_contain.py';

export interface Containment {
  /** `subreaper` (everything a trial starts is found and killed) or `process-group` (a setsid child escapes). */
  readonly kind: 'subreaper' | 'process-group';
  /** One line for the log: which mechanism runs, and for the fallback why the stronger one could not. */
  readonly summary: string;
  /** The command line that runs `argv` contained (the launcher gets `graceMs` between SIGTERM and SIGKILL). */
  wrap(argv: readonly string[], graceMs: number): string[];
}

/** The process group alone: what runs when the subreaper cannot (not Linux, no python3, prctl refused). */
function groupOnly(why: string): Containment {
  return {
    kind: 'process-group',
    summary: `trial processes: contained by their process group only (${why}); a process a trial detaches with setsid can outlive it`,
    wrap: (argv) => [...argv],
  };
}

/** Whether `python3 sweepgate_contain.py --probe` can make itself a subreaper here; the reason when not. */
export function probeContainment(script: string | undefined, python = 'python3'): Containment {
  if (process.platform !== 'linux') return groupOnly(`no child subreaper on ${process.platform}`);
  if (script === undefined || !existsSync(script)) return groupOnly(`${CONTAIN_SCRIPT} is not beside sweepgate`);
  // -I -S: isolated from PYTHON* variables (the trial's PYTHONPATH) and no site import, which halves its start-up.
  const probe = spawnSync(python, ['-I', '-S', script, '--probe'], { encoding: 'utf8', timeout: 10_000 });
  if (probe.error) return groupOnly(`${python} cannot run: ${probe.error.message}`);
  const [said0, executable] = probe.stdout.trim().split(' ', 2);
  if (probe.status !== 0 || said0 !== 'subreaper') {
    const said = (probe.stderr || probe.stdout).trim().split('\n').pop() ?? '';
    return groupOnly(`${python} ${CONTAIN_SCRIPT} --probe exited with status ${probe.status}${said ? `: ${said}` : ''}`);
  }
  return {
    kind: 'subreaper',
    summary: `trial processes: contained by a child subreaper (${python} ${CONTAIN_SCRIPT}, prctl PR_SET_CHILD_SUBREAPER); nothing a trial starts outlives it`,
    wrap: (argv, graceMs) => [executable || python, '-I', '-S', script, String(graceMs / 1000), ...argv],
  };
}

let probed: Containment | undefined;

/** This process's containment, probed on first use. */
export function containment(): Containment {
  if (probed === undefined) {
    const dir = wandbStandInDir();
    probed = probeContainment(dir === undefined ? undefined : path.join(dir, CONTAIN_SCRIPT));
  }
  return probed;
}

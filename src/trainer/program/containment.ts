// How a trial's processes are kept from outliving it. A process group alone does not: a program's child that
// calls setsid (or double-forks into a new session) leaves the group, survives the group's SIGKILL and can still
// write files after sweepgate has reported. So each trial's command runs under sweepgate_contain.py (python/),
// which makes itself a child subreaper: escaped processes are re-parented to it, and it kills every descendant
// before it exits. Where `unshare` may create a PID namespace (root, or unprivileged user namespaces allowed),
// the launcher runs as that namespace's init with its own /proc: the trial then cannot see sweepgate's (or any
// other) process at all, and the kernel kills the whole namespace when the launcher goes, even by SIGKILL.
// Probed once per process, strongest first; where none runs, trials fall back to the process group alone and
// sweepgate says so.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { wandbStandInDir } from './environment.js';

/** The launcher beside the wandb stand-in (dist/python, or python/ in the repository). */
export const CONTAIN_SCRIPT = 'sweepgate_contain.py';

export type ContainmentKind = 'pid-namespace' | 'subreaper' | 'process-group';

export interface Containment {
  /**
   * `pid-namespace`: a PID namespace with its own /proc, its init the subreaper; `subreaper`: everything a trial
   * starts is found and killed; `process-group`: a child that calls setsid escapes.
   */
  readonly kind: ContainmentKind;
  /** One line for the log: which mechanism runs, and for the fallback why the stronger ones could not. */
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

/** -I -S: isolated from PYTHON* variables (the trial's PYTHONPATH) and no site import, which halves its start-up. */
const PY_FLAGS = ['-I', '-S'];
/** A PID namespace whose init is the launcher (killed with it: --kill-child), with a /proc of its own. */
const PID_NAMESPACE = ['--pid', '--fork', '--kill-child', '--mount-proc'];
/** The same for a user who is not root, where unprivileged user namespaces are allowed; the user keeps its uid. */
const USER_PID_NAMESPACE = ['--user', '--map-current-user', ...PID_NAMESPACE];

/** Runs `argv` once; the interpreter the launcher reports (`subreaper <sys.executable>`), or why it did not. */
function probe(argv: readonly string[]): { readonly python: string } | { readonly why: string } {
  const run = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8', timeout: 10_000 });
  if (run.error) return { why: `${argv[0]} cannot run: ${run.error.message}` };
  const [said, python] = run.stdout.trim().split(' ', 2);
  if (run.status === 0 && said === 'subreaper' && python) return { python };
  const last = (run.stderr || run.stdout).trim().split('\n').pop() ?? '';
  return { why: `${argv.join(' ')} exited with status ${run.status}${last ? `: ${last}` : ''}` };
}

/**
 * The strongest containment that runs here: a PID namespace (`unshare`, as root or with unprivileged user
 * namespaces), else the subreaper alone, else the process group. `unshare` and `python3` are looked up on PATH.
 */
export function probeContainment(script: string | undefined, tools = { python: 'python3', unshare: 'unshare' }): Containment {
  if (process.platform !== 'linux') return groupOnly(`no child subreaper on ${process.platform}`);
  if (script === undefined || !existsSync(script)) return groupOnly(`${CONTAIN_SCRIPT} is not beside sweepgate`);
  const launcher = [tools.python, ...PY_FLAGS, script, '--probe'];
  const reaper = probe(launcher);
  if ('why' in reaper) return groupOnly(reaper.why);
  const run = [reaper.python, ...PY_FLAGS, script];
  for (const flags of [PID_NAMESPACE, USER_PID_NAMESPACE]) {
    if ('python' in probe([tools.unshare, ...flags, ...run, '--probe']))
      return {
        kind: 'pid-namespace',
        summary: `trial processes: contained in a PID namespace of their own (${tools.unshare} ${flags.join(' ')}) under a child subreaper; nothing a trial starts outlives it, and it sees no other process`,
        wrap: (argv, graceMs) => [tools.unshare, ...flags, ...run, String(graceMs / 1000), ...argv],
      };
  }
  return {
    kind: 'subreaper',
    summary: `trial processes: contained by a child subreaper (${CONTAIN_SCRIPT}, prctl PR_SET_CHILD_SUBREAPER; no PID namespace: unshare was refused); nothing a trial starts outlives it`,
    wrap: (argv, graceMs) => [...run, String(graceMs / 1000), ...argv],
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

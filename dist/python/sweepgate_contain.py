"""Runs one trial's command so that nothing it starts outlives it (sweepgate's `subreaper` containment).

    python3 sweepgate_contain.py GRACE_SECONDS COMMAND [ARG...]
    python3 sweepgate_contain.py --probe

This process becomes a child subreaper (prctl PR_SET_CHILD_SUBREAPER, Linux 3.4+, no privilege needed): a
process the command starts that double-forks or calls setsid is re-parented to it instead of to init, so it stays
a descendant and can be found through /proc. The command runs in a process group of its own. When the command
exits, or this process gets SIGTERM/SIGINT/SIGHUP (sweepgate stopping the trial, or sweepgate itself going:
PR_SET_PDEATHSIG), every descendant gets SIGTERM, then SIGKILL after GRACE_SECONDS; this process exits, with the
command's exit status or signal, only once none is left. Its own SIGKILL is the one thing it cannot contain.
Standard library only: it runs under whatever python3 the runner has.
"""

import ctypes
import errno
import os
import signal
import sys
import time

PR_SET_PDEATHSIG = 1
PR_SET_CHILD_SUBREAPER = 36
POLL_SECONDS = 0.02


def prctl(option, value):
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(option, value, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()))


def descendants(root):
    """Pids of every live (non-zombie) process below `root`, found through /proc's parent links."""
    children = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % name, "rb") as f:
                stat = f.read()
        except OSError:
            continue
        # pid (comm) state ppid ...: comm may hold spaces and parentheses, so split after the last ')'.
        fields = stat[stat.rindex(b")") + 2 :].split()
        children.setdefault(int(fields[1]), []).append((int(name), fields[0] != b"Z"))
    found, todo = [], [root]
    while todo:
        for pid, alive in children.get(todo.pop(), []):
            todo.append(pid)
            if alive:
                found.append(pid)
    return found


def signal_all(pids, sig):
    for pid in pids:
        try:
            os.kill(pid, sig)
        except OSError:
            pass


def reap(main_pid, status):
    """Collects every exited child (the command and orphans re-parented here); returns the command's status."""
    while True:
        try:
            pid, st = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return status
        if pid == 0:
            return status
        if pid == main_pid:
            status = st


def start(argv):
    pid = os.fork()
    if pid == 0:
        try:
            os.setpgid(0, 0)
            for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
                signal.signal(sig, signal.SIG_DFL)
            os.execvp(argv[0], argv)
        except OSError as err:
            code = errno.errorcode.get(err.errno, "error %s" % err.errno)
            sys.stderr.write("cannot run %s: %s %s\n" % (" ".join(argv), code, err.strerror))
            os._exit(127)
    return pid


def main():
    if sys.argv[1:] == ["--probe"]:
        prctl(PR_SET_CHILD_SUBREAPER, 1)
        # The interpreter itself: a shim (pyenv) in front of it would cost every trial a shell's start-up.
        print("subreaper " + sys.executable)
        return 0
    grace, argv = float(sys.argv[1]), sys.argv[2:]
    prctl(PR_SET_CHILD_SUBREAPER, 1)
    stop = []
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, lambda s, _f: stop.append(s))
    # sweepgate gone without a word (SIGKILL): this process hears it as SIGTERM and cleans up.
    prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() == 1:
        stop.append(signal.SIGTERM)
    main_pid = start(argv)
    me = os.getpid()
    status = None
    deadline = None
    while True:
        status = reap(main_pid, status)
        if deadline is None and (status is not None or stop):
            # The trial is over (or being stopped): everything below goes, politely first.
            signal_all(descendants(me), signal.SIGTERM)
            deadline = time.monotonic() + grace
        if deadline is not None:
            left = descendants(me)
            if not left and status is not None:
                break
            if time.monotonic() >= deadline:
                signal_all(left, signal.SIGKILL)
        time.sleep(POLL_SECONDS)
    if os.WIFSIGNALED(status):
        # Ended by a signal: end the same way, so sweepgate sees the signal. SIGKILL and SIGSTOP have no handler to
        # reset; as a PID namespace's init this process cannot signal itself, and the shell's 128 + N says it instead.
        sig = os.WTERMSIG(status)
        if sig not in (signal.SIGKILL, signal.SIGSTOP):
            signal.signal(sig, signal.SIG_DFL)
        os.kill(me, sig)
        return 128 + sig
    return os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode") else os.WEXITSTATUS(status)


if __name__ == "__main__":
    sys.exit(main())

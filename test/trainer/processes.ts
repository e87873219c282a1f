// Finding a test's processes from outside whatever contains them: a trial in a PID namespace has pids of its own
// there, so a pid it prints means nothing here. A test marks its processes instead (a `sleep` of a duration no
// other process uses) and looks for the mark in this machine's /proc.
import { readFileSync, readdirSync } from 'node:fs';

let n = 0;
/** A `sleep` argument unique to this test process and call: 120 s and a fraction that names it. */
export function markedSleep(): string {
  return `120.${process.pid}${String(++n).padStart(3, '0')}`;
}

/** Pids of live (not zombie) processes whose command line holds `mark`. */
export function runningWith(mark: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      if (!cmdline.split('\0').includes(mark)) continue;
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z') found.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** Polls `check` until it holds or `ms` pass; its last answer. */
export async function eventually(check: () => boolean, ms = 3000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

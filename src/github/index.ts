import { run } from './main.js';
// A cancelled job's SIGINT/SIGTERM: exit, which takes the trials' process groups along.
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const)
  process.once(signal, () => process.exit(code));
const status = await run();
// The exit status is the verdict, decided here last of all (no trial's code runs in this process). A cache call
// given up on after its timeout may still hold a socket open; the step is done, so end it.
process.exit(status === 'failed' ? 1 : 0);

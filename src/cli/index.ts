#!/usr/bin/env node
import { main } from './main.js';
// Programs run in their own process groups, out of reach of the terminal's Ctrl-C: exiting takes them along.
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const)
  process.once(signal, () => process.exit(code));
process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: process.stderr.isTTY === true,
});

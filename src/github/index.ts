import { run } from './main.js';
await run();
// A cache call given up on after its timeout may still hold a socket open; the step is done, so end it.
process.exit();

import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
const require = __sgCreateRequire(import.meta.url);
var __filename = __sgFileURLToPath(import.meta.url);
var __dirname = __sgFileURLToPath(new URL('.', import.meta.url));
import {
  loadConfig,
  runSweep
} from "./chunk-2D7GRP53.js";
import "./chunk-WFZAVZAY.js";
import "./chunk-3RU4JIUU.js";
import "./chunk-F4NRRLJR.js";
export {
  loadConfig,
  runSweep
};

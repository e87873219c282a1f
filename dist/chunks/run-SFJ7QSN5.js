import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
const require = __sgCreateRequire(import.meta.url);
var __filename = __sgFileURLToPath(import.meta.url);
var __dirname = __sgFileURLToPath(new URL('.', import.meta.url));
import {
  loadConfig,
  runSweep
} from "./chunk-4AQEJUE3.js";
import "./chunk-WFZAVZAY.js";
import "./chunk-BIHCOGLI.js";
import "./chunk-F4NRRLJR.js";
export {
  loadConfig,
  runSweep
};

import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
const require = __sgCreateRequire(import.meta.url);
var __filename = __sgFileURLToPath(import.meta.url);
var __dirname = __sgFileURLToPath(new URL('.', import.meta.url));
import {
  explainConfig,
  firstTrial,
  loadConfig,
  runSweep
} from "./chunk-M2CZCYJ3.js";
import "./chunk-VMRLC3AO.js";
import "./chunk-O6PKMZ34.js";
import "./chunk-IJZM4NT2.js";
export {
  explainConfig,
  firstTrial,
  loadConfig,
  runSweep
};

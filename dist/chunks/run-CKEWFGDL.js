import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
const require = __sgCreateRequire(import.meta.url);
var __filename = __sgFileURLToPath(import.meta.url);
var __dirname = __sgFileURLToPath(new URL('.', import.meta.url));
import {
  loadConfig,
  runSweep
} from "./chunk-BG4OFDKP.js";
import "./chunk-T6IOVXWP.js";
import "./chunk-RUGXEINI.js";
import "./chunk-5IXT3M2U.js";
export {
  loadConfig,
  runSweep
};

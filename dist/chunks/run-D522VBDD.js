import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
const require = __sgCreateRequire(import.meta.url);
var __filename = __sgFileURLToPath(import.meta.url);
var __dirname = __sgFileURLToPath(new URL('.', import.meta.url));
import {
  loadConfig,
  runSweep
} from "./chunk-KSAXDLDM.js";
import "./chunk-WFZAVZAY.js";
import "./chunk-IZTV3K7Q.js";
import "./chunk-F4NRRLJR.js";
export {
  loadConfig,
  runSweep
};

import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
const require = __sgCreateRequire(import.meta.url);
var __filename = __sgFileURLToPath(import.meta.url);
var __dirname = __sgFileURLToPath(new URL('.', import.meta.url));
import {
  loadConfig,
  runSweep
} from "./chunk-FWYFKLZ2.js";
import "./chunk-IJRFGROR.js";
import "./chunk-5LK4VMBV.js";
import "./chunk-ZPJVOJVW.js";
export {
  loadConfig,
  runSweep
};

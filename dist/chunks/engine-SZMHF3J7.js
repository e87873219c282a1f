import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
const require = __sgCreateRequire(import.meta.url);
var __filename = __sgFileURLToPath(import.meta.url);
var __dirname = __sgFileURLToPath(new URL('.', import.meta.url));
import {
  concludeSweep,
  explainConfig,
  firstTrial,
  loadConfig,
  runSweep
} from "./chunk-GHNIKT3K.js";
import "./chunk-BNY6ROKM.js";
import "./chunk-VCDJ37EM.js";
import "./chunk-7YHG47VO.js";
export {
  concludeSweep,
  explainConfig,
  firstTrial,
  loadConfig,
  runSweep
};

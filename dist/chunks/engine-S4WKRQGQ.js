import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
const require = __sgCreateRequire(import.meta.url);
var __filename = __sgFileURLToPath(import.meta.url);
var __dirname = __sgFileURLToPath(new URL('.', import.meta.url));
import {
  concludeSweep,
  explainConfig,
  finishShards,
  firstTrial,
  loadConfig,
  mergeShards,
  nothingMerged,
  runSweep
} from "./chunk-WPJNAUWZ.js";
import "./chunk-JEVU4W2W.js";
import "./chunk-ZBK6FFII.js";
import "./chunk-XXUPUARK.js";
import "./chunk-HUKQ7NIW.js";
import "./chunk-RDA5MJ7X.js";
import "./chunk-2PM7NPGU.js";
import "./chunk-5ZKIV7AL.js";
import "./chunk-R5QEHD35.js";
import "./chunk-BSN4SUU4.js";
export {
  concludeSweep,
  explainConfig,
  finishShards,
  firstTrial,
  loadConfig,
  mergeShards,
  nothingMerged,
  runSweep
};

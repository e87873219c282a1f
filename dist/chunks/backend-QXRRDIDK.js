import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
const require = __sgCreateRequire(import.meta.url);
var __filename = __sgFileURLToPath(import.meta.url);
var __dirname = __sgFileURLToPath(new URL('.', import.meta.url));
import {
  BackendError,
  ensureBackend,
  findWasmDir,
  loadTf
} from "./chunk-FYWKXR3C.js";
import "./chunk-R5QEHD35.js";
import "./chunk-BSN4SUU4.js";
export {
  BackendError,
  ensureBackend,
  findWasmDir,
  loadTf
};

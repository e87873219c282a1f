import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
const require = __sgCreateRequire(import.meta.url);
var __filename = __sgFileURLToPath(import.meta.url);
var __dirname = __sgFileURLToPath(new URL('.', import.meta.url));

// src/core/backends.ts
var BACKEND_CHOICES = ["auto", "tensorflow", "wasm", "cpu"];
function isBackendName(name) {
  return name !== void 0 && name !== "auto" && BACKEND_CHOICES.includes(name);
}

export {
  BACKEND_CHOICES,
  isBackendName
};

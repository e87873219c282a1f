import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
const require = __sgCreateRequire(import.meta.url);
var __filename = __sgFileURLToPath(import.meta.url);
var __dirname = __sgFileURLToPath(new URL('.', import.meta.url));
import {
  ClassifiedError,
  show
} from "./chunk-BSN4SUU4.js";

// src/trainer/data/errors.ts
import path from "node:path";
function displayPath(file) {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : file;
}
var DatasetError = class extends ClassifiedError {
  name = "DatasetError";
  errorClass = "config";
  invalid = "data";
  file;
  column;
  value;
  line;
  constructor(where, message) {
    const at = where.line === void 0 ? displayPath(where.file) : `${displayPath(where.file)}:${where.line}`;
    super(`${at}: ${message}`);
    this.file = where.file;
    this.column = where.column;
    this.value = where.value;
    this.line = where.line;
  }
};
var MissingColumnError = class extends DatasetError {
  name = "MissingColumnError";
  role;
  constructor(file, role, column, header) {
    super(
      { file, column },
      `${role === "split_by" ? "split_by (id)" : role} column ${show(column)} is not in the header (columns: ${header.map((h) => show(h)).join(", ")})`
    );
    this.role = role;
  }
};
var EmptyDataError = class extends DatasetError {
  name = "EmptyDataError";
};
var UnseenLabelError = class extends DatasetError {
  name = "UnseenLabelError";
  constructor(file, line, column, value, classes) {
    super(
      { file, line, column, value },
      `class ${show(value)} in column ${show(column)} appears in the validation data but not in the training data (training classes: ${classes.map((c) => show(c)).join(", ")})`
    );
  }
};
var NonNumericError = class extends DatasetError {
  name = "NonNumericError";
  constructor(file, line, column, value, what) {
    super({ file, line, column, value }, `${what} column ${show(column)} must hold numbers, got ${show(value)}`);
  }
};

export {
  displayPath,
  DatasetError,
  MissingColumnError,
  EmptyDataError,
  UnseenLabelError,
  NonNumericError
};

import path from 'node:path';
import { ClassifiedError, show } from '../../core/errors.js';

/** A path as a user would recognise it: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

interface Where {
  readonly file: string;
  readonly column?: string;
  readonly value?: string;
  /** 1-based line in the file. */
  readonly line?: number;
}

/**
 * Something in the trainer's CSV data makes training impossible. Thrown while the objective is created
 * (before any trial runs), so it is fatal for the sweep: every trial would fail the same way, and both entries
 * say so as invalid data (the CLI exits 2). Messages name the file, and where they apply the line, column and value.
 */
export class DatasetError extends ClassifiedError {
  override readonly name: string = 'DatasetError';
  readonly errorClass = 'config';
  override readonly invalid = 'data';
  readonly file: string;
  readonly column: string | undefined;
  readonly value: string | undefined;
  readonly line: number | undefined;
  constructor(where: Where, message: string) {
    const at = where.line === undefined ? displayPath(where.file) : `${displayPath(where.file)}:${where.line}`;
    super(`${at}: ${message}`);
    this.file = where.file;
    this.column = where.column;
    this.value = where.value;
    this.line = where.line;
  }
}

/** The target column or a listed feature column is not in the file's header. */
export class MissingColumnError extends DatasetError {
  override readonly name: string = 'MissingColumnError';
  readonly role: 'target' | 'feature' | 'split_by';
  constructor(file: string, role: 'target' | 'feature' | 'split_by', column: string, header: readonly string[]) {
    super(
      { file, column },
      `${role === 'split_by' ? 'split_by (id)' : role} column ${show(column)} is not in the header (columns: ${header.map((h) => show(h)).join(', ')})`,
    );
    this.role = role;
  }
}

/** The file has no data rows (or no header), or a split leaves one side empty. */
export class EmptyDataError extends DatasetError {
  override readonly name: string = 'EmptyDataError';
}

/** A class label appears in the validation rows but never in the training rows: the model cannot predict it. */
export class UnseenLabelError extends DatasetError {
  override readonly name: string = 'UnseenLabelError';
  constructor(file: string, line: number, column: string, value: string, classes: readonly string[]) {
    super(
      { file, line, column, value },
      `class ${show(value)} in column ${show(column)} appears in the validation data but not in the training data ` +
        `(training classes: ${classes.map((c) => show(c)).join(', ')})`,
    );
  }
}

/** A regression target, or a numeric feature in a separate validation file, is not a number. */
export class NonNumericError extends DatasetError {
  override readonly name: string = 'NonNumericError';
  constructor(file: string, line: number, column: string, value: string, what: string) {
    super({ file, line, column, value }, `${what} column ${show(column)} must hold numbers, got ${show(value)}`);
  }
}

/** Each schema and the module its validator is generated into (relative to the repository). */
export const VALIDATORS: readonly { readonly schema: string; readonly module: string }[];
/** The generated module's text for one schema file (relative to the repository). */
export function validatorModule(schemaFile: string): string;
/** Writes every generated validator module; returns their paths. */
export function writeValidators(): string[];

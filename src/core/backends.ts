/**
 * The TensorFlow.js backends a sweep can ask for (the CLI's `--backend`, the Action's `backend` input): `auto` times
 * the others on the sweep's own model and takes the fastest; the rest force one.
 */
export const BACKEND_CHOICES = ['auto', 'tensorflow', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

/** A backend a trial actually runs on: every choice but `auto`. */
export type BackendName = Exclude<BackendChoice, 'auto'>;

/** Whether `name` (e.g. a baseline's recorded backend, free text from a results file) is one of the backends. */
export function isBackendName(name: string | undefined): name is BackendName {
  return name !== undefined && name !== 'auto' && (BACKEND_CHOICES as readonly string[]).includes(name);
}

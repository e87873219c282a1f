/**
 * The TensorFlow.js backends a sweep can ask for (the CLI's `--backend`, the Action's `backend` input): `auto` times
 * the others on the sweep's own model and takes the fastest; the rest force one.
 */
export const BACKEND_CHOICES = ['auto', 'tensorflow', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

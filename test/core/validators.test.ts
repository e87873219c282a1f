// The schema validators run from code generated at build time (scripts/validators.mjs); like dist/, the committed
// modules must be exactly what the generator writes from today's schemas.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VALIDATORS, validatorModule } from '../../scripts/validators.mjs';

describe('generated schema validators', () => {
  it.each(VALIDATORS.map((v) => [v.module, v.schema]))('%s is what scripts/validators.mjs generates from %s', (module, schema) => {
    const committed = readFileSync(path.resolve(module), 'utf8');
    expect(committed === validatorModule(schema), `${module} is stale: run node scripts/validators.mjs and commit it`).toBe(true);
  });
});

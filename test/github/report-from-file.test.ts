import { readFileSync } from 'node:fs';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimMismatch, MAX_RESULTS_FILE_BYTES, readUntrustedResults, ResultsFileError } from '../../src/github/report-from-file.js';
import { MAX_RESULTS_DEPTH, parseStrictResultsDoc } from '../../src/storage/results-schema.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** A results document `sweepgate run --json --baseline` wrote for a staged sweep: stages, replay, validation. */
const REAL = readFileSync(path.join(HERE, 'fixtures', 'results-staged-pr.json'), 'utf8');
const HEAD = 'c'.repeat(40);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sg-rff-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let n = 0;
async function file(content: string | Buffer): Promise<string> {
  const f = path.join(dir, `doc-${++n}.json`);
  await writeFile(f, content);
  return f;
}

function doc(edit: (d: Record<string, unknown>) => void = () => {}): string {
  const d = JSON.parse(REAL) as Record<string, unknown>;
  d.pullRequest = { number: 7, headSha: HEAD };
  edit(d);
  return JSON.stringify(d);
}

async function refusal(content: string | Buffer): Promise<string> {
  const err = await readUntrustedResults(await file(content)).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof ResultsFileError)) throw new Error(`expected a ResultsFileError, got ${String(err)}`);
  return err.message;
}

describe('readUntrustedResults', () => {
  it('reads a real results document and the PR it claims', async () => {
    const r = await readUntrustedResults(await file(doc()));
    expect(r.results.sweep).toBe('linear-staged');
    expect(r.results.stages?.length).toBeGreaterThan(0);
    expect(r.results.replay?.runs.length).toBeGreaterThan(0);
    expect(r.claim).toEqual({ number: 7, headSha: HEAD });
  });

  it('refuses a document that does not match the results schema, naming each field and echoing the value', async () => {
    const message = await refusal(
      doc((d) => {
        (d.trials as Record<string, unknown>[])[0]!.status = 'great';
        (d.stats as Record<string, unknown>).trained = -1;
      }),
    );
    expect(message).toContain('is not a sweepgate results document');
    expect(message).toContain('/trials/0/status: must be equal to one of the allowed values (complete, pruned, failed), got "great"');
    expect(message).toContain('/stats/trained: must be >= 0, got -1');
    const best = await refusal(doc((d) => (d.best = { key: 'k', params: {}, metrics: { val_rmse: 'low' }, samples: {} })));
    expect(best).toContain('"best.metrics" must hold numbers');
  });

  it('refuses what is not a results document at all, not JSON, or not UTF-8', async () => {
    expect(await refusal('{"sweep": 1}')).toContain('"sweep" missing');
    expect(await refusal('{"sweep": "x", oops')).toContain('not JSON');
    expect(await refusal(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))).toContain('is not UTF-8 text');
    expect(await refusal('[]')).toContain('not a JSON object');
  });

  it(`refuses a document past ${MAX_RESULTS_FILE_BYTES} bytes before parsing it`, async () => {
    const big = doc((d) => {
      d.padding = 'x'.repeat(MAX_RESULTS_FILE_BYTES);
    });
    expect(await refusal(big)).toMatch(new RegExp(`is ${Buffer.byteLength(big)} bytes, past the ${MAX_RESULTS_FILE_BYTES}-byte cap`));
  });

  it(`refuses nesting past ${MAX_RESULTS_DEPTH} levels (a parameter value the report would recurse into)`, async () => {
    const deep = doc((d) => {
      (d.trials as Record<string, unknown>[])[0]!.params = { deep: JSON.parse(`${'['.repeat(100)}${']'.repeat(100)}`) };
    });
    expect(await refusal(deep)).toContain(`nested deeper than ${MAX_RESULTS_DEPTH} levels`);
  });

  it('refuses a link (an artifact cannot point the step at another file) and a folder', async () => {
    const target = await file(doc());
    const link = path.join(dir, 'link.json');
    await symlink(target, link);
    await expect(readUntrustedResults(link)).rejects.toThrow(/cannot be read/);
    await expect(readUntrustedResults(dir)).rejects.toThrow(/is not a regular file/);
    await expect(readUntrustedResults(path.join(dir, 'missing.json'))).rejects.toThrow(/did the artifact download into that path/);
  });

  it('keeps extra fields out of the way: a __proto__ key is data, not a prototype', () => {
    const parsed = parseStrictResultsDoc(
      doc((d) => Object.defineProperty(d, '__proto__', { value: { polluted: true }, enumerable: true })),
    );
    expect(Array.isArray(parsed)).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('claimMismatch', () => {
  const expected = { sweep: 'linear-staged', number: 7, headSha: HEAD };
  const read = async (d: string): ReturnType<typeof readUntrustedResults> => readUntrustedResults(await file(d));

  it('accepts the document of the PR the API found', async () => {
    expect(claimMismatch(await read(doc()), expected)).toBeUndefined();
  });

  it('refuses a document that names another PR, another head commit, another sweep, or none', async () => {
    expect(claimMismatch(await read(doc((d) => (d.pullRequest = { number: 8, headSha: HEAD }))), expected)).toBe(
      `the document names pull request #8, but the run that uploaded it tested the head commit ${HEAD} of pull request #7`,
    );
    expect(claimMismatch(await read(doc((d) => (d.pullRequest = { number: 7, headSha: 'd'.repeat(40) }))), expected)).toContain(
      `names the head commit "${'d'.repeat(40)}", but the run that uploaded it tested ${HEAD}`,
    );
    expect(claimMismatch(await read(doc((d) => (d.sweep = 'other'))), expected)).toContain(
      'the document is for the sweep "other", but the config on the default branch names "linear-staged"',
    );
    expect(claimMismatch(await read(doc((d) => delete d.pullRequest)), expected)).toContain('"pullRequest" is missing');
  });
});

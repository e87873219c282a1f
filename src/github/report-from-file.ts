import { constants } from 'node:fs';
import { mkdir, open, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ClassifiedError, errorText } from '../core/errors.js';
import { isRecord } from '../core/json.js';
import type { ResultsDoc } from '../core/results.js';
import { parseStrictResultsDoc } from '../storage/results-schema.js';
import type { Plan, RunContext } from './context.js';

/**
 * The results document a fork PR's `pull_request` run uploads and the `workflow_run` job reports from (issue 17,
 * point 4). The run that wrote it ran the PR's code, which could have written anything into it, so on the way in it
 * is untrusted input: size capped, decoded and parsed without evaluating anything, checked field by field against
 * schema/results.schema.json, and matched against the PR the API found. Its strings reach the report only through
 * the report's own escaping, as the PR's strings always have.
 */

/** Larger than any real results document (a 1,000-trial sweep with 100-epoch histories is a few MB). */
export const MAX_RESULTS_FILE_BYTES = 10 * 1024 * 1024;

/** What the document says about the PR it came from (`pullRequest`), written by `mode: sweep` on a pull_request run. */
export interface PullRequestClaim {
  readonly number: number;
  readonly headSha: string;
}

/** The artifact's results document cannot be used: the message says why, quoting (escaped by whoever prints it) what it got. */
export class ResultsFileError extends ClassifiedError {
  override readonly name = 'ResultsFileError';
  readonly errorClass = 'config';
  override readonly invalid = 'input';
}

/**
 * `mode: sweep` with `results-file`: the run's results document, for actions/upload-artifact, with the PR it is for
 * (`pullRequest`) on a pull_request run. Written after every trial process is gone, and whatever the gate decided.
 */
export async function writeResultsFile(ctx: RunContext, plan: Plan, file: string, results: ResultsDoc): Promise<void> {
  const headSha = ctx.pullRequest?.headSha;
  const claim: PullRequestClaim | undefined = plan.kind === 'pull-request' && headSha ? { number: plan.number, headSha } : undefined;
  const target = path.resolve(ctx.workspace, file);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, `${JSON.stringify({ ...results, ...(claim ? { pullRequest: claim } : {}) })}\n`, 'utf8');
}

/**
 * Reads and checks the document at `file`. A link, a folder, a file past MAX_RESULTS_FILE_BYTES, text that is not
 * UTF-8 or JSON, or a document that does not match the results schema is a ResultsFileError naming what was wrong.
 */
export async function readUntrustedResults(file: string): Promise<{ readonly results: ResultsDoc; readonly claim?: PullRequestClaim }> {
  const text = await readCapped(file, MAX_RESULTS_FILE_BYTES);
  const parsed = parseStrictResultsDoc(text);
  if (!isResults(parsed))
    throw new ResultsFileError(`results-file '${file}' is not a sweepgate results document:\n${parsed.map((p) => `- ${p}`).join('\n')}`);
  const claim = (parsed as { pullRequest?: unknown }).pullRequest;
  return { results: parsed, ...(isRecord(claim) ? { claim: claim as unknown as PullRequestClaim } : {}) };
}

function isResults(v: ResultsDoc | readonly string[]): v is ResultsDoc {
  return !Array.isArray(v);
}

/**
 * At most `cap` bytes of a regular file, never through a link (O_NOFOLLOW), read from the descriptor that was
 * checked, so what is read is what was measured.
 */
async function readCapped(file: string, cap: number): Promise<string> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (err) {
    throw new ResultsFileError(`results-file '${file}' cannot be read (${errorText(err)}): did the artifact download into that path?`);
  }
  try {
    const s = await handle.stat();
    if (!s.isFile()) throw new ResultsFileError(`results-file '${file}' is not a regular file`);
    if (s.size > cap) throw new ResultsFileError(`results-file '${file}' is ${s.size} bytes, past the ${cap}-byte cap`);
    const buf = Buffer.alloc(cap + 1);
    const { bytesRead } = await handle.read(buf, 0, cap + 1, 0);
    if (bytesRead > cap) throw new ResultsFileError(`results-file '${file}' grew past the ${cap}-byte cap while it was read`);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, bytesRead));
    } catch {
      throw new ResultsFileError(`results-file '${file}' is not UTF-8 text`);
    }
  } finally {
    await handle.close();
  }
}

/**
 * Why the document cannot be reported on the PR the API found (undefined when it can): it is for another sweep, it
 * names another PR, or another head commit. A document without its claim is refused too: only `mode: sweep` with
 * `results-file` on a pull_request run writes one, so anything else is not what the workflow uploaded.
 */
export function claimMismatch(
  doc: { readonly results: ResultsDoc; readonly claim?: PullRequestClaim },
  expected: { readonly sweep: string; readonly number: number; readonly headSha: string },
): string | undefined {
  const { results, claim } = doc;
  if (results.sweep !== expected.sweep)
    return `the document is for the sweep ${JSON.stringify(results.sweep)}, but the config on the default branch names ${JSON.stringify(expected.sweep)}`;
  if (!claim)
    return 'the document does not say which pull request it is for ("pullRequest" is missing): write it with results-file in mode: sweep';
  if (claim.number !== expected.number)
    return `the document names pull request #${claim.number}, but the run that uploaded it tested the head commit ${expected.headSha} of pull request #${expected.number}`;
  if (claim.headSha !== expected.headSha)
    return `the document names the head commit ${JSON.stringify(claim.headSha)}, but the run that uploaded it tested ${expected.headSha}`;
  return undefined;
}

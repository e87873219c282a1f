import { describe, expect, it } from 'vitest';
import { postComment, stepFailure, summary } from '../../src/github/publish.js';
import { commentMarker } from '../../src/github/comments.js';
import { FakeIO, MemoryComments, StatusError } from './fakes.js';

const post = {
  issue: 7,
  sweep: 'iris',
  body: `${commentMarker('iris')}\nreport`,
  regressed: false,
  forbiddenHint: 'give the job `pull-requests: write`',
};

describe('postComment: the one sticky comment every reporting job posts', () => {
  it('creates once, then updates the same comment, and logs which PR', async () => {
    const io = new FakeIO({});
    const comments = new MemoryComments();
    await postComment(io, { comment: 'always', githubToken: 't' }, () => comments, post);
    await postComment(io, { comment: 'always', githubToken: 't' }, () => comments, { ...post, body: `${commentMarker('iris')}\nagain` });
    expect(comments.comments).toHaveLength(1);
    expect(comments.comments[0]!.body).toContain('again');
    expect(io.infos).toEqual(['PR #7 comment created (id 1)', 'PR #7 comment updated (id 1)']);
  });

  it('on-regression: no new comment for a pass, one for a regression', async () => {
    const io = new FakeIO({});
    const comments = new MemoryComments();
    await postComment(io, { comment: 'on-regression', githubToken: 't' }, () => comments, post);
    expect(comments.comments).toEqual([]);
    expect(io.infos).toEqual(["no regression and 'comment: on-regression': no PR comment"]);
    await postComment(io, { comment: 'on-regression', githubToken: 't' }, () => comments, { ...post, regressed: true });
    expect(comments.comments).toHaveLength(1);
  });

  it('never, and no token, post nothing; no token says so', async () => {
    const io = new FakeIO({});
    const comments = new MemoryComments();
    await postComment(io, { comment: 'never', githubToken: 't' }, () => comments, post);
    expect(io.warnings).toEqual([]);
    await postComment(io, { comment: 'always', githubToken: '' }, () => comments, post);
    expect(comments.comments).toEqual([]);
    expect(io.warnings).toEqual(["no 'github-token': the PR comment is skipped; the report is in the job summary"]);
  });

  it('an API error is a warning with the job’s own reading of a 403, and the token redacted', async () => {
    const io = new FakeIO({});
    const comments = new MemoryComments();
    comments.forbidWrites = true;
    await postComment(io, { comment: 'always', githubToken: 'secret-token' }, () => comments, post);
    expect(io.warnings).toEqual([
      'could not post the PR comment (HTTP 403: give the job `pull-requests: write`); the report is in the job summary and the gate still decides',
    ]);
    const failing = () => {
      throw new StatusError(502, 'Bad Gateway for secret-token');
    };
    await postComment(io, { comment: 'always', githubToken: 'secret-token' }, failing, post);
    expect(io.warnings[1]).toContain('could not post the PR comment (HTTP 502: Bad Gateway for ***)');
  });
});

describe('stepFailure: the gate’s decision as the step’s status', () => {
  it('fails a gate failure unless fail-on-regression is off; an accepted failure passes with a warning', () => {
    const io = new FakeIO({});
    const failed = { kind: 'gate-failed', message: 'sweepgate: val_loss regressed' } as const;
    expect(stepFailure(io, { failOnRegression: true }, failed)).toBe('sweepgate: val_loss regressed');
    expect(stepFailure(io, { failOnRegression: false }, failed)).toBeUndefined();
    expect(io.warnings).toEqual(["sweepgate: val_loss regressed ('fail-on-regression' is false, so the step passes)"]);
    expect(stepFailure(io, { failOnRegression: true }, { kind: 'accepted', message: 'accepted by label' })).toBeUndefined();
    expect(io.warnings.at(-1)).toBe('accepted by label');
    expect(stepFailure(io, { failOnRegression: true }, { kind: 'passed' })).toBeUndefined();
  });
});

describe('summary', () => {
  it('a summary that cannot be written is a warning, and not marked written', async () => {
    const io = new FakeIO({});
    io.summaryFails = true;
    const state = { summaryWritten: false };
    await summary(io, state, 'report');
    expect(state.summaryWritten).toBe(false);
    expect(io.warnings[0]).toMatch(/^could not write the job summary: /);
  });
});

import { getOctokit } from '@actions/github';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ACTIONS_BOT,
  commentMarker,
  findComment,
  headedBy,
  octokitCommentClient,
  upsertComment,
  type CommentClient,
  type IssueComment,
} from '../../src/github/comments.js';
import { ACTIONS_BOT as BOT_USER, fakeGitHub, type FakeGitHub, type FakeUser } from '../e2e/servers/github.js';

const MARK = commentMarker('demo');

/** In-memory CommentClient over fixed pages; records what it was asked. */
class FakeComments implements CommentClient {
  calls: string[] = [];
  constructor(
    public pagesData: IssueComment[][],
    private readonly login: string | undefined,
  ) {}
  async viewer(): Promise<string | undefined> {
    return this.login;
  }
  async *pages(): AsyncIterable<readonly IssueComment[]> {
    for (const [i, p] of this.pagesData.entries()) {
      this.calls.push(`page ${i + 1}`);
      yield p;
    }
  }
  async create(_issue: number, body: string): Promise<IssueComment> {
    this.calls.push('create');
    return { id: 999, body, user: { login: this.login ?? ACTIONS_BOT, type: 'Bot' } };
  }
  async update(id: number, body: string): Promise<IssueComment> {
    this.calls.push(`update ${id}`);
    return { id, body, user: null };
  }
}

const c = (id: number, login: string, type: string, body: string): IssueComment => ({ id, body, user: { login, type } });

describe('commentMarker', () => {
  it('is an HTML comment a sweep name cannot close early', () => {
    expect(commentMarker('demo')).toBe('<!-- sweepgate:demo -->');
    expect(commentMarker('a-->b')).toBe('<!-- sweepgate:a-_b -->');
    expect(commentMarker('x\n<y>')).toBe('<!-- sweepgate:x__y_ -->');
  });

  it('stays short for a huge name, and two huge names that share a beginning stay apart', () => {
    const a = commentMarker(`${'n'.repeat(40_000)}a`);
    const b = commentMarker(`${'n'.repeat(40_000)}b`);
    expect(a.length).toBeLessThan(120);
    expect(a).toMatch(/^<!-- sweepgate:n{64}…[0-9a-f]{16} -->$/);
    expect(a).not.toBe(b);
    expect(commentMarker('n'.repeat(100))).toBe(`<!-- sweepgate:${'n'.repeat(100)} -->`); // names in use keep their marker
  });
});

describe('headedBy', () => {
  it('is the marker as the whole first line, nothing else', () => {
    expect(headedBy(`${MARK}\nreport`, MARK)).toBe(true);
    expect(headedBy(`${MARK}\r\nreport`, MARK)).toBe(true);
    expect(headedBy(MARK, MARK)).toBe(true);
    expect(headedBy(`report\n${MARK}`, MARK)).toBe(false);
    expect(headedBy(` ${MARK}\nreport`, MARK)).toBe(false);
    expect(headedBy(`${MARK} and more\nreport`, MARK)).toBe(false);
    expect(headedBy(`<!-- sweepgate:demo-2 -->\n`, MARK)).toBe(false);
  });
});

describe('findComment / upsertComment (fake client)', () => {
  it('finds the marker on a later page, only among the token user’s comments', async () => {
    const client = new FakeComments(
      [
        [c(1, 'alice', 'User', `quoting ${MARK}`), c(2, 'me', 'User', 'hello')],
        [c(3, 'other[bot]', 'Bot', MARK), c(4, 'me', 'User', `${MARK}\nold report`)],
      ],
      'me',
    );
    expect((await findComment(client, 7, MARK))?.id).toBe(4);
    const r = await upsertComment(client, 7, MARK, `${MARK}\nnew`, { create: true });
    expect(r).toMatchObject({ action: 'updated', comment: { id: 4 } });
    expect(client.calls.filter((x) => !x.startsWith('page'))).toEqual(['update 4']);
  });

  it('another sweep’s marker is not ours', async () => {
    const client = new FakeComments([[c(1, 'me', 'User', commentMarker('demo2'))]], 'me');
    expect(await findComment(client, 7, MARK)).toBeUndefined();
  });

  it('our own comment that shows the marker further down (another sweep whose report quotes it) is not taken over', async () => {
    const other = `${commentMarker('other')}\n### sweepgate: other\n\nparameter ${MARK}`;
    const client = new FakeComments([[c(1, 'me', 'User', other), c(2, 'me', 'User', `${MARK}\nmine`)]], 'me');
    expect((await findComment(client, 7, MARK))?.id).toBe(2);
    expect(await findComment(new FakeComments([[c(1, 'me', 'User', other)]], 'me'), 7, MARK)).toBeUndefined();
  });

  it('creates when none is found, and only when allowed', async () => {
    const client = new FakeComments([[c(1, 'alice', 'User', MARK)]], 'me');
    expect(await upsertComment(client, 7, MARK, 'b', { create: false })).toEqual({ action: 'skipped' });
    expect(await upsertComment(client, 7, MARK, 'b', { create: true })).toMatchObject({ action: 'created' });
    expect(client.calls.filter((x) => !x.startsWith('page'))).toEqual(['create']);
  });

  it('without a known login takes github-actions[bot]’s comment, else another bot’s, never a human’s', async () => {
    const withActions = new FakeComments(
      [[c(1, 'alice', 'User', MARK), c(2, 'my-app[bot]', 'Bot', MARK)], [c(3, ACTIONS_BOT, 'Bot', MARK)]],
      undefined,
    );
    expect((await findComment(withActions, 1, MARK))?.id).toBe(3);
    const otherBot = new FakeComments([[c(1, 'alice', 'User', MARK), c(2, 'my-app[bot]', 'Bot', MARK)]], undefined);
    expect((await findComment(otherBot, 1, MARK))?.id).toBe(2);
    const humanOnly = new FakeComments([[c(1, 'alice', 'User', MARK)]], undefined);
    expect(await findComment(humanOnly, 1, MARK)).toBeUndefined();
  });

  it('stops paging once its own comment is found', async () => {
    const client = new FakeComments([[c(1, 'me', 'User', MARK)], [c(2, 'me', 'User', 'x')]], 'me');
    await findComment(client, 1, MARK);
    expect(client.calls).toEqual(['page 1']);
  });
});

describe('octokitCommentClient against the loopback REST server', () => {
  let gh: FakeGitHub | undefined;
  const ME: FakeUser = { login: 'sweep-bot-user', id: 7, type: 'User' };
  const ALICE: FakeUser = { login: 'alice', id: 8, type: 'User' };
  afterEach(async () => {
    await gh?.close();
    gh = undefined;
  });

  function client(token: string): CommentClient {
    return octokitCommentClient(getOctokit(token, { baseUrl: gh!.url }), { owner: 'o', repo: 'r' });
  }

  it('follows Link pagination across pages and updates its own comment in place (PAT: GET /user works)', async () => {
    gh = await fakeGitHub({ tokens: { pat: { user: ME } }, maxPerPage: 3 });
    for (let i = 0; i < 7; i++) gh.addComment('o', 'r', 5, ALICE, `chatter ${i} ${i === 2 ? MARK : ''}`);
    gh.addComment('o', 'r', 5, ME, `${MARK}\nfirst report`);
    gh.addComment('o', 'r', 5, ALICE, 'more chatter');
    const mine = gh.comments('o', 'r', 5).find((x) => x.user.login === ME.login)!;

    const r = await upsertComment(client('pat'), 5, MARK, `${MARK}\nsecond report`, { create: true });
    expect(r).toMatchObject({ action: 'updated', comment: { id: mine.id } });
    expect(gh.comments('o', 'r', 5)).toHaveLength(9);
    expect(mine.body).toBe(`${MARK}\nsecond report`);
    // Pages 1..3 were read through the Link header (3 per page, the 8th comment is on page 3).
    const listed = gh.seen
      .filter((s) => s.method === 'GET' && s.path.includes('/comments'))
      .map((s) => new URL(s.path, gh!.url).searchParams.get('page') ?? '1');
    expect(listed).toEqual(['1', '2', '3']);
    expect(gh.seen.some((s) => s.method === 'GET' && s.path === '/user')).toBe(true);
  });

  it('installation token: GET /user is 403, so the github-actions[bot] comment is found and updated', async () => {
    gh = await fakeGitHub({ tokens: { ghs: { user: BOT_USER, installation: true } }, maxPerPage: 2 });
    gh.addComment('o', 'r', 5, ALICE, MARK);
    gh.addComment('o', 'r', 5, ALICE, 'x');
    gh.addComment('o', 'r', 5, BOT_USER, `${MARK}\nv1`);
    const first = await upsertComment(client('ghs'), 5, MARK, `${MARK}\nv2`, { create: true });
    expect(first.action).toBe('updated');
    expect(gh.comments('o', 'r', 5).map((x) => x.body)).toEqual([MARK, 'x', `${MARK}\nv2`]);
  });

  it('creates once, then updates: never a duplicate', async () => {
    gh = await fakeGitHub({ tokens: { ghs: { user: BOT_USER, installation: true } } });
    expect((await upsertComment(client('ghs'), 9, MARK, `${MARK}\na`, { create: true })).action).toBe('created');
    expect((await upsertComment(client('ghs'), 9, MARK, `${MARK}\nb`, { create: true })).action).toBe('updated');
    expect(gh.comments('o', 'r', 9).map((x) => x.body)).toEqual([`${MARK}\nb`]);
  });

  it('a 403 on writing surfaces with its status', async () => {
    gh = await fakeGitHub({ tokens: { ghs: { user: BOT_USER, installation: true } } });
    gh.forbidWrites = true;
    await expect(upsertComment(client('ghs'), 9, MARK, 'a', { create: true })).rejects.toMatchObject({ status: 403 });
  });
});

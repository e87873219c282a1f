import { describe, expect, it } from 'vitest';
import { findAcceptance, readAcceptance, type IssueEvent, type LabelClient } from '../../src/github/labels.js';

const LABEL = 'sweepgate: accept regression';

function client(labels: string[][], events: IssueEvent[][], fail?: Error): LabelClient {
  return {
    async *labels() {
      if (fail) throw fail;
      for (const page of labels) yield page;
    },
    async *events() {
      for (const page of events) yield page;
    },
  };
}

describe('the accept-label override', () => {
  it('finds the label on any page, and who added it last', async () => {
    const c = client(
      [['bug'], ['ml', LABEL]],
      [
        [
          { event: 'labeled', label: LABEL, actor: 'mallory' },
          { event: 'unlabeled', label: LABEL, actor: 'alice' },
        ],
        [
          { event: 'labeled', label: 'ml', actor: 'bob' },
          { event: 'labeled', label: LABEL, actor: 'alice' },
        ],
      ],
    );
    expect(await findAcceptance(c, 2, LABEL)).toEqual({ by: 'alice' });
  });

  it('is absent without the label, and says so', async () => {
    const info: string[] = [];
    const r = await readAcceptance({
      label: LABEL,
      token: 't',
      issue: 2,
      client: () => client([['bug']], []),
      info: (m) => info.push(m),
      warn: () => {},
    });
    expect(r).toBeUndefined();
    expect(info).toEqual([`the PR does not carry the '${LABEL}' label ('accept-label'), so the failed gate stands`]);
  });

  it('accepts without a login when the events do not name one', async () => {
    const r = await readAcceptance({
      label: LABEL,
      token: 't',
      issue: 2,
      client: () => client([[LABEL]], []),
      info: () => {},
      warn: () => {},
    });
    expect(r).toEqual({ label: LABEL });
  });

  it('API trouble is a warning, the token never in it, and the gate stays failed', async () => {
    const warn: string[] = [];
    const err = Object.assign(new Error('Bad gateway for ghs_secret'), { status: 502 });
    const r = await readAcceptance({
      label: LABEL,
      token: 'ghs_secret',
      issue: 2,
      client: () => client([], [], err),
      info: () => {},
      warn: (m) => warn.push(m),
    });
    expect(r).toBeUndefined();
    expect(warn).toHaveLength(1);
    expect(warn[0]).toMatch(
      /^could not read the PR's labels to look for 'sweepgate: accept regression' \(HTTP 502: .*\); the gate stays failed$/,
    );
    expect(warn[0]).not.toContain('ghs_secret');
  });

  it('an empty label disables it; no token warns', async () => {
    const never = (): LabelClient => {
      throw new Error('not called');
    };
    expect(await readAcceptance({ label: '', token: 't', issue: 2, client: never, info: () => {}, warn: () => {} })).toBeUndefined();
    const warn: string[] = [];
    expect(
      await readAcceptance({ label: LABEL, token: '', issue: 2, client: never, info: () => {}, warn: (m) => warn.push(m) }),
    ).toBeUndefined();
    expect(warn[0]).toContain("no 'github-token'");
  });
});

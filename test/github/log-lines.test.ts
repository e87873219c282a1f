import { describe, expect, test } from 'vitest';
import { inertLines } from '../../src/github/log-lines.js';

describe('info lines in the step log', () => {
  test('a line the runner would read as a workflow command is broken; other text is left alone', () => {
    const forged = 'wandb stand-in (offline): ignored x\n::set-output name=regressed::false\n  ::add-mask::y\nok :: fine';
    const out = inertLines(forged);
    expect(out.split('\n').filter((l) => l.trimStart().startsWith('::'))).toEqual([]);
    expect(out).toBe('wandb stand-in (offline): ignored x\n:\u200b:set-output name=regressed::false\n  :\u200b:add-mask::y\nok :: fine');
    expect(inertLines('sweep e2e: 6 trials')).toBe('sweep e2e: 6 trials');
  });
});

import { describe, expect, it } from 'vitest';
import { MERMAID_VERSIONS, mermaidBlocks, mermaidErrors } from './mermaid.js';

const fence = (text: string): string => '```mermaid\n' + text + '```\n';

const valid = [
  'xychart-beta',
  '  title "Best val_loss so far (minimize)"',
  '  x-axis "trial" [1, 2, 3]',
  '  y-axis "val_loss" 0 --> 0.6',
  '  bar [0.52, 0.41, 0.33]',
  '  line [0.52, 0.41, 0.33]',
  '',
].join('\n');

// What the report wrote for a regression sweep with large losses (issue 12): mermaid reads no e-notation.
const eNotation = 'xychart-beta\n  x-axis "trial" [1, 2]\n  y-axis "val_loss" -1.048e+7 --> 2.646e+8\n  bar [1, 2]\n';

describe('mermaidErrors', () => {
  it('finds no error in a valid xychart-beta block, under every installed mermaid version', async () => {
    expect(MERMAID_VERSIONS).toEqual(['10', '11', '12']);
    expect(await mermaidErrors(`# Report\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n${fence(valid)}`)).toEqual([]);
  });

  it('reports the parse error of an axis written in e-notation, once per version, naming version and line', async () => {
    const errors = await mermaidErrors(`# Report\n\n${fence(eNotation)}`);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/^mermaid 10\.9\.\d+, block at line 3: Parse error on line 3:/);
    expect(errors[1]).toMatch(/^mermaid 11\.\d+\.\d+, block at line 3: Parse error/);
    expect(errors[2]).toMatch(/^mermaid 12\.\d+\.\d+, block at line 3: Parse error/);
    for (const error of errors) expect(error).toContain("Expecting 'ARROW_DELIMITER', got 'ALPHA'");
  });

  it('reports a bad keyword, and only for the block that has it', async () => {
    const bad = 'xychart-beta\n  x-axis "trial" [1, 2]\n  bars [1, 2]\n';
    const errors = await mermaidErrors(fence(valid) + '\ntext\n\n' + fence(bad), ['11']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^mermaid 11\.\d+\.\d+, block at line 12: Parse error on line 3:/);
  });

  it('reads only mermaid fences, ``` or ~~~, and rejects a version it does not have', async () => {
    const md = '```js\nnot mermaid\n```\n\n~~~~mermaid\n' + valid + '~~~~\n';
    expect(mermaidBlocks(md)).toEqual([{ text: valid, line: 5 }]);
    await expect(mermaidErrors(fence(valid), ['9'])).rejects.toThrow("mermaid version must be one of 10, 11, 12, got '9'");
  });
});

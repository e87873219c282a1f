import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BACKEND_CHOICES } from '../../src/core/backends.js';
import { parseInputs } from '../../src/github/inputs.js';
import { run } from '../../src/github/main.js';
import { FakeIO, MemoryCache, MemoryComments, fakeEngine } from './fakes.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
interface ActionYml {
  runs: { using: string; main: string };
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
  branding?: { icon: string; color: string };
}
const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as ActionYml;

describe('action.yml', () => {
  it('runs dist/index.js on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(action.branding).toBeDefined();
  });

  it('declares exactly the inputs the action reads, each described', () => {
    const read: string[] = [];
    parseInputs((name) => {
      read.push(name);
      return name === 'config' ? 'sweep.yml' : '';
    });
    expect(Object.keys(action.inputs).sort()).toEqual([...read].sort());
    for (const [name, spec] of Object.entries(action.inputs)) expect(spec.description.length, name).toBeGreaterThan(20);
    expect(action.inputs['github-token']!.default).toBe('${{ github.token }}');
    expect(action.inputs.config!.required).toBe(true);
  });

  it('its defaults are valid inputs', () => {
    const defaults = (name: string): string => (name === 'config' ? 'sweep.yml' : (action.inputs[name]?.default ?? ''));
    expect(parseInputs(defaults)).toMatchObject({
      comment: 'always',
      backend: 'auto',
      cache: true,
      failOnRegression: true,
      acceptLabel: 'sweepgate: accept regression',
    });
  });

  it('the backend input names every backend choice the Action and the CLI accept, and no other', () => {
    const named = new Set([...action.inputs.backend!.description.matchAll(/`(\w+)`/g)].map((m) => m[1]));
    expect([...named].sort()).toEqual([...BACKEND_CHOICES].sort());
    for (const choice of BACKEND_CHOICES)
      expect(parseInputs((name) => (name === 'config' ? 'sweep.yml' : name === 'backend' ? choice : '')).backend).toBe(choice);
  });

  it('declares exactly the outputs run() sets', async () => {
    const io = new FakeIO({ config: 'missing.yml' });
    await run({
      io,
      env: { GITHUB_REPOSITORY: 'o/r', GITHUB_EVENT_NAME: 'workflow_dispatch' },
      cache: new MemoryCache(),
      comments: () => new MemoryComments(),
      engine: fakeEngine(),
    });
    expect(Object.keys(io.outputs).sort()).toEqual(Object.keys(action.outputs).sort());
  });
});

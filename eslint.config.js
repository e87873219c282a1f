import tseslint from 'typescript-eslint';

/** Import patterns that reach into a layer of src/ at any depth (DESIGN.md §2). */
const layer = (name) => [`**/${name}`, `**/${name}/**`];
/** A folder reached other than through its index.ts. */
const pastIndex = (name) => [`**/${name}/**`, `!**/${name}/index.js`];
const layerRule = (message, ...names) => ({ group: names.flatMap(layer), message });

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'node_modules/**', 'coverage/**', 'fixtures/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "TSAsExpression > TSTypeReference[typeName.name='Error']",
          message: 'Use a named error class or instanceof, never `as Error`.',
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layerRule(
              'core imports nothing else of the project (DESIGN.md §2).',
              'trainer',
              'storage',
              'report',
              'engine',
              'github',
              'cli',
            ),
            {
              group: [
                '@actions/*',
                '@tensorflow/*',
                'node:fs',
                'node:fs/*',
                'fs',
                'node:child_process',
                'node:http',
                'node:https',
                'node:net',
              ],
              message: 'core is pure: no fs, network, tfjs or @actions/*.',
            },
          ],
        },
      ],
    },
  },
  ...[
    ['trainer', ['storage', 'report']],
    ['storage', ['trainer', 'report']],
    ['report', ['trainer', 'storage']],
  ].map(([self, siblings]) => ({
    files: [`src/${self}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layerRule('trainer, storage and report import only core (DESIGN.md §2).', ...siblings, 'engine', 'github', 'cli'),
            { group: ['@actions/core', '@actions/github'], message: 'only src/github imports @actions/core and @actions/github.' },
          ],
        },
      ],
    },
  })),
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layerRule('engine is wired by the entries, never the other way (DESIGN.md §2).', 'github', 'cli'),
            { group: pastIndex('trainer'), message: 'the trainer is entered through src/trainer/index.ts.' },
            { group: ['@actions/core', '@actions/github'], message: 'only src/github imports @actions/core and @actions/github.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts', 'src/github/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: pastIndex('trainer'), message: 'the trainer is entered through src/trainer/index.ts.' },
            { group: pastIndex('engine'), message: 'the engine is entered through src/engine/index.ts.' },
          ],
        },
      ],
    },
  },
);

import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'node_modules/**', 'coverage/**', 'fixtures/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "TSAsExpression > TSTypeReference[typeName.name='Error']", message: 'Use a named error class or instanceof, never `as Error`.' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['../trainer/*', '../storage/*', '../report/*', '../github/*', '../cli/*', '../engine/*', '../../trainer/*', '../../storage/*', '../../report/*', '../../github/*', '../../cli/*', '../../engine/*'], message: 'core imports nothing else of the project (DESIGN.md §2).' },
        { group: ['@actions/*', '@tensorflow/*', 'node:fs', 'node:fs/*', 'fs', 'node:child_process', 'node:http', 'node:https', 'node:net'], message: 'core is pure: no fs, network, tfjs or @actions/*.' },
      ] }],
    },
  },
  {
    files: ['src/trainer/**/*.ts', 'src/storage/**/*.ts', 'src/report/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['../trainer/*', '../storage/*', '../report/*', '../github/*', '../cli/*', '../engine/*'], message: 'trainer, storage and report import only core (DESIGN.md §2).' },
        { group: ['@actions/core', '@actions/github'], message: 'only src/github imports @actions/core and @actions/github.' },
      ] }],
    },
  },
);

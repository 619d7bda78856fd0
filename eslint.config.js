// ESLint flat config: typescript-eslint's recommended rules over every TypeScript source,
// plus the few house rules a reviewer would otherwise repeat. `npm test` runs it.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import house from './scripts/eslint-layers.mjs';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'data/', 'docs/', '**/*.min.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Only src/service/config/config.ts reads process.env (house style 5).',
        },
      ],
      eqeqeq: ['error', 'always'],
      // Sanitizing user text is exactly about control characters.
      'no-control-regex': 'off',
      'no-console': 'error',
    },
  },
  {
    files: ['src/service/config/config.ts', 'cli/io.ts', 'test/**/*.ts', 'bench/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['telegraf', 'telegraf/*', 'wechaty', 'wechaty-*', 'fastify', '@fastify/*'], message: 'src/ is platform-free: platform libraries live in adapters/.' }] },
      ],
    },
  },
  {
    // Imports run down the floors of the house, never back up (docs/architecture.md).
    files: ['src/**/*.ts', 'adapters/**/*.ts', 'staff-console/**/*.ts'],
    plugins: { house },
    rules: { 'house/layers': 'error' },
  },
  { files: ['**/*.mjs', '**/*.js', 'bin/*'], languageOptions: { globals: globals.node } },
  {
    // The resident page's scripts run as classic ES2017 scripts in old WebViews (WeChat).
    files: ['adapters/web/public/*.js'],
    languageOptions: { ecmaVersion: 2017, sourceType: 'script', globals: globals.browser },
    // ES2017 has no `catch {}` without a binding.
    rules: { '@typescript-eslint/no-unused-vars': ['error', { caughtErrors: 'none' }] },
  },
  { files: ['bench/**', 'bin/*'], rules: { 'no-console': 'off' } },
);

// ESLint flat config: typescript-eslint's recommended rules on everything we write, plus the
// house rules: no console in src/, a reason on every escape hatch.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'build/',
      '.strapi/',
      '.cache/',
      '.tmp/',
      'coverage/',
      'public/',
      'types/generated/',
      'test-artifacts/',
      'bench/results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // An escape hatch says why on the same line.
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-expect-error': 'allow-with-description', 'ts-ignore': 'allow-with-description', minimumDescriptionLength: 10 },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // require() is how tests reach the compiled app instance (dist/) and the CommonJS test helpers.
      '@typescript-eslint/no-require-imports': [
        'error',
        { allow: ['/dist/', 'test-database', '^better-sqlite3$', '^pg$', '^@strapi/strapi$', '/package\\.json$', '^\\.\\./\\.\\./database/migrations/'] },
      ],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx', 'config/**/*.ts'],
    // Code in src/ logs through strapi.log, never the console.
    rules: { 'no-console': 'error' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/admin/**/*.tsx', 'src/admin/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['tests/e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
);

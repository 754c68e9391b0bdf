// ESLint: typescript-eslint's recommended type-checked rules over src and test; formatting is Prettier's job.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '**/*.js', '**/*.mjs', 'scripts/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  prettier,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Unused arguments named _x are deliberate (Express error handlers need all four).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Repository and store methods are async by the Store contract even where SQLite answers at once; an
      // async function also turns a thrown error into a rejection, which is what every caller handles.
      '@typescript-eslint/require-await': 'off',
      // Lines at most 140 characters (Prettier's printWidth breaks the code; this catches comments). A message in a
      // string or template stays whole, so that what a user or a log shows can be found in the code by searching.
      'max-len': ['error', { code: 140, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // supertest's response bodies and JSON.parse results are `any` by design: tests read them and assert on them.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);

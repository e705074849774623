// Flat config: typescript-eslint's recommended rules on src/ and test/, nothing on build output, and the layers
// (docs/ARCHITECTURE.md): the domain (src/sessions) and the sandbox (src/sandbox) never reach into the shell.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * What src/sessions and src/sandbox may not import: VS Code, the extension's shell, the CLI, and the bundle entries.
 * `\x2F` is a slash: the same text is a regex literal in the selectors below, where a bare slash would end it.
 */
const SHELL_IMPORT = String.raw`^(vscode|(\.\.?\x2F)+(vscode|cli)(\x2F.*)?|(\.\.\x2F)+(extension|modelBundle|clientBundle))$`;
const LAYER_MESSAGE = 'src/sessions and src/sandbox stay free of VS Code and the CLI (see docs/ARCHITECTURE.md): pass what they need in as a parameter, or move the code to src/vscode or src/cli.';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'dist-vsix/**', 'node_modules/**', '.vscode-test/**', 'schemas/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', 'media/**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['test/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.mocha } },
  },
  {
    files: ['media/**/*.js'],
    languageOptions: { globals: { ...globals.browser, acquireVsCodeApi: 'readonly' } },
  },
  {
    files: ['src/sessions/**', 'src/sandbox/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: SHELL_IMPORT, message: LAYER_MESSAGE }] }],
      // require() and import() of the same, which no-restricted-imports does not see.
      'no-restricted-syntax': [
        'error',
        { selector: `CallExpression[callee.name='require'] > Literal[value=/${SHELL_IMPORT}/]`, message: LAYER_MESSAGE },
        { selector: `ImportExpression > Literal[value=/${SHELL_IMPORT}/]`, message: LAYER_MESSAGE },
      ],
    },
  },
);

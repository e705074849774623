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
/** What src/webview may import: its own modules, and types only from the view and message types it is checked against. */
const WEBVIEW_TYPES = String.raw`^\.\.\x2Fvscode\x2F(resultView|webviewMessageSchema|panelStringKeys)$`;
const WEBVIEW_OTHER = String.raw`^(?!\.\x2F)(?!\.\.\x2Fvscode\x2F(resultView|webviewMessageSchema|panelStringKeys)$)`;
const WEBVIEW_MESSAGE = 'src/webview runs in the webview page: it imports its own modules, and only types from src/vscode/resultView, src/vscode/webviewMessageSchema and src/vscode/panelStringKeys (see docs/ARCHITECTURE.md).';
const LAYER_MESSAGE = 'src/sessions and src/sandbox stay free of VS Code and the CLI (see docs/ARCHITECTURE.md): pass what they need in as a parameter, or move the code to src/vscode or src/cli.';

export default tseslint.config(
  // media/panel.js is built from src/webview/ (scripts/build.mjs).
  { ignores: ['dist/**', 'out/**', 'dist-vsix/**', 'node_modules/**', '.vscode-test/**', 'schemas/**', 'media/panel.js'] },
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
    // The UI bench's reference extension is a plain CommonJS extension, loaded by VS Code as such.
    files: ['bench/fixtures/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
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
    files: ['src/webview/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: WEBVIEW_OTHER, message: WEBVIEW_MESSAGE },
            { regex: WEBVIEW_TYPES, allowTypeImports: true, message: WEBVIEW_MESSAGE },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='require']", message: WEBVIEW_MESSAGE },
        { selector: 'ImportExpression', message: WEBVIEW_MESSAGE },
      ],
    },
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

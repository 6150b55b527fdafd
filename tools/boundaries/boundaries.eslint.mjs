// Only the module-boundary rule, no type information: lets a test lint an import that exists
// nowhere on disk and see whether the workspace's real constraints reject it.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import { boundariesRule } from '../eslint/dep-constraints.mjs';

export default [
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, plugins: { '@nx': nx } },
  { files: ['**/*.ts'], rules: { '@nx/enforce-module-boundaries': boundariesRule } },
];

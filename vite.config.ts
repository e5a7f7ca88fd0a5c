import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/cli/**/*.test.ts'],
    environment: 'node',
    // Builds dist/cli/stackdraw.js once, so the CLI tests run the current code.
    globalSetup: ['tests/setup/build-cli.ts']
  }
});

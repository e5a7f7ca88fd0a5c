import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  // Pre-bundled up front: found only on the first layout, they would make `vite dev` reload.
  optimizeDeps: { include: ['elkjs/lib/elk-api.js', 'elkjs/lib/elk.bundled.js'] },
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/cli/**/*.test.ts'],
    environment: 'node',
    // Shared, noisy machines: property tests and spawned CLIs get room (no speed is asserted).
    testTimeout: 30_000,
    // Builds dist/cli/stackdraw.js once, so the CLI tests run the current code.
    globalSetup: ['tests/setup/build-cli.ts'],
    // One fixed seed for property tests (FC_SEED=random or a number to change it).
    setupFiles: ['tests/setup/fast-check-seed.ts']
  }
});

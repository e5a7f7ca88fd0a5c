import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The bench's "bare Svelte Flow page": Svelte Flow with N default nodes and nothing else,
 * next to which the editor's drag frame times are compared. Built into bench/tmp/bare by
 * the bench (`vite build --config bench/bare/vite.config.ts`).
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  // The app's svelte.config.js (SvelteKit's) is not this page's.
  plugins: [svelte({ configFile: false })],
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../tmp/bare', import.meta.url)),
    emptyOutDir: true
  }
});

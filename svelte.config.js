import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * Where the app is served. `BASE_PATH=/stackdraw npm run build` builds it for a sub-path
 * (GitHub Pages, a course site); asset paths are relative, so the examples, fonts, the ELK
 * worker and the wasm are found under it. `BUILD_DIR` and `SVELTEKIT_OUT` move the output
 * (the browser tests build a second copy for a sub-path beside the first).
 */
const base = process.env.BASE_PATH ?? '';
if (base !== '' && !/^\/[^/].*[^/]$|^\/[^/]$/.test(base)) {
  throw new Error(
    `BASE_PATH must start with a slash and not end with one, like /stackdraw (got ${base})`
  );
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // A single-page app: every route falls back to index.html, so any static host can serve it.
    adapter: adapter({ fallback: 'index.html', pages: process.env.BUILD_DIR ?? 'build' }),
    outDir: process.env.SVELTEKIT_OUT ?? '.svelte-kit',
    paths: { base, relative: true },
    // A tight policy: no inline scripts or handlers (SvelteKit's own bootstrap is hashed),
    // nothing from another origin. WebAssembly (the export's font subsetter) and the ELK
    // worker are the only allowances.
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self', 'wasm-unsafe-eval'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:', 'blob:'],
        'font-src': ['self', 'data:'],
        'connect-src': ['self'],
        'worker-src': ['self', 'blob:'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self']
      }
    }
  }
};

export default config;

// Where the shipped font lives (the pretendard npm package, self-hosted: no network).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = dirname(require.resolve('pretendard/package.json'));

/** The OpenType file of the weight stackdraw uses: 400 for captions, 600 for labels. */
export function fontFile(weight) {
  return join(
    root,
    'dist/public/static',
    weight === 600 ? 'Pretendard-SemiBold.otf' : 'Pretendard-Regular.otf'
  );
}

import regular from 'pretendard/dist/web/static/woff2/Pretendard-Regular.woff2?url';
import semibold from 'pretendard/dist/web/static/woff2/Pretendard-SemiBold.woff2?url';

/**
 * The interface font (Pretendard, self-hosted): the same face the layout measures and the
 * export embeds. Loaded through the FontFace API, so no CSS points at a remote origin.
 */
export async function loadUiFont(): Promise<void> {
  const faces = [
    new FontFace('Pretendard', `url(${regular}) format('woff2')`, {
      weight: '400',
      display: 'swap'
    }),
    new FontFace('Pretendard', `url(${semibold}) format('woff2')`, {
      weight: '600',
      display: 'swap'
    })
  ];
  for (const f of faces) document.fonts.add(f);
  await Promise.all(faces.map((f) => f.load().catch(() => undefined)));
}

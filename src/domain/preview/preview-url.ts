/**
 * The front-end URL the admin panel's preview opens for a draft or published article:
 * `<PREVIEW_URL>/api/preview?url=<article path>&secret=<PREVIEW_SECRET>&status=<draft|published>`
 * (the shape of Strapi's preview docs and the Next.js/Nuxt starters). The front end checks the
 * secret, then fetches the document with its API token and `status`.
 */
export function previewUrl(base: string, secret: string, path: string, status: string): string | null {
  if (!base || !path) return null;
  const url = new URL('/api/preview', base);
  url.search = new URLSearchParams({ url: path, secret, status: status === 'published' ? 'published' : 'draft' }).toString();
  return url.toString();
}

/** What a public author answer carries besides its own fields (REST by-slug and the SEO bylines). */
export const AUTHOR_PUBLIC_POPULATE = {
  photo: { fields: ['url', 'alternativeText', 'width', 'height', 'formats', 'mime'] },
  links: true,
} as const;

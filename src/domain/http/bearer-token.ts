/**
 * The token of an `Authorization: Bearer <token>` header, or null for any other header. Split
 * exactly as Strapi's content-API token strategy and users-permissions' JWT service split it
 * (whitespace, scheme case-insensitive, exactly two parts), so that the token checked here is the
 * token Strapi would check. A null answer means the header can authenticate nobody on the
 * content API: Strapi knows no other scheme there.
 */
export function bearerToken(header: string): string | null {
  const parts = header.split(/\s+/);
  if (parts.length !== 2 || parts[0]?.toLowerCase() !== 'bearer' || !parts[1]) return null;
  return parts[1];
}

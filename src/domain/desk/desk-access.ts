import { ARTICLE, COMMENT } from '../../uids';

/** One granted admin permission, as Strapi's permission service returns it. */
export interface GrantedPermission {
  action: string;
  subject?: string | null;
  properties?: { locales?: readonly string[] | null } | null;
}

export interface DeskSiteLocales {
  /** Every locale of the site, the default first. */
  all: readonly string[];
  /** The language originals are written in (`bg`). */
  defaultLocale: string;
}

/**
 * What the desk (the admin home) shows one user, each widget with the locales it covers; an
 * empty list means the widget is not theirs. Decided from the user's own admin permissions,
 * so a site administrator's change to a role changes the desk too.
 */
export interface DeskAccess {
  /** Published stories waiting for their go-live (embargo queue): whoever reads articles. */
  scheduled: string[];
  /** Latest released stories with their comment counts: whoever reads articles. */
  published: string[];
  /** The user's own drafts: the locales they may edit articles in (a moderator has none). */
  drafts: string[];
  /** Translations missing or outdated: the non-default locales the user may edit articles in. */
  translations: string[];
  /** Pending comments and the way to moderation: whoever may change a comment's status. */
  comments: boolean;
}

const CM = 'plugin::content-manager.explorer';

/**
 * The locales a user holds `action` on `uid` for: the union over their permissions. A matching
 * permission without a `locales` property is not limited by locale (Strapi's i18n adds the
 * property only to restrict), so it grants them all.
 */
export function permittedLocales(permissions: readonly GrantedPermission[], action: string, uid: string, site: DeskSiteLocales): string[] {
  const granted = new Set<string>();
  for (const permission of permissions) {
    if (permission.action !== action || permission.subject !== uid) continue;
    const locales = permission.properties?.locales;
    if (!Array.isArray(locales)) return [...site.all];
    for (const code of locales) granted.add(code);
  }
  // In the site's order; codes of locales since deleted are dropped.
  return site.all.filter((code) => granted.has(code));
}

const union = (a: readonly string[], b: readonly string[], site: DeskSiteLocales): string[] => site.all.filter((code) => a.includes(code) || b.includes(code));

/** The desk of a user holding `permissions` (a super admin holds everything). */
export function deskAccess(permissions: readonly GrantedPermission[], site: DeskSiteLocales, isSuperAdmin = false): DeskAccess {
  if (isSuperAdmin) {
    return {
      scheduled: [...site.all],
      published: [...site.all],
      drafts: [...site.all],
      translations: site.all.filter((code) => code !== site.defaultLocale),
      comments: true,
    };
  }
  const readable = permittedLocales(permissions, `${CM}.read`, ARTICLE, site);
  const editable = union(permittedLocales(permissions, `${CM}.update`, ARTICLE, site), permittedLocales(permissions, `${CM}.create`, ARTICLE, site), site);
  return {
    scheduled: readable,
    published: readable,
    drafts: editable.filter((code) => readable.includes(code)),
    translations: editable.filter((code) => code !== site.defaultLocale && readable.includes(code)),
    comments: permittedLocales(permissions, `${CM}.update`, COMMENT, site).length > 0,
  };
}

/** The desk's widgets by name (the admin endpoints' last path segment). */
export type DeskWidget = 'scheduled' | 'published' | 'drafts' | 'translations' | 'comments';

export const DESK_WIDGETS: readonly DeskWidget[] = ['scheduled', 'drafts', 'translations', 'comments', 'published'];

export function deskAllows(access: DeskAccess, widget: DeskWidget): boolean {
  return widget === 'comments' ? access.comments : access[widget].length > 0;
}

import { planGoLive } from '../golive/plan-go-live';

export interface GoLiveMoment {
  id: number;
  documentId: string;
  locale: string;
  goLiveAt: Date;
  fired: boolean;
}
export interface PublishedArticleVariant {
  documentId: string;
  locale: string;
  publicationDate: Date | null;
}

export interface GoLiveDisagreements {
  /** Pending moments of variants that are not published, or whose embargo moved (the worker would drop them unfired). */
  orphans: GoLiveMoment[];
  /** Embargoed published variants without a moment at their publication date: their `entry.golive` would never fire. */
  missing: Array<{ documentId: string; locale: string; goLiveAt: Date }>;
}

const key = (documentId: string, locale: string) => `${documentId}\t${locale}`;

/**
 * Compares go-live moments with the published variants. A pending moment is right when its
 * variant is published with exactly that publication date, also when the date has passed
 * (a moment that came due while no instance ran fires at the next start); fired moments are
 * history and never orphans. A variant embargoed until later needs a moment at that date.
 */
export function goLiveDisagreements(moments: readonly GoLiveMoment[], published: readonly PublishedArticleVariant[], now: Date): GoLiveDisagreements {
  const dates = new Map(published.map((variant) => [key(variant.documentId, variant.locale), variant.publicationDate?.getTime() ?? null]));
  const orphans = moments.filter((moment) => !moment.fired && dates.get(key(moment.documentId, moment.locale)) !== moment.goLiveAt.getTime());
  const scheduled = new Set(moments.map((moment) => `${key(moment.documentId, moment.locale)}\t${moment.goLiveAt.getTime()}`));
  const missing: GoLiveDisagreements['missing'] = [];
  for (const variant of published) {
    const [plan] = planGoLive([variant], now);
    if (plan.goLiveAt && !scheduled.has(`${key(variant.documentId, variant.locale)}\t${plan.goLiveAt.getTime()}`)) {
      missing.push({ documentId: variant.documentId, locale: variant.locale, goLiveAt: plan.goLiveAt });
    }
  }
  const order = (a: { documentId: string; locale: string }, b: { documentId: string; locale: string }) =>
    key(a.documentId, a.locale) < key(b.documentId, b.locale) ? -1 : 1;
  return { orphans: [...orphans].sort(order), missing: missing.sort(order) };
}

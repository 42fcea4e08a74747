/**
 * Which go-live moments a published article variant needs. An article published with a future
 * publicationDate (an embargo) goes live later, when no one is publishing: that moment gets an
 * event of its own (`entry.golive`), because `entry.publish` fired when the editor published,
 * too early for a front end to revalidate. A variant published with a past or empty date went
 * live at publication and needs none.
 */
export interface PublishedVariant {
  locale: string;
  publicationDate: string | Date | null;
}

export type GoLivePlan = { locale: string; goLiveAt: Date } | { locale: string; goLiveAt: null };

export function planGoLive(variants: readonly PublishedVariant[], now: Date): GoLivePlan[] {
  return variants.map((variant) => {
    const at = variant.publicationDate ? new Date(variant.publicationDate) : null;
    return { locale: variant.locale, goLiveAt: at && at.getTime() > now.getTime() ? at : null };
  });
}

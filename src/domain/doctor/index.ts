export { compareKeys, type KeyComparison } from './compare-keys';
export { countDf, dfDisagreements, type DfDisagreement } from './df-disagreements';
export { goLiveDisagreements, type GoLiveDisagreements, type GoLiveMoment, type PublishedArticleVariant } from './golive-disagreements';
export { relatedDocDisagreements, rowOwnerDisagreements, type RelatedDocDisagreements, type RowOwnerDisagreements } from './related-index-disagreements';
export {
  slugRegistryDisagreements,
  type ContentSlug,
  type MissingSlug,
  type RegistryEntry,
  type SlugRegistryDisagreements,
} from './slug-registry-disagreements';
export { teaserOrphans, type PublishedTeaser } from './teaser-orphans';
export { parseVariantKey, variantKey } from './variant-key';

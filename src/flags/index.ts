/**
 * Breaking and featured stories (rule: src/domain/flags): the Document Service filter of the
 * flagged feeds, the cache's clock of flag ends, and the `flag=` parameter.
 */
export { activeFlagFilter, whereFlagActive } from './flag-filter';
export { nextFlagEnd } from './flag-clock';
export { optionalFlagParam } from './flag-param';

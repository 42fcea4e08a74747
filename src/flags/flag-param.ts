import { errors } from '@strapi/utils';
import { parseStoryFlag, STORY_FLAGS, type StoryFlag } from '../domain/flags';

/** The optional `flag=` of a feed: a 400 naming the accepted values when it is anything else. */
export function optionalFlagParam(query: Record<string, unknown>): StoryFlag | undefined {
  const value = query.flag;
  if (value === undefined) return undefined;
  const flag = parseStoryFlag(value);
  if (!flag) throw new errors.ValidationError(`flag must be one of ${STORY_FLAGS.join(', ')}.`);
  return flag;
}

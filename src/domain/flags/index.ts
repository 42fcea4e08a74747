export { activeFlags, FLAG_FIELDS, isFlagActive, parseStoryFlag, STORY_FLAGS } from './story-flags';
export type { FlagValues, StoryFlag } from './story-flags';

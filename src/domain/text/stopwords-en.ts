/**
 * English stop words, curated like the Bulgarian list (see stopwords-bg.ts): closed word
 * classes only (articles, pronouns, prepositions, conjunctions, auxiliaries, modals and a few
 * adverbs of degree and time). Long public lists also drop words like "world", "new",
 * "show" or "state", which carry topic.
 */
const WORDS = `
a an the this that these those
i me my mine myself we us our ours ourselves you your yours yourself yourselves
he him his himself she her hers herself it its itself they them their theirs themselves
who whom whose which what whatever whoever
and or but nor so yet if then else than because while although though unless until
whether either neither both not no
of to in on at by for with from as into onto over under about after before between
through during without within against up down out off above below upon via per
is are was were be been being am do does did doing done have has had having
will would shall should can could may might must
there here now when where why how all any each every some such own same other
another more most less least few many much very too just also only again further once
still already even ever never
`;

export const STOPWORDS_EN: ReadonlySet<string> = new Set(WORDS.split(/\s+/u).filter(Boolean));

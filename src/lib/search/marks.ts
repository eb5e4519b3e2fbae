/** Marks inside a page's search keys, which the build writes (`keys.ts`) and the browser's ranking reads. */

/**
 * Between the keys of the page itself (its title and number) and those of the people it is by or about, so a ranking
 * can tell 谢慧兰's own page from the pages she wrote. Punctuation: Pagefind does not index it.
 */
export const PEOPLE_MARK = '|';

/** Between a page's own terms (tags, names) and the synonyms of words it uses, in its `terms` metadata. */
export const TERMS_END = '||';

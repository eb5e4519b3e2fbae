/**
 * Memoises a query for the length of a production build, where content cannot change and thousands of pages ask the
 * same question; in dev every call reads afresh so edits made in the CMS show at once.
 */
export function memo<T>(fn: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | undefined;
  return () => (import.meta.env.DEV ? fn() : (cached ??= fn()));
}

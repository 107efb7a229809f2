/** 公众查询's state in the URL (`/public?q=…`), and what it says when asked too often. */
import { PUBLIC_TEXTS as T } from './texts';

/** The query as the URL has it: trimmed, at most 100 characters. */
export const publicQuery = (raw: string | null | undefined) => (raw ?? '').trim().slice(0, 100);

/** The page's address for `q` (the page alone when it is empty). */
export const publicHref = (pathname: string, q: string) => {
  const query = publicQuery(q);
  return query ? `${pathname}?q=${encodeURIComponent(query)}` : pathname;
};

/** The 429 said to a citizen: how long to wait when the API said (`Retry-After`). */
export const tooManyWording = (retryAfter: number | null) => (retryAfter ? T.tooManyWait(retryAfter) : T.tooMany);

/** A route parameter decoded once; left as it is when it was not percent-encoded to begin with. */
export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

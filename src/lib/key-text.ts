/**
 * The text a page's cache key is a digest of (src/data/cache-keys.ts): a value written as `JSON.stringify` writes it,
 * except that what `stands` names (the entries a page shows, at any depth: a list page's props hold a page of them)
 * is written as `#` and its own short text, which no JSON value starts with, and a Map as the list of its pairs. The
 * twenty entries of a list page then cost twenty cached digests rather than their text again for every list they
 * are on, and no copy of the value is built only to be written out.
 */
export function keyText(value: unknown, stands: (value: object) => string | undefined): string {
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) text += (i ? ',' : '') + keyText(value[i], stands);
    return `${text}]`;
  }
  if (value instanceof Map) return keyText([...value], stands);
  if (value && typeof value === 'object') {
    const short = stands(value);
    if (short !== undefined) return `#${short}`;
    // Dates and other class instances are left to JSON.stringify, which writes them in full.
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null) {
      let text = '{';
      for (const [k, v] of Object.entries(value)) {
        // As JSON.stringify: a property it would leave out does not count.
        if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
        text += `${text.length > 1 ? ',' : ''}${JSON.stringify(k)}:${keyText(v, stands)}`;
      }
      return `${text}}`;
    }
  }
  // undefined, a function or a symbol in an array: JSON writes null.
  return JSON.stringify(value) ?? 'null';
}

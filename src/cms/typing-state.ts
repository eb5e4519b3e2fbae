/**
 * What a string or text field shows while an editor types (see `typing.ts`), as plain data so it is unit tested.
 */

/** The text shown, and the values this field has itself sent to Decap's store (older ones first). */
export interface Typing {
  shown: string;
  sent: string[];
}

/** How many sent values are remembered: far more than keys can overtake a render, few enough to cost nothing. */
const REMEMBERED = 200;

/** The field after the editor typed: it shows `value`, and both it and the text it replaced are its own. */
export function typedInto(t: Typing, value: string): Typing {
  const sent = [...t.sent, t.shown, value];
  return { shown: value, sent: sent.slice(-REMEMBERED) };
}

/**
 * The field once the store hands it `incoming`: kept as it is when `incoming` is a value the field sent itself (an
 * echo, maybe of an older key), replaced when it comes from elsewhere (a default, an import, a reset).
 */
export function keptWhileTyping(t: Typing, incoming: string): Typing {
  if (incoming === t.shown || t.sent.includes(incoming)) return t;
  return { shown: incoming, sent: [] };
}

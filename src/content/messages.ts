/** Messages the build and the CMS share word for word. */

/** A text longer than its field allows. */
export function lengthMessage(label: string, max: number, length: number): string {
  return `「${label}」不能超过 ${max} 字，现有 ${length} 字`;
}

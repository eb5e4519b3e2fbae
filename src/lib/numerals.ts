const DIGITS = '〇一二三四五六七八九';

/** 1–99 in Chinese numerals as used for 届 and 次: 14 → 十四, 20 → 二十, 3 → 三. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/** Short name of a session: 十四届三次会议. */
export function sessionShortName(term: number, meeting: number): string {
  return `${chineseNumber(term)}届${chineseNumber(meeting)}次会议`;
}

import { chineseNumber, sessionShortName } from './numerals.ts';

/**
 * The name of the meeting a 专题 covers: 十四届四次会议 for a plenary session, 十四届第十二次常委会议 for a meeting of
 * the standing committee (numbered within the 届).
 */
export function meetingName(
  m: { kind: string; number?: number | undefined },
  session: { term: number; meeting: number },
): string {
  return m.kind === '常委会议' && m.number !== undefined
    ? `${chineseNumber(session.term)}届第${chineseNumber(m.number)}次常委会议`
    : sessionShortName(session.term, session.meeting);
}

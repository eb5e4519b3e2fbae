import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { chineseNumber } from '../lib/numerals.ts';

/**
 * A synthetic archive in the proportions of a municipal CPPCC paper (one year per 10,000 documents, mostly news; per
 * year one session with 300-500 proposals and their replies, about 300 member voices, one work review, new members),
 * written as content files the real site code builds. Sentences are sampled from the sample content, so the text is
 * realistic Chinese with realistic word statistics.
 */

/** Deterministic random numbers, so runs at the same size build the same archive. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentences(contentDir: string): string[] {
  const out: string[] = [];
  for (const folder of ['news', 'proposals', 'voices', 'reviews']) {
    for (const f of readdirSync(join(contentDir, folder))) {
      const text = readFileSync(join(contentDir, folder, f), 'utf8').replace(/^---[\s\S]*?---/, '');
      out.push(...(text.match(/[^。！？\n]{12,}[。！？]/g) ?? []).map((s) => s.trim().replace(/^[#*>\s-]+/, '')));
    }
  }
  return out.filter((s) => !/[|{}<>]/.test(s));
}

export interface Counts {
  news: number;
  proposals: number;
  voices: number;
  reviews: number;
  members: number;
  /** Years the archive spans, one session (届次会议) each. */
  years: number;
}

/** A session of the archive, as `taxonomies/sessions.yml` lists it, with the proposals it received. */
interface Session {
  id: string;
  name: string;
  term: number;
  meeting: number;
  year: number;
  proposals: number;
}

/** The newest year of the archive; its session is 十四届四次会议, as in the sample content. */
const LAST_YEAR = 2025;

/**
 * The sessions of an archive of `docs` documents: one year per 10,000 documents (ten years at 100,000), each year one
 * meeting of a five-year term, numbered as the real ones (十四届一次会议 in 2022, so 2016 is 十二届五次会议), each
 * receiving 300 to 500 proposals, or fewer in a small archive, where proposals stay a fifth of it.
 */
export function sessionsFor(docs: number, seed = 1): Session[] {
  const rnd = random(seed + 7919);
  const years = Math.max(1, Math.ceil(docs / 10000));
  const cap = Math.max(1, Math.round((docs * 0.2) / years));
  return Array.from({ length: years }, (_, i) => {
    const year = LAST_YEAR - years + 1 + i;
    const offset = year - 2022;
    const term = 14 + Math.floor(offset / 5);
    const meeting = (((offset % 5) + 5) % 5) + 1;
    const name = `政协第${chineseNumber(term)}届长治市委员会第${chineseNumber(meeting)}次会议`;
    return {
      id: `${term}-${meeting}`,
      name,
      term,
      meeting,
      year,
      proposals: Math.min(cap, 300 + Math.floor(rnd() * 201)),
    };
  });
}

/**
 * Document counts for a total of `docs`: news fill what the rest leaves (over nine in ten at 100,000), proposals come
 * from the sessions, member voices are 3%, one work review a year, and about 70 members a year (new members each term;
 * 700 over ten years), at least 8.
 */
export function countsFor(docs: number, seed = 1): Counts {
  const sessions = sessionsFor(docs, seed);
  const years = sessions.length;
  const proposals = sessions.reduce((n, s) => n + s.proposals, 0);
  const reviews = years;
  const voices = Math.max(1, Math.round(docs * 0.03));
  const members = Math.max(8, Math.min(Math.round(docs * 0.015), 70 * years));
  return {
    reviews,
    voices,
    members,
    proposals,
    years,
    news: Math.max(1, docs - reviews - voices - members - proposals),
  };
}

const fm = (data: Record<string, unknown>, body: string) => `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body}\n`;

/**
 * Writes a synthetic archive of about `docs` documents into `dir/content` (taxonomies and settings copied), one file
 * at a time: nothing but the sentence pool and the member ids is held, so 100,000 documents take no more memory than
 * 1,000. The same `docs` and `seed` write the same archive byte for byte.
 */
export function generateArchive(dir: string, docs: number, sourceContent: string, seed = 1): Counts {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const pool = sentences(sourceContent);
  const para = (n: number) => Array.from({ length: n }, () => pick(pool)).join('');
  const body = (paras: number, per: number) => Array.from({ length: paras }, () => para(per)).join('\n\n');
  const title = () =>
    pick(pool)
      .replace(/[，。！？：；、“”]/g, '')
      .slice(0, 10 + Math.floor(rnd() * 14));
  const content = join(dir, 'content');
  cpSync(join(sourceContent, 'taxonomies'), join(content, 'taxonomies'), { recursive: true });
  cpSync(join(sourceContent, 'settings'), join(content, 'settings'), { recursive: true });
  const tax = (name: string) =>
    (parse(readFileSync(join(content, 'taxonomies', `${name}.yml`), 'utf8')).items as { id: string }[]).map(
      (i) => i.id,
    );
  const units = tax('units');
  const categories = tax('categories');
  const sectors = tax('sectors');
  const places = tax('places');
  const committees = tax('committees');
  const counts = countsFor(docs, seed);
  const sessions = sessionsFor(docs, seed);
  const years = counts.years;
  const firstYear = sessions[0]!.year;

  // The sessions the sample lists keep their entries; the older ones are added, named as the real ones.
  type Item = { id: string; term: number; meeting: number };
  const realSessions = parse(readFileSync(join(content, 'taxonomies/sessions.yml'), 'utf8')) as { items: Item[] };
  const known = new Set(realSessions.items.map((s) => s.id));
  for (const s of sessions.filter((x) => !known.has(x.id))) {
    realSessions.items.push({
      id: s.id,
      name: s.name,
      term: s.term,
      meeting: s.meeting,
      year: s.year,
      received: s.proposals,
    } as Item);
  }
  realSessions.items.sort((a, b) => a.term - b.term || a.meeting - b.meeting);
  writeFileSync(join(content, 'taxonomies/sessions.yml'), stringify(realSessions));

  for (const f of ['news', 'proposals', 'voices', 'reviews', 'members', 'paper'])
    mkdirSync(join(content, f), { recursive: true });
  const memberIds = Array.from({ length: counts.members }, (_, i) => `member-${i + 1}`);
  const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
  const given = '建国明华伟芳娜敏静丽强磊军洋勇艳杰娟涛超秀霞平刚桂英';
  memberIds.forEach((id) => {
    const name = pick([...surnames]) + pick([...given]) + (rnd() < 0.6 ? pick([...given]) : '');
    writeFileSync(
      join(content, 'members', `${id}.md`),
      fm({ name, role: '市政协委员', sector: pick(sectors), committee: pick(committees), bio: para(1) }, para(2)),
    );
  });
  const moment = (year: number) => {
    const m = 1 + Math.floor(rnd() * 12);
    const d = 1 + Math.floor(rnd() * 28);
    const h = 7 + Math.floor(rnd() * 12);
    return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:30:00+08:00`;
  };
  for (let i = 0; i < counts.news; i++) {
    const year = firstYear + (i % years);
    writeFileSync(
      join(content, 'news', `n${year}-${i + 1}.md`),
      fm(
        {
          title: title(),
          date: moment(year),
          summary: para(1),
          byline: '本报记者 王敏',
          place: pick(places),
          tags: [pick(['委员之家', '乡村振兴', '有事来商量', '科技创新', '提案办理'])],
        },
        `本报讯 ${body(4, 2)}`,
      ),
    );
  }
  for (let i = 0; i < counts.voices; i++) {
    const year = firstYear + (i % years);
    writeFileSync(
      join(content, 'voices', `v${year}-${i + 1}.md`),
      fm(
        {
          title: title(),
          date: moment(year),
          author: pick(memberIds),
          column: pick(['委员声音', '快评', '委员建言']),
          summary: para(1),
        },
        body(3, 2),
      ),
    );
  }
  // One work review a year.
  for (let i = 0; i < counts.reviews; i++) {
    const sections = committees
      .slice(0, 7)
      .map((c) => `## ${c}\n\n${body(3, 3)}`)
      .join('\n\n');
    writeFileSync(
      join(content, 'reviews', `r${i + 1}.md`),
      fm(
        {
          title: title(),
          subtitle: '——工作回眸（合成）',
          date: moment(firstYear + (i % years)),
          year: firstYear + (i % years),
          editorNote: para(2),
        },
        sections,
      ),
    );
  }
  // Proposals in session order, each session receiving its own number of them.
  const starts = sessions.map((_, k) => sessions.slice(0, k).reduce((n, x) => n + x.proposals, 0));
  const session = (i: number) => starts.findLastIndex((from) => from <= i);
  const serial = new Map<string, number>();
  for (let i = 0; i < counts.proposals; i++) {
    const s = sessions[session(i)]!;
    const n = (serial.get(s.id) ?? 0) + 1;
    serial.set(s.id, n);
    const number = `${s.id}-${String(n).padStart(4, '0')}`;
    const lead = pick(units);
    const co = units.filter((u) => u !== lead && rnd() < 0.08).slice(0, 2);
    const replies = [lead, ...co].slice(0, 1 + Math.floor(rnd() * 3)).map((unit) => ({
      unit,
      role: unit === lead ? '主办' : '协办',
      date: `${s.year}-06-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`,
      docNumber: `长函〔${s.year}〕${n}号`,
      result: pick(['解决或采纳', '列入计划', '留作参考']),
      body: body(3, 2),
    }));
    const collective = rnd() < 0.2;
    const satisfaction = pick(['满意', '基本满意', '满意', '不满意']);
    // 不满意 is followed by a 重办 with its own answer (src/lib/proposals/course.ts).
    const rehandling =
      satisfaction === '不满意'
        ? {
            rehandling: {
              assigned: `${s.year}-07-10`,
              reason: '答复措施不够具体。',
              replies: [
                {
                  unit: lead,
                  date: `${s.year}-09-15`,
                  docNumber: `长函〔${s.year}〕${n}-1号`,
                  result: '列入计划',
                  body: body(2, 2),
                },
              ],
              satisfaction: '基本满意',
            },
          }
        : {};
    writeFileSync(
      join(content, 'proposals', `${number}.md`),
      fm(
        {
          number,
          session: s.id,
          title: `关于${title()}的建议`,
          proposerType: collective ? '集体提案' : '委员提案',
          ...(collective ? { collective: '民进长治市委' } : { proposers: [pick(memberIds)] }),
          sector: pick(sectors),
          category: pick(categories),
          key: rnd() < 0.05,
          public: rnd() < 0.97,
          status: '已办复',
          submitted: `${s.year}-02-${String(1 + Math.floor(rnd() * 27)).padStart(2, '0')}`,
          leadUnits: [lead],
          coUnits: co,
          replies,
          satisfaction,
          ...rehandling,
        },
        body(4, 2),
      ),
    );
  }
  return counts;
}

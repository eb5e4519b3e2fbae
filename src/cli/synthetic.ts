import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

/**
 * A synthetic archive in the proportions of the real site (per year about 1,500 stories and 400 proposals with
 * replies, a few dozen member voices, one work review), written as content files the real site code builds.
 * Sentences are sampled from the sample content, so the text is realistic Chinese with realistic word statistics.
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
}

/** Document counts for a total of `docs`, in the real site's proportions. */
export function countsFor(docs: number): Counts {
  const reviews = Math.max(1, Math.round(docs / 2000));
  const voices = Math.max(1, Math.round(docs * 0.03));
  const members = Math.max(8, Math.round(docs * 0.015));
  const proposals = Math.round(docs * 0.2);
  return { reviews, voices, members, proposals, news: Math.max(1, docs - reviews - voices - members - proposals) };
}

const fm = (data: Record<string, unknown>, body: string) => `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body}\n`;

/** Writes a synthetic archive of about `docs` documents into `dir/content` (taxonomies and settings copied). */
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
  const counts = countsFor(docs);
  const years = Math.max(1, Math.ceil(counts.proposals / 400));
  const firstYear = 2026 - years;

  // Sessions: one a year, numbered like the real ones, proposals up to 9,999 a session.
  const sessions = Array.from({ length: years }, (_, i) => ({
    id: `${20 + Math.floor(i / 5)}-${(i % 5) + 1}`,
    name: `第${20 + Math.floor(i / 5)}届第${(i % 5) + 1}次会议（合成）`,
    term: 20 + Math.floor(i / 5),
    meeting: (i % 5) + 1,
    year: firstYear + i,
  }));
  const realSessions = parse(readFileSync(join(content, 'taxonomies/sessions.yml'), 'utf8'));
  realSessions.items.push(...sessions);
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
  const serial = new Map<string, number>();
  for (let i = 0; i < counts.proposals; i++) {
    const s = sessions[i % years]!;
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

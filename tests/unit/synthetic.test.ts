import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { countsFor, generateArchive, sessionsFor } from '../../src/cli/synthetic.ts';

const CONTENT = join(import.meta.dirname, '../../content');
const dirs: string[] = [];
const archive = (docs: number, seed = 1) => {
  const dir = mkdtempSync(join(tmpdir(), 'czzx-synthetic-'));
  dirs.push(dir);
  return { dir, counts: generateArchive(dir, docs, CONTENT, seed) };
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Every file of an archive's documents with its bytes, in a stable order. */
const files = (dir: string) =>
  ['news', 'proposals', 'voices', 'reviews', 'members'].flatMap((f) =>
    readdirSync(join(dir, 'content', f))
      .sort()
      .map((n) => [`${f}/${n}`, readFileSync(join(dir, 'content', f, n), 'utf8')]),
  );

describe('the synthetic archive of the benchmark', () => {
  it('has the mix of a ten-year municipal archive at 100,000 documents: news dominate, 300-500 proposals a session', () => {
    const c = countsFor(100000);
    expect(c.years).toBe(10);
    expect(c.news + c.proposals + c.voices + c.reviews + c.members).toBe(100000);
    expect(c.news / 100000).toBeGreaterThan(0.9);
    expect(c.proposals).toBeGreaterThanOrEqual(3000);
    expect(c.proposals).toBeLessThanOrEqual(5000);
    expect(c.reviews).toBe(10);
  });

  it('writes the documents it counts, sessions numbered as the real ones, and the same archive for the same seed', () => {
    const a = archive(500);
    expect(files(a.dir).length).toBe(
      a.counts.news + a.counts.proposals + a.counts.voices + a.counts.reviews + a.counts.members,
    );
    const sessions = parse(readFileSync(join(a.dir, 'content/taxonomies/sessions.yml'), 'utf8')).items as {
      id: string;
      year: number;
    }[];
    const used = new Set(readdirSync(join(a.dir, 'content/proposals')).map((f) => f.split('-').slice(0, 2).join('-')));
    expect([...used]).toEqual(['14-4']);
    expect(sessions.find((s) => s.id === '14-4')?.year).toBe(2025);
    expect(files(archive(500).dir)).toEqual(files(a.dir));
    expect(files(archive(500, 2).dir)).not.toEqual(files(a.dir));
  });

  it('spreads 100,000 documents over ten sessions, one a year, numbered and named as the real ones', () => {
    const sessions = sessionsFor(100000);
    expect(sessions.map((s) => `${s.id} ${s.year}`)).toEqual([
      '12-5 2016',
      '13-1 2017',
      '13-2 2018',
      '13-3 2019',
      '13-4 2020',
      '13-5 2021',
      '14-1 2022',
      '14-2 2023',
      '14-3 2024',
      '14-4 2025',
    ]);
    expect(sessions[0]!.name).toBe('政协第十二届长治市委员会第五次会议');
    for (const s of sessions) {
      expect(s.proposals).toBeGreaterThanOrEqual(300);
      expect(s.proposals).toBeLessThanOrEqual(500);
    }
    expect(sessions.reduce((n, s) => n + s.proposals, 0)).toBe(countsFor(100000).proposals);
  });
});

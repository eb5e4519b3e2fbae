import { describe, expect, it } from 'vitest';
import { leadStory } from '../../src/lib/lead-story.ts';

const story = (id: string, data: { headline?: boolean; cover?: { src: string } } = {}) => ({ id, data });

describe('the home page’s lead story', () => {
  it('is the newest marked 首页头条, however many newer stories have pictures', () => {
    const news = [
      story('newest', { cover: { src: '/media/a.jpg' } }),
      story('marked', { headline: true }),
      story('marked-earlier', { headline: true, cover: { src: '/media/b.jpg' } }),
    ];
    expect(leadStory(news)?.id).toBe('marked');
  });

  it('is the newest with a cover picture where none is marked, else the newest', () => {
    expect(leadStory([story('plain'), story('pictured', { cover: { src: '/media/a.jpg' } })])?.id).toBe('pictured');
    expect(leadStory([story('plain'), story('older', { headline: false })])?.id).toBe('plain');
    expect(leadStory([])).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { unusedMedia } from '../../src/lib/unused-media.ts';

describe('media no entry uses', () => {
  it('lists the files no content names, wherever the name stands', () => {
    const texts = [
      'cover:\n  src: /media/cover.jpg\n  alt: 封面',
      '正文 ![图](/media/in-body.png)。另见 <img src="/media/in-html.webp">，以及 /media/%E5%9B%BE.png，',
    ];
    expect(
      unusedMedia(['cover.jpg', 'in-body.png', 'in-html.webp', '图.png', 'old-cover.jpg', 'left-over.svg'], texts),
    ).toEqual(['left-over.svg', 'old-cover.jpg']);
  });
});

import { describe, expect, it } from 'vitest';
import { imageProblem, sniffImage } from '../../src/lib/image-check.ts';

const bytes = (...b: number[]) => new Uint8Array([...b, ...new Array(16).fill(0)].slice(0, 16));
const text = (s: string) => new TextEncoder().encode(s.padEnd(16, ' ')).slice(0, 16);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const MB = 1024 * 1024;

describe('images by their content', () => {
  it('knows each format the site serves by its first bytes', () => {
    expect(sniffImage(PNG)).toBe('png');
    expect(sniffImage(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('jpg');
    expect(sniffImage(text('GIF89a'))).toBe('gif');
    expect(sniffImage(text('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
    expect(sniffImage(text('\0\0\0\x1cftypavif'))).toBe('avif');
    const svg = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>';
    expect(sniffImage(text(svg), svg)).toBe('svg');
    expect(sniffImage(text('MZ\x90\0'))).toBeUndefined();
    expect(sniffImage(text('<html>'), '<html><svg></svg></html>')).toBeUndefined();
  });

  it('refuses a program renamed .png, a wrong extension, an oversized file and scripted SVG', () => {
    const check = (name: string, head: Uint8Array, size = 1000, t?: string) =>
      imageProblem({ name, head, size, maxBytes: 5 * MB, ...(t ? { text: t } : {}) });
    expect(check('photo.png', PNG)).toBeUndefined();
    expect(check('setup.png', text('MZ\x90\0'))).toMatch(/不是图片：文件内容与扩展名 \.png 不符/);
    expect(check('photo.jpg', PNG)).toMatch(/内容是 PNG 图片，与扩展名 \.jpg 不符/);
    expect(check('big.png', PNG, 10 * MB)).toBe('图片过大：“big.png”10.0 MB，不能超过 5 MB，请压缩后重新上传');
    const evil = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>';
    expect(check('evil.svg', text(evil), 100, evil)).toMatch(/SVG 图片含有脚本/);
    const linked = '<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><rect/></a></svg>';
    expect(check('linked.svg', text(linked), 100, linked)).toMatch(/SVG 图片含有脚本/);
    const clean = '<svg xmlns="http://www.w3.org/2000/svg"><rect width="9" height="9"/></svg>';
    expect(check('clean.svg', text(clean), 100, clean)).toBeUndefined();
  });
});

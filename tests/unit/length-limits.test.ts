import { describe, expect, it } from 'vitest';
import { cmsField } from '../../src/cms/config.ts';
import { news, proposals, TITLE_MAX } from '../../src/content/model.ts';
import { fieldSchema } from '../../src/content/schemas.ts';

describe('length limits from the model', () => {
  const title = news.fields.find((f) => f.name === 'title')!;

  it('the build refuses a title over the limit, counting characters as an editor sees them', () => {
    expect(fieldSchema(title).safeParse('字'.repeat(TITLE_MAX)).success).toBe(true);
    const r = fieldSchema(title).safeParse('字'.repeat(372));
    expect(r.success ? '' : r.error.issues[0]!.message).toBe(`「标题」不能超过 ${TITLE_MAX} 字，现有 372 字`);
    // A character beyond the basic plane is one character, not two UTF-16 units.
    expect(fieldSchema(title).safeParse('𠀀'.repeat(TITLE_MAX)).success).toBe(true);
  });

  it('the CMS gets the same limit', () => {
    expect(cmsField(title)).toMatchObject({ max_length: TITLE_MAX });
    expect(cmsField(proposals.fields.find((f) => f.name === 'title')!)).toMatchObject({ max_length: 80 });
    expect(cmsField(news.fields.find((f) => f.name === 'summary')!)).toMatchObject({ widget: 'text', max_length: 200 });
  });
});

import { VOICE_COLUMNS } from '../content/model.ts';
import { slugify } from '../lib/slug.ts';
import { getVoices } from './content.ts';

/** Member-voice columns with their ASCII slug and pieces (newest first). */
export async function getColumns() {
  const voices = await getVoices();
  return VOICE_COLUMNS.map((column) => ({
    column,
    slug: slugify(column),
    items: voices.filter((v) => v.data.column === column),
  }));
}

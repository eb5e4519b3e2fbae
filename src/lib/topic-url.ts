import { entryUrl, listUrl } from './routes.ts';

/** Address of the 专题 list (no id) or of one 专题: `/topics/`, `/topics/<id>/`, from the route table. */
export function topicUrl(id?: string): string {
  return id ? entryUrl('topics', id) : listUrl('topics');
}

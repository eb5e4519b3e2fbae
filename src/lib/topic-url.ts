/** Address of the 专题 list (no id) or of one 专题: `/topics/`, `/topics/<id>/`. The one place topic URLs are made. */
export function topicUrl(id?: string): string {
  return id ? `/topics/${id}/` : '/topics/';
}

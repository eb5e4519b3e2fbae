import { bodyOf, frontmatterLines, guardMdx, type MdxParser, type Usage } from './mdx-guard.ts';
import { TOPIC_COMPONENTS, propProblems, type Domain } from './topic-components.ts';

/**
 * Every problem of a 专题 file: the guard's (code, HTML, unknown components) and each component's attribute values
 * (a 届次 no taxonomy has …), each naming its line in the file and its component.
 */
export function topicProblems(
  fileText: string,
  domain: Domain,
  parse: MdxParser,
  exists: (path: string) => boolean = () => true,
): string[] {
  const { problems, usages } = guardMdx(bodyOf(fileText), parse, frontmatterLines(fileText));
  return [...problems, ...usages.flatMap((u) => usageProblems(u, domain, exists))];
}

/** The attribute problems of one component and of the components inside it. */
export function usageProblems(u: Usage, domain: Domain, exists: (path: string) => boolean = () => true): string[] {
  return [
    ...propProblems(u.name, u.props, domain, exists).map(
      (m) => `第 ${u.line} 行 <${u.name}>（${TOPIC_COMPONENTS[u.name].label}）：${m}`,
    ),
    ...u.children.flatMap((c) => usageProblems(c, domain, exists)),
  ];
}

import { TOPIC_COMPONENTS, componentNames, type ComponentName, type ComponentSpec } from './topic-components.ts';

/**
 * The gate between an editor's MDX and the build. MDX is code: an `import`, an `export`, a `{…}` expression or any JSX
 * element runs in the build and lands in the page unsanitised. A 专题 body may hold Markdown and the site's own
 * components (`topic-components.ts`) with plain string attributes, nothing else. The build (`loaders.ts`) and the
 * CMS before saving (`src/cms/entry-rules.ts`) ask this one function. It is given the parser: the build passes the
 * one that compiles the MDX (Sätteri, under `@astrojs/mdx`, in `mdx-parse.ts`), so what the guard sees is what would
 * run; the CMS passes micromark's MDX parser, which yields the same tree in a browser (tests/unit/mdx-guard.test.ts
 * runs every case through both).
 */

/** Turns MDX into an mdast tree with the MDX node types (`mdxjsEsm`, `mdxJsxFlowElement` …); throws on bad syntax. */
export type MdxParser = (source: string) => unknown;

/** One embedded component as written: its name, its attributes, the line it starts on, and its child components. */
export interface Usage {
  name: ComponentName;
  props: Record<string, string | true>;
  line: number;
  children: Usage[];
}

export interface GuardResult {
  /** Chinese messages, each naming the line and, where there is one, the component. */
  problems: string[];
  /** Top-level components (children nested), in the order written. */
  usages: Usage[];
}

interface Node {
  type: string;
  name?: string | null;
  url?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  position?: { start: { line: number } };
}

const SAFE_URL = /^(?:https?:\/\/|\/|#|mailto:|\.{0,2}\/|[^:]*$)/i;
const allowed = componentNames().join('、');

/** Check an MDX body; `lineOffset` is the number of lines above it in its file (the frontmatter), for the messages. */
export function guardMdx(source: string, parse: MdxParser, lineOffset = 0): GuardResult {
  let tree: Node;
  try {
    tree = parse(source) as Node;
  } catch (e) {
    // Sätteri's message starts with the line and column of the fault (`1:1: Expected a closing tag …`); micromark's
    // error carries the line.
    const message = (e as Error).message;
    const line = ((e as { line?: number }).line ?? Number(/^(\d+):\d+/.exec(message)?.[1] ?? 1)) + lineOffset;
    return { problems: [`第 ${line} 行：MDX 语法错误（标签未闭合或属性写法不对？）：${message}`], usages: [] };
  }
  const problems: string[] = [];
  const at = (n: Node) => `第 ${(n.position?.start.line ?? 0) + lineOffset} 行`;

  const visit = (node: Node, parent: ComponentName | undefined, out: Usage[]): void => {
    switch (node.type) {
      case 'mdxjsEsm':
        problems.push(`${at(node)}：不能使用 import 或 export 语句；专题正文只能插入网站提供的组件（${allowed}）`);
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        problems.push(`${at(node)}：不能使用花括号 {…} 表达式；文字中的花括号请改用全角｛｝`);
        return;
      case 'link':
      case 'image':
      case 'definition':
        if (node.url && !SAFE_URL.test(node.url.trim())) problems.push(`${at(node)}：链接地址“${node.url}”不允许使用`);
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const usage = element(node, parent);
        if (usage) out.push(usage);
        return;
      }
    }
    for (const child of node.children ?? []) visit(child, parent, out);
  };

  const element = (node: Node, parent: ComponentName | undefined): Usage | undefined => {
    const name = node.name ?? '';
    const spec: ComponentSpec | undefined = (TOPIC_COMPONENTS as Record<string, ComponentSpec>)[name];
    if (!spec) {
      const shownName = name ? `<${name}>` : '<>（片段）';
      problems.push(
        `${at(node)}：不能使用 ${shownName}；专题正文只能插入网站提供的组件（${allowed}），不能写 HTML 或其他代码`,
      );
      return undefined;
    }
    const where = `${at(node)} <${name}>`;
    if (spec.parent && spec.parent !== parent) {
      problems.push(`${where}：只能放在 <${spec.parent}> 里面`);
    } else if (!spec.parent && parent) {
      problems.push(`${where}：不能放在 <${parent}> 里面`);
    }
    const props: Record<string, string | true> = {};
    for (const attr of node.attributes ?? []) {
      if (attr.type !== 'mdxJsxAttribute' || !attr.name) {
        problems.push(`${where}：不能使用 {…} 展开属性`);
        continue;
      }
      if (!(attr.name in spec.props)) {
        problems.push(`${where}：没有属性“${attr.name}”；可用的属性：${Object.keys(spec.props).join('、') || '无'}`);
        continue;
      }
      if (attr.value !== null && attr.value !== undefined && typeof attr.value !== 'string') {
        problems.push(`${where}：属性 ${attr.name} 应写成 ${attr.name}="…"，不能用 {…} 表达式`);
        continue;
      }
      props[attr.name] = typeof attr.value === 'string' ? attr.value : true;
    }
    const usage: Usage = {
      name: name as ComponentName,
      props,
      line: (node.position?.start.line ?? 0) + lineOffset,
      children: [],
    };
    for (const child of node.children ?? []) {
      if (child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement') {
        const inner = element(child, name as ComponentName);
        if (inner) usage.children.push(inner);
      } else if (!isBlank(child)) {
        problems.push(`${where}：里面只能放 ${spec.children ? `<${spec.children}>` : '空内容'}，不能写文字`);
      }
    }
    return usage;
  };

  const usages: Usage[] = [];
  visit(tree, undefined, usages);
  return { problems, usages };
}

function isBlank(n: Node): boolean {
  if (n.type === 'text') return !String((n as { value?: string }).value ?? '').trim();
  if (n.type === 'paragraph') return (n.children ?? []).every(isBlank);
  return false;
}

/** Lines of the frontmatter block at the top of a file (0 when there is none), so body lines count as in the file. */
export function frontmatterLines(file: string): number {
  const m = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(file);
  return m ? m[0].split('\n').length - 1 : 0;
}

/** The body of a file after its frontmatter. */
export function bodyOf(file: string): string {
  return file.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
}

// Small unified plugins that record what a chapter uses while mdx-bundler
// compiles it, so the build can reject unknown components and broken links.

export interface Heading {
  id: string;
  text: string;
  depth: 2 | 3;
}

export interface Inspection {
  components: Set<string>;
  links: string[];
  ids: Set<string>;
  headings: Heading[];
  exports: boolean;
}

interface Node {
  type: string;
  name?: string | null;
  url?: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: Node[];
}

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

function textOf(node: Node): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

export function createInspection(): Inspection {
  return { components: new Set(), links: [], ids: new Set(), headings: [], exports: false };
}

/** remark: JSX element names and link targets, before any transform. */
export function remarkInspect(found: Inspection) {
  return () => (tree: Node) =>
    walk(tree, (n) => {
      if ((n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') && n.name) found.components.add(n.name);
      if (n.type === 'link' && n.url) found.links.push(n.url);
      if (n.type === 'mdxjsEsm') found.exports = true;
    });
}

/** rehype (after rehype-slug): every element id, and the h2/h3 outline for the table of contents. */
export function rehypeInspect(found: Inspection) {
  return () => (tree: Node) =>
    walk(tree, (n) => {
      const id = n.properties?.id;
      if (n.type !== 'element' || typeof id !== 'string') return;
      found.ids.add(id);
      if (n.tagName === 'h2' || n.tagName === 'h3') found.headings.push({ id, text: textOf(n).trim(), depth: n.tagName === 'h2' ? 2 : 3 });
    });
}

import type { ReactElement } from 'react';
import { getMDXComponent } from 'mdx-bundler/client';
import { mdxComponents } from './registry';

/** Evaluates compiled MDX on the server (at build time): the browser receives HTML, never MDX code. */
export function renderMdx(code: string): ReactElement {
  const Content = getMDXComponent(code);
  return <Content components={mdxComponents} />;
}

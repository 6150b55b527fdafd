import { readFileSync } from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { trusted } from '@interscambio/http';
import { page } from '../pages/layout';
import { portalContentDir } from '../portal-content';

// Our own text: no raw HTML passes through, links and code are escaped by markdown-it.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

function guideMarkdown(dir = portalContentDir()): string {
  return readFileSync(path.join(dir, 'guida-introduttiva.md'), 'utf8');
}

/** The shell commands of the guide, in order: what a reader copies, and what the guide's test runs. */
export function guideCommands(source = guideMarkdown()): string[] {
  return markdown
    .parse(source, {})
    .filter((token) => token.type === 'fence' && token.info.trim() === 'sh')
    .map((token) => token.content);
}

export function guidePage(source = guideMarkdown()): string {
  return page({ title: 'Guida introduttiva', section: '/guida' }, trusted(markdown.render(source)));
}

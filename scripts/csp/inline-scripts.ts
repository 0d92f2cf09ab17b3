// Finds the inline scripts of a prerendered page and hashes them the way a
// browser does for CSP: SHA-256 over the UTF-8 bytes of the script's text,
// exactly as it appears between the tags (no entity decoding happens there).
import { createHash } from 'node:crypto';
import type { ScriptHash } from './policy';

// React escapes "</script" inside inline scripts, so the first closing tag
// after an opening one really ends that script.
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const EXECUTABLE_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module']);

function typeOf(attributes: string): string {
  const match = /\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attributes);
  return (match?.[1] ?? match?.[2] ?? match?.[3] ?? '').trim().toLowerCase();
}

/** Bodies of the inline scripts a browser would run (data blocks such as JSON are skipped). */
export function inlineScripts(html: string): string[] {
  const bodies: string[] = [];
  for (const [, attributes = '', body = ''] of html.matchAll(SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes) || !EXECUTABLE_TYPES.has(typeOf(attributes))) continue;
    bodies.push(body);
  }
  return bodies;
}

export function scriptHash(body: string): ScriptHash {
  return `sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}`;
}

/** Distinct hashes of a page's inline scripts, in first-seen order. */
export function inlineScriptHashes(html: string): ScriptHash[] {
  return [...new Set(inlineScripts(html).map(scriptHash))];
}

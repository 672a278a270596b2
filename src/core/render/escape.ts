/**
 * Characters that could start Markdown syntax, close or open HTML, split a table cell or mention
 * someone become HTML entities. Entities (not backslashes) because the same text lands in table
 * cells, list items and raw HTML blocks such as `<details>`, where backslash escapes are not
 * honoured.
 */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '|': '&#124;',
  '`': '&#96;',
  '*': '&#42;',
  _: '&#95;',
  '[': '&#91;',
  ']': '&#93;',
  '\\': '&#92;',
  '~': '&#126;',
  '#': '&#35;',
  '@': '&#64;'
}

const SPECIAL = /[&<>"'|`*_[\]\\~#@]/g

/** Escapes text for Markdown and inline HTML; newlines become spaces so a value stays on its line. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ').replace(SPECIAL, c => ENTITIES[c])
}

/**
 * Inline code that is safe anywhere: a `<code>` element with escaped content, because a backtick
 * span would show entities literally and cannot be escaped for every content.
 */
export function code(text: string): string {
  return `<code>${escapeMarkdown(text)}</code>`
}

/** GitHub limits comment bodies in characters and job summaries in bytes: UTF-8 bytes bound both. */
export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length
}

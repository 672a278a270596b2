import type { Finding } from '../model.js'

/**
 * `\ No newline at end of file` says the line before it has no newline. Written as a hunk's first
 * body line it follows no line, and parse-diff 0.12 then reads the type of a change that does not
 * exist and throws a TypeError. The marker is no line of either side (the hunk header does not
 * count it), so dropping it there changes nothing the hunk says; the diff is still damaged, and a
 * warning says so.
 */
const ORPHAN = /^(@@[^\n]*\n)\\ No newline at end of file\r?\n/gm

/** The diff text without orphan markers; pushes one `diff-unparsed` warning when there were any. */
export function withoutOrphanNoNewline(text: string, findings: Finding[]): string {
  if (!text.includes('\\ No newline at end of file')) return text
  let count = 0
  let firstLine = 0
  const out = text.replace(ORPHAN, (_m, header: string, offset: number) => {
    // The marker is the line after the header the match starts with.
    if (count++ === 0) firstLine = lineAt(text, offset) + 1
    return header
  })
  if (count > 0)
    findings.push({
      kind: 'diff-unparsed',
      severity: 'warning',
      message:
        `the diff has ${count} "\\ No newline at end of file" marker(s) right after a hunk header ` +
        `(first at line ${firstLine} of the diff), where they mark no line: ignored`,
      line: firstLine
    })
  return out
}

/** 1-based line of `offset`. */
function lineAt(text: string, offset: number): number {
  let n = 1
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++
  return n
}

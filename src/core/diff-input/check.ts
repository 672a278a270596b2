/**
 * Whether a diff text can be analysed at all. An empty file, a file that holds no unified diff
 * (a log, the wrong file) or one cut off mid-hunk is a mistake in the input, not a finding about
 * the fix: analysing it would either report nothing or trust a hunk whose end is missing.
 * Returns the one message to stop with, or undefined when the text is a diff.
 */
export function diffInputProblem(text: string, parsedFiles: number): string | undefined {
  if (text.trim() === '') return 'the diff is empty: give the fix as a unified diff'
  const cut = truncation(text)
  if (cut) return cut
  if (parsedFiles === 0) {
    const first = text.split('\n').find(l => l.trim() !== '') ?? ''
    return `the diff is not a unified diff: no file header (diff --git, ---/+++) and hunk (@@) in it; it starts with '${first.slice(0, 60)}'`
  }
  return undefined
}

/**
 * The text ends inside a hunk (fewer lines than its header counts) or right after a file header
 * whose hunks never come: what a download, a paste or `head` that stopped early leaves.
 */
function truncation(text: string): string | undefined {
  const lines = (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n')
  let olds = 0
  let news = 0
  let hunk = ''
  let hunkLine = 0
  let headerWithoutHunk: { line: number; path: string } | undefined
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (olds > 0 || news > 0) {
      const c = line[0]
      if (c === '\\') continue
      if (c === '-') olds--
      else if (c === '+') news--
      else if (c === ' ' || c === undefined) {
        olds--
        news--
      } else {
        // Anything else ends the hunk early: a hand edit mid-file, reported by the parser's checks.
        olds = news = 0
      }
      continue
    }
    const header = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/.exec(line)
    if (header) {
      olds = header[1] === undefined ? 1 : Number(header[1])
      news = header[2] === undefined ? 1 : Number(header[2])
      hunk = line.slice(0, line.indexOf('@@', 2) + 2)
      hunkLine = i + 1
      headerWithoutHunk = undefined
    } else if (line.startsWith('+++ ')) {
      headerWithoutHunk = { line: i + 1, path: line.slice(4).replace(/\t.*$/, '').trim() }
    } else if (line.startsWith('diff ')) {
      headerWithoutHunk = undefined
    }
  }
  if (olds > 0 || news > 0) {
    return `the diff is truncated: it ends inside the hunk ${hunk} (line ${hunkLine} of the diff), ${olds > 0 ? `${olds} old` : ''}${olds > 0 && news > 0 ? ' and ' : ''}${news > 0 ? `${news} new` : ''} line(s) short of its header`
  }
  if (headerWithoutHunk) {
    return `the diff is truncated: it ends after the file header of ${headerWithoutHunk.path} (line ${headerWithoutHunk.line}) with no hunk`
  }
  return undefined
}

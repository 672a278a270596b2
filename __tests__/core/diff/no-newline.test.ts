import parseDiff from 'parse-diff'
import type { Finding } from '../../../src/core/model.js'
import { withoutOrphanNoNewline } from '../../../src/core/diff/no-newline.js'

const NO_NL = '\\ No newline at end of file'
const diff = [
  'diff --git a/x.c b/x.c',
  '--- a/x.c',
  '+++ b/x.c',
  '@@ -1,2 +1,2 @@',
  '-a',
  '+b',
  ' c',
  NO_NL,
  '@@ -9,1 +9,1 @@',
  NO_NL,
  '-old',
  '+new',
  ''
].join('\n')

describe('"\\ No newline at end of file" as a hunk\'s first body line', () => {
  it('parse-diff throws on it (the crash this guards against)', () => {
    expect(() => parseDiff(diff)).toThrow(TypeError)
  })

  it('is dropped with a warning; the hunks parse as written and a legal marker stays', () => {
    const findings: Finding[] = []
    const text = withoutOrphanNoNewline(diff, findings)
    const [file] = parseDiff(text)
    expect(
      file.chunks.map(c => c.changes.filter(x => x.type !== 'normal').map(x => x.content))
    ).toEqual([
      ['-a', '+b'],
      ['-old', '+new']
    ])
    expect(text.split(NO_NL)).toHaveLength(2)
    expect(findings).toEqual([
      expect.objectContaining({ kind: 'diff-unparsed', severity: 'warning', line: 10 })
    ])
  })

  it('leaves a diff without orphan markers untouched and silent', () => {
    const findings: Finding[] = []
    const clean = diff.replace(`@@ -9,1 +9,1 @@\n${NO_NL}\n`, '@@ -9,1 +9,1 @@\n')
    expect(withoutOrphanNoNewline(clean, findings)).toBe(clean)
    expect(findings).toEqual([])
  })
})

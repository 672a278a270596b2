import { diffInputProblem } from '../../src/core/diff-input/check.js'
import { parsePatch } from '../../src/core/diff/patch.js'

const FIX = [
  'diff --git a/x.c b/x.c',
  '--- a/x.c',
  '+++ b/x.c',
  '@@ -1,3 +1,3 @@',
  ' int f(void)',
  '-{ return 1; }',
  '+{ return 2; }',
  ' ',
  ''
].join('\n')

const problem = (text: string) => diffInputProblem(text, parsePatch(text, 1).files.length)

describe('diffInputProblem', () => {
  it('accepts a whole diff, with or without a mail signature after it', () => {
    expect(problem(FIX)).toBeUndefined()
    expect(problem(`${FIX}-- \n2.39.5\n`)).toBeUndefined()
  })

  it('calls an empty text empty', () => {
    expect(problem('')).toBe('the diff is empty: give the fix as a unified diff')
    expect(problem('\n  \n')).toMatch(/empty/)
  })

  it('calls a text with no file change not a diff, quoting its start', () => {
    expect(problem('make: *** [Makefile:1] Error 2\n')).toMatch(
      /^the diff is not a unified diff: .*starts with 'make: \*\*\* \[Makefile:1\] Error 2'/
    )
  })

  it('calls a text cut inside a hunk or after a header truncated, saying where', () => {
    const cut = FIX.split('\n').slice(0, 6).join('\n') + '\n'
    expect(problem(cut)).toBe(
      'the diff is truncated: it ends inside the hunk @@ -1,3 +1,3 @@ (line 4 of the diff), 1 old and 2 new line(s) short of its header'
    )
    expect(problem(FIX.split('\n').slice(0, 3).join('\n'))).toBe(
      'the diff is truncated: it ends after the file header of b/x.c (line 3) with no hunk'
    )
  })
})

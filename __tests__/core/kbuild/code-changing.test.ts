import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { HeaderDeps } from '../../../src/core/impact/deps.js'
import { codeChangingFiles, judgeNoDumpByEffect } from '../../../src/core/kbuild/code-changing.js'
import type { ChangedFunction, Finding } from '../../../src/core/model.js'
import { FIXTURES } from '../dumps/load-fixture.js'

/** lib/.ctype.o.cmd as kbuild 6.1.187 wrote it: it reads include/linux/ctype.h. */
const REAL = readFileSync(join(FIXTURES, '../kbuild/ctype.o.cmd'), 'utf8')

const noDump: Finding = {
  kind: 'no-dump',
  severity: 'unresolved',
  file: 'lib/ctype.c',
  message:
    'lib/ctype.o was compiled from lib/ctype.c but the dump set has no lib/ctype.c.000i.ipa-clones'
}

const fn = (name: string, file: string, change: ChangedFunction['change']): ChangedFunction => ({
  name,
  symbols: [name],
  file,
  line: 1,
  change,
  hunks: [{ file, line: 1 }]
})

describe('files whose changes can change code', () => {
  const header = 'include/linux/ctype.h'

  it('leaves out a header whose changes are only info: comments, an added function', () => {
    const findings: Finding[] = [
      { kind: 'comment-only', severity: 'info', message: 'c', file: header },
      { kind: 'added-function', severity: 'info', message: 'a', file: header }
    ]
    expect(codeChangingFiles([header], [fn('isnew', header, 'added')], findings)).toEqual(new Set())
  })

  it('keeps a header with a changed function, a reached function, a line shift or a warning', () => {
    expect(codeChangingFiles([header], [fn('isdigit', header, 'modified')], [])).toEqual(
      new Set([header])
    )
    const reached = { ...fn('user', 'lib/x.c', 'modified'), hunks: [{ file: header, line: 3 }] }
    expect(codeChangingFiles([header], [reached], [])).toEqual(new Set([header]))
    const shift: Finding = { kind: 'line-shift', severity: 'info', message: 's', file: header }
    expect(codeChangingFiles([header], [], [shift])).toEqual(new Set([header]))
    const warn: Finding = { kind: 'macro-change', severity: 'warning', message: 'm', file: header }
    expect(codeChangingFiles([header], [], [warn])).toEqual(new Set([header]))
  })

  it('records a TU without a dump as info when what it reads of the fix changes no code', () => {
    const deps = new HeaderDeps()
    deps.add(REAL)
    const f = judgeNoDumpByEffect(noDump, deps, new Set([header]), new Set())
    expect(f.severity).toBe('info')
    expect(f.message).toMatch(/reads include\/linux\/ctype.h, whose changes in this fix change no/)
    expect(judgeNoDumpByEffect(noDump, deps, new Set([header]), new Set([header])).severity).toBe(
      'unresolved'
    )
    expect(judgeNoDumpByEffect(noDump, undefined, new Set([header]), new Set()).severity).toBe(
      'unresolved'
    )
  })
})

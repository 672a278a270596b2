import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { HeaderDeps } from '../../../src/core/impact/deps.js'
import { judgeNoDump } from '../../../src/core/kbuild/no-dump.js'
import type { Finding } from '../../../src/core/model.js'
import { FIXTURES } from '../dumps/load-fixture.js'

/** lib/.ctype.o.cmd as kbuild 6.1.187 wrote it: a TU whose dependency list is known. */
const REAL = readFileSync(join(FIXTURES, '../kbuild/ctype.o.cmd'), 'utf8')

const noDump: Finding = {
  kind: 'no-dump',
  severity: 'unresolved',
  file: 'lib/ctype.c',
  message:
    'lib/ctype.o was compiled from lib/ctype.c but the dump set has no lib/ctype.c.000i.ipa-clones'
}

describe('a TU compiled without a dump', () => {
  const deps = new HeaderDeps()
  deps.add(REAL)

  it('is recorded as info when it reads none of the changed files', () => {
    const f = judgeNoDump(noDump, deps, new Set(['net/ipv4/route.c', 'include/linux/skbuff.h']))
    expect(f.severity).toBe('info')
    expect(f.message).toMatch(/reads none of the files this fix changes/)
  })

  it('stays unresolved when it reads a changed header, or is the changed file', () => {
    expect(judgeNoDump(noDump, deps, new Set(['include/linux/ctype.h'])).severity).toBe(
      'unresolved'
    )
    expect(judgeNoDump(noDump, deps, new Set(['lib/ctype.c'])).severity).toBe('unresolved')
  })

  it('stays unresolved when the dependency list is not known', () => {
    expect(judgeNoDump(noDump, undefined, new Set(['net/ipv4/route.c'])).severity).toBe(
      'unresolved'
    )
    expect(judgeNoDump(noDump, new HeaderDeps(), new Set(['x.c'])).severity).toBe('unresolved')
  })
})

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  archesOf,
  includeCandidates,
  includeDirectives
} from '../../../src/core/source/includes.js'
import { FIXTURES } from '../dumps/load-fixture.js'

describe('includeDirectives', () => {
  it('lists quoted and angle includes, not those inside a line of code or a string', () => {
    const text = [
      '#include <linux/sched.h>',
      '#include "sched.h"',
      '#ifdef CONFIG_SMP',
      '# include "cpudeadline.c"',
      '#endif',
      '  #  include "../locking/w.c"',
      'const char *s = "#include \\"string.c\\"";',
      'int x; /* #include "inline-comment.c" */'
    ].join('\n')
    expect(includeDirectives(text)).toEqual([
      { name: 'linux/sched.h', quoted: false },
      { name: 'sched.h', quoted: true },
      { name: 'cpudeadline.c', quoted: true },
      { name: '../locking/w.c', quoted: true }
    ])
  })

  it('reads the real GCC fixture', () => {
    const text = readFileSync(join(FIXTURES, 'review-reach/kernel/sched/policy.c'), 'utf8')
    expect(includeDirectives(text).map(i => i.name)).toEqual(['rt.c', 'dl.c'])
  })
})

describe('includeCandidates', () => {
  it('tries the includer, the TU folder and its parents, then include/, arch/<arch>/include/, uapi', () => {
    expect(
      includeCandidates(
        { name: 'sched.h', quoted: true },
        'kernel/sched/rt.c',
        'kernel/sched/build_policy.c',
        ['x86']
      )
    ).toEqual([
      'kernel/sched/sched.h',
      'kernel/sched.h',
      'kernel/sched/include/sched.h',
      'kernel/include/sched.h',
      'include/sched.h',
      'arch/x86/include/sched.h',
      'include/uapi/sched.h',
      'arch/x86/include/uapi/sched.h'
    ])
    expect(
      includeCandidates({ name: 'asm/page.h', quoted: false }, 'include/linux/mm.h', 'mm/a.c', [
        'x86'
      ])
    ).toEqual([
      'include/asm/page.h',
      'arch/x86/include/asm/page.h',
      'include/uapi/asm/page.h',
      'arch/x86/include/uapi/asm/page.h'
    ])
    // Spelled as GCC would resolve it; a candidate that climbs out of the tree is dropped.
    expect(includeCandidates({ name: '../../x.h', quoted: true }, 'a.c', 'a.c', [])).toEqual([
      'x.h'
    ])
  })

  it('takes the architectures from the paths a dump names', () => {
    expect(
      archesOf(['net/core/dev.c', 'arch/x86/include/asm/atomic.h', 'arch/x86/kernel/x.c'])
    ).toEqual(['x86'])
    expect(archesOf(['include/linux/skbuff.h'])).toEqual([])
  })
})

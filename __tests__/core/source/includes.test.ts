import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { includedSources } from '../../../src/core/source/includes.js'
import { FIXTURES } from '../dumps/load-fixture.js'

describe('includedSources', () => {
  it('lists quoted .c includes as repository paths, not headers, comments or strings', () => {
    const text = [
      '#include <linux/sched.h>',
      '#include "sched.h"',
      '#include "idle.c"',
      '#ifdef CONFIG_SMP',
      '# include "cpudeadline.c"',
      '#endif',
      '#include "../locking/w.c"',
      '/* #include "commented.c" */',
      'const char *s = "#include \\"string.c\\"";',
      '#include "idle.c"'
    ].join('\n')
    expect(includedSources(text, 'kernel/sched/build_policy.c')).toEqual([
      'kernel/sched/idle.c',
      'kernel/sched/cpudeadline.c',
      'kernel/locking/w.c'
    ])
    expect(includedSources('#include "a.c"\n', 'top.c')).toEqual(['a.c'])
  })

  it('reads the real GCC fixture', () => {
    const dir = join(FIXTURES, 'review-reach')
    const text = readFileSync(join(dir, 'kernel/sched/policy.c'), 'utf8')
    expect(includedSources(text, 'kernel/sched/policy.c')).toEqual([
      'kernel/sched/rt.c',
      'kernel/sched/dl.c'
    ])
  })
})

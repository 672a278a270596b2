import { join } from 'node:path'
import type { Report } from '../../../src/core/model.js'
import { FIXTURES } from '../dumps/load-fixture.js'
import { runFixture } from '../../helpers/fixture-run.js'

/**
 * Real GCC fixture: include/strp.h makes msg_ready a byte of its own in two structs (6.1.187's
 * include/net/tls.h). It moves, the size stays. objdump of lib/use.c before and after: only
 * read_flag, which reads struct flagged's msg_ready, changes; read_len, read_skb and read_stopped
 * (struct strp's other members) do not.
 */
const DIR = join(FIXTURES, 'header-untouched')

const typeFindings = (r: Report): string[] =>
  r.findings.filter(f => f.kind === 'type-change').map(f => `${f.severity} ${f.message}`)

describe('a member that moves where no code found reads it (real GCC)', () => {
  // Not downgraded on purpose: the search for readers is lexical, and a hostile review (twenty-
  // fourth session) found readers it cannot see: a positional initializer (`{1, 1, 7, 0}`), an
  // `offsetof(struct s,` split over two lines, the same in the fix's own new code.
  it('lists the reader of the other struct and keeps both layout changes unresolved', async () => {
    const r = await runFixture(DIR)
    expect(r.affected.map(a => `${a.name} ${a.tier}`)).toEqual(['read_flag layout'])
    expect(typeFindings(r)).toEqual([
      expect.stringMatching(/^unresolved struct flagged: .*msg_ready move.*1 function in 1 TUs/),
      expect.stringMatching(/^unresolved struct strp: .*msg_ready move.*0 functions in 1 TUs/)
    ])
  })
})

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runPipeline } from '../../../src/app/pipeline.js'
import { fixAccesses } from '../../../src/core/impact/fix-accesses.js'
import { parsePatch } from '../../../src/core/diff/patch.js'
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
const PATCH = readFileSync(join(DIR, 'fix.patch'), 'utf8')

const typeFindings = (r: Report): string[] =>
  r.findings.filter(f => f.kind === 'type-change').map(f => `${f.severity} ${f.message}`)

describe('a member that moves where no code reads it (real GCC)', () => {
  it('is a warning, not a doubt, when nothing built and nothing the fix writes touches it', async () => {
    const r = await runFixture(DIR)
    expect(r.affected.map(a => `${a.name} ${a.tier}`)).toEqual(['read_flag layout'])
    expect(typeFindings(r)).toEqual([
      expect.stringMatching(/^unresolved struct flagged: .*msg_ready move.*1 function in 1 TUs/),
      expect.stringMatching(
        /^warning struct strp: .*msg_ready move .*no function of the 1 TUs that see it touches the moved members, and the fix's own lines access none of msg_ready: no compiled code changes/
      )
    ])
  })

  it('stays unresolved when the fix itself reads a member that moves', async () => {
    const use = readFileSync(join(DIR, 'lib/use.c'), 'utf8').split('\n')
    const at = use.indexOf('int read_len(struct strp *s)')
    const hunk = [
      '--- a/lib/use.c',
      '+++ b/lib/use.c',
      `@@ -${at + 1},3 +${at + 1},3 @@`,
      ` ${use[at]}`,
      ` ${use[at + 1]}`,
      `-${use[at + 2]}`,
      `+\treturn sink(s->len + s->msg_ready);`,
      ''
    ].join('\n')
    const r = await runPipeline({
      dumps: [{ label: 'x86_64', paths: [DIR] }],
      diff: PATCH + hunk,
      source: DIR,
      livepatch: [],
      policy: ['missing']
    })
    expect(typeFindings(r)).toEqual([
      expect.stringMatching(/^unresolved struct flagged: /),
      expect.stringMatching(/^unresolved struct strp: .*msg_ready move.*0 functions in 1 TUs/)
    ])
  })
})

describe('fixAccesses', () => {
  it('reads ->m, .m and m) from added lines only, not declarations or removed lines', () => {
    const { files } = parsePatch(
      [
        '--- a/x.c',
        '+++ b/x.c',
        '@@ -1,3 +1,5 @@',
        '-\tp->gone = 1;',
        '+\trefcount_t refcnt;',
        '+\tp->refcnt = s.len;',
        '+\tq = container_of(p, struct t, node);',
        ' \tkeep();',
        '+\tx = { .init = 1 };',
        ''
      ].join('\n'),
      1
    )
    const names = fixAccesses(
      files.map(f => ({ patch: f, path: 'x.c', oldText: '', newText: null }))
    )
    expect([...names].sort()).toEqual(['init', 'len', 'node', 'refcnt'])
  })
})

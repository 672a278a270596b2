import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runPipeline } from '../../../src/app/pipeline.js'
import type { Report } from '../../../src/core/model.js'
import { FIXTURES } from '../dumps/load-fixture.js'

/**
 * Real GCC fixture: include/host.h gets `int eh` inserted after host.flags, so `nr`, `link` and the
 * flexible array `data[] __attribute__((aligned(...)))` move. lib/drv.c reads `nr` through its own
 * macro HOST_NR and through the header's host_nr_of (neither function writes `->nr`), `data`
 * through the inline host_priv, and `link`'s offset through container_of; objdump of the objects
 * before and after shows all of them change and drv_flags does not.
 */
const DIR = join(FIXTURES, 'header-member-reach')

function run(): Promise<Report> {
  return runPipeline({
    dumps: [{ label: 'x86_64', paths: [DIR] }],
    diff: readFileSync(join(DIR, 'fix.patch'), 'utf8'),
    source: DIR,
    livepatch: [],
    policy: ['missing']
  })
}

describe('moved members reached through attributes and access macros (real GCC)', () => {
  it('names a member declared before an attribute, and users of a macro that is the access', async () => {
    const r = await run()
    expect(
      r.affected.map(a => `${a.name} ${a.tier}: ${a.chain.map(s => s.name).join(' > ')}`)
    ).toEqual([
      'drv_from_link layout: drv_from_link',
      'drv_nr layout: drv_nr',
      'drv_nr_of layout: drv_nr_of',
      'drv_priv layout: host_priv > drv_priv',
      'host_priv layout: host_priv'
    ])
    expect(r.affected.map(a => a.chain[0].reason)).toEqual([
      'touches moved members of struct host',
      'touches moved members of struct host (through HOST_NR)',
      'touches moved members of struct host',
      'touches moved members of struct host',
      'touches moved members of struct host'
    ])
    expect(r.findings.filter(f => f.kind === 'type-change').map(f => f.message)).toEqual([
      expect.stringMatching(/^struct host: eh inserted, removed or resized: nr, link, data move;/)
    ])
  })
})

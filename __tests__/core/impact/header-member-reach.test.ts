import { join } from 'node:path'
import type { Report } from '../../../src/core/model.js'
import { FIXTURES } from '../dumps/load-fixture.js'
import { runFixture } from '../../helpers/fixture-run.js'

/**
 * Real GCC fixture: include/host.h gets `int eh` inserted after host.flags, so `nr`, `link` and the
 * flexible array `data[] __attribute__((aligned(...)))` move. lib/drv.c reads `nr` through its own
 * macro HOST_NR and through the header's host_nr_of (neither function writes `->nr`), `data`
 * through the inline host_priv, `link`'s offset through container_of (also two macros deep, in
 * drv_obj_flags: obj_host calls node_host, the container_of), and `nr` in host_show_count,
 * which the macro call `host_attr(nr, count)` makes (`h->field`); drv_typedef through `host_t`;
 * drv_path through HGET((struct host *)p, link.next), a path into `link` after a cast; drv_nr2
 * through HOST_NR2, a macro calling host_nr_of (as i915's GRAPHICS_VER calls RUNTIME_INFO),
 * drv_dev_nr passing it `d->owner`, a pointer member of another struct, and drv_dev_link through
 * include/dev.h's DEV_LINK, a macro going `->owner->link`. objdump of the objects before and after shows all of
 * them change, and drv_flags, host_show_flags (`h->flags`), drv_after (after a generator called
 * with no `;`) and drv_dev_flags (`d->owner` passed to a macro reading `->flags`) do not.
 */
const DIR = join(FIXTURES, 'header-member-reach')

const run = (): Promise<Report> => runFixture(DIR)

describe('moved members reached through attributes and access macros (real GCC)', () => {
  it('names a member declared before an attribute, and users of a macro that is the access', async () => {
    const r = await run()
    expect(
      r.affected.map(a => `${a.name} ${a.tier}: ${a.chain.map(s => s.name).join(' > ')}`)
    ).toEqual([
      'drv_dev_link layout: drv_dev_link',
      'drv_dev_nr layout: drv_dev_nr',
      'drv_from_link layout: drv_from_link',
      'drv_nr layout: drv_nr',
      'drv_nr2 layout: drv_nr2',
      'drv_nr_of layout: drv_nr_of',
      'drv_obj_flags layout: drv_obj_flags',
      'drv_path layout: drv_path',
      'drv_priv layout: host_priv > drv_priv',
      'drv_typedef layout: drv_typedef',
      'host_priv layout: host_priv',
      'host_show_again layout: host_show_again',
      'host_show_count layout: host_show_count'
    ])
    const through = r.affected
      .filter(a => a.chain[0].reason !== 'touches moved members of struct host')
      .map(a => `${a.name}: ${a.chain[0].reason}`)
    expect(through).toEqual([
      'drv_dev_link: touches moved members of struct host (through .owner)',
      'drv_dev_nr: touches moved members of struct host (through .owner)',
      'drv_nr: touches moved members of struct host (through HOST_NR)',
      'drv_obj_flags: touches moved members of struct host (through obj_host)'
    ])
    expect(r.findings.filter(f => f.kind === 'type-change').map(f => f.message)).toEqual([
      expect.stringMatching(/^struct host: eh inserted, removed or resized: nr, link, data move;/)
    ])
  })
})

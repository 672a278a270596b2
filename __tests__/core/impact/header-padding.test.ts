import { join } from 'node:path'
import type { Report } from '../../../src/core/model.js'
import { FIXTURES } from '../dumps/load-fixture.js'
import { runFixture } from '../../helpers/fixture-run.js'

/**
 * Real GCC fixture: include/dev.h gets `unsigned int mask_bits` inserted after page_size, into the
 * hole before the 8-aligned clk, in a struct that cannot be laid out whole (its last member has
 * an attribute). objdump of the objects before and after: read_shift and read_msix change;
 * read_clk, read_tail, read_size (sizeof) and read_outer (a member after the struct held by value
 * in another) do not (6.1.187's xhci.h `dma_mask_bits`: 2 members move, not 46). The same fix puts
 * `char flag` into struct flags' padding before c: nothing moves, read_c and read_p do not change.
 */
const DIR = join(FIXTURES, 'header-padding')

const run = (): Promise<Report> => runFixture(DIR)

describe('a member inserted into padding, the struct not laid out whole (real GCC)', () => {
  it('moves only the members before the hole: their readers, not every later member, size or embedder', async () => {
    const r = await run()
    expect(r.affected.map(a => `${a.name} ${a.tier}`)).toEqual([
      'read_msix layout',
      'read_shift layout'
    ])
    expect(r.findings.filter(f => f.kind === 'type-change').map(f => f.message)).toEqual([
      expect.stringMatching(
        /^struct dev: mask_bits added: msix_count, page_shift move \(exact x86_64 layout: the other members keep their offsets, and the size and alignment are kept\);/
      ),
      // Into the padding before c: nothing moves, no reader of flags is listed (objdump agrees).
      expect.stringMatching(
        /^struct flags: every existing member keeps its offset and type, so are the size and alignment .*: no existing code changes\. New flag sit in padding/
      )
    ])
    expect(r.findings.find(f => f.message.startsWith('struct flags'))?.severity).toBe('warning')
  })
})

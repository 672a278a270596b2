import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runPipeline } from '../../../src/app/pipeline.js'
import type { Report } from '../../../src/core/model.js'
import { FIXTURES } from '../dumps/load-fixture.js'

/**
 * Real GCC fixture: include/ata.h gains `#define RBUF_SIZE 576`, which lib/scsi.c defines itself
 * with the same text and uses in an array size and in fill_rbuf (6.1.187's libata.h takes
 * ATA_SCSI_RBUF_SIZE from libata-scsi.c). objdump of lib/scsi.o before and after: identical.
 */
const DIR = join(FIXTURES, 'header-own-macro')
const PATCH = readFileSync(join(DIR, 'fix.patch'), 'utf8')

const run = (diff: string): Promise<Report> =>
  runPipeline({
    dumps: [{ label: 'x86_64', paths: [DIR] }],
    diff,
    source: DIR,
    livepatch: [],
    policy: ['missing']
  })

describe('a new header macro a file already defines (real GCC)', () => {
  it('changes nothing below the file’s own identical #define', async () => {
    const r = await run(PATCH)
    expect(r.affected).toEqual([])
    expect(r.findings.filter(f => f.kind === 'macro-change' || f.kind === 'global-change')).toEqual(
      [
        expect.objectContaining({
          kind: 'macro-change',
          severity: 'info',
          message: expect.stringMatching(/^#define RBUF_SIZE is new: nothing in /) as unknown
        })
      ]
    )
  })

  it.each([
    [
      'only under #ifdef (it may not be in effect)',
      '#ifdef CONFIG_ATA_BIG\n#define RBUF_SIZE\t576\n#endif\n'
    ],
    ['and takes it back (#undef)', '#define RBUF_SIZE\t576\n#undef RBUF_SIZE\n']
  ])('keeps the users when the file defines it %s', async (_, own) => {
    const dir = mkdtempSync(join(tmpdir(), 'own-macro-'))
    try {
      cpSync(DIR, dir, { recursive: true })
      const scsi = join(dir, 'lib/scsi.c')
      writeFileSync(scsi, readFileSync(scsi, 'utf8').replace('#define RBUF_SIZE\t576\n', own))
      const r = await runPipeline({
        dumps: [{ label: 'x86_64', paths: [dir] }],
        diff: PATCH,
        source: dir,
        livepatch: [],
        policy: ['missing']
      })
      expect(r.affected.map(a => a.name)).toEqual(['fill_rbuf'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('keeps the users, the data spelling among them, when the texts differ', async () => {
    const r = await run(PATCH.replace('+#define RBUF_SIZE\t576', '+#define RBUF_SIZE\t577'))
    expect(r.affected.map(a => a.name)).toEqual(['fill_rbuf'])
    expect(r.findings.find(f => f.kind === 'global-change')).toMatchObject({
      severity: 'unresolved',
      message: expect.stringContaining('lib/scsi.c:6') as unknown
    })
  })
})

import { foldExportEchoes } from '../../../src/core/exact/export-echo.js'
import type { Finding } from '../../../src/core/model.js'

// The messages as the mapper (decls/top-level.ts) and the object comparison (exact/data-findings.ts) write them.
const mapper = (name: string, what: string): Finding => ({
  kind: 'export-change',
  severity: 'unresolved',
  file: 'kernel/user.c',
  line: 170,
  functions: [name],
  message: `the export of existing symbol ${name} is ${what}: it changes the kernel's symbol table (__ksymtab), and a livepatch cannot add, remove or change exports`
})
const objects = (name: string, how: string, set = 'x86_64'): Finding => ({
  kind: 'export-change',
  severity: 'unresolved',
  set,
  file: 'kernel/user.c',
  functions: [name],
  message: `export table entry __ksymtab_${name} of kernel/user.c ${how} in the patched build: modules resolve against the running kernel's __ksymtab, which a livepatch cannot change`
})

describe('foldExportEchoes', () => {
  it('names an export the diff adds once, saying the patched build agrees', () => {
    const out = foldExportEchoes([mapper('free_uid', 'added')], [objects('free_uid', 'is added')])
    expect(out.objects).toEqual([])
    expect(out.source).toHaveLength(1)
    expect(out.source[0].message).toMatch(
      /is added: .* \(the patched build's export table agrees: x86_64\)$/
    )
  })

  it('keeps both when they disagree, and what the diff did not name', () => {
    const other = objects('scsi_scan_host', 'is removed')
    const out = foldExportEchoes(
      [mapper('free_uid', 'added')],
      [objects('free_uid', 'is removed'), other]
    )
    expect(out.objects).toHaveLength(2)
    expect(out.source[0].message).not.toMatch(/agrees/)
  })

  it('lists every set whose build agrees, and leaves other kinds alone', () => {
    const data: Finding = { ...objects('x', 'is added'), kind: 'global-change' }
    const out = foldExportEchoes(
      [mapper('xdr_shift_buf', 'removed')],
      [
        objects('xdr_shift_buf', 'is removed', 'x86_64'),
        objects('xdr_shift_buf', 'is removed', 'arm64'),
        data
      ]
    )
    expect(out.objects).toEqual([data])
    expect(out.source[0].message).toMatch(/agrees: arm64, x86_64\)$/)
  })
})

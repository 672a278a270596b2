import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runPipeline } from '../../src/app/pipeline.js'

const EXAMPLE = fileURLToPath(new URL('../../examples/route-flow-key', import.meta.url))
let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'klp-nomod-'))
  cpSync(join(EXAMPLE, 'dumps'), dir, { recursive: true })
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const run = () =>
  runPipeline({
    dumps: [{ label: 'x86_64', paths: [dir] }],
    diff: readFileSync(join(EXAMPLE, 'fix.patch'), 'utf8'),
    source: join(EXAMPLE, 'src'),
    livepatch: [join(EXAMPLE, 'livepatch.c')],
    policy: ['missing', 'unresolved']
  })

describe('a module modules.order lists without its .mod file', () => {
  it('is a finding naming it, not a silent vmlinux', async () => {
    const before = await run()
    expect(before.findings.filter(f => f.kind === 'module-objects-unknown')).toEqual([])
    rmSync(join(dir, 'fs/efivarfs/efivarfs.mod'))
    const after = await run()
    const found = after.findings.filter(f => f.kind === 'module-objects-unknown')
    expect(found.map(f => [f.severity, f.set])).toEqual([['warning', 'x86_64']])
    expect(found[0].message).toContain('fs/efivarfs/efivarfs.mod')
  })
})

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runPipeline } from '../../../src/app/pipeline.js'
import { FIXTURES } from '../dumps/load-fixture.js'

/**
 * Real GCC fixture: include/bitwise.h renames enumerator BITWISE_BOOL to BITWISE_MASK_XOR and
 * keeps the old name as `#define BITWISE_BOOL BITWISE_MASK_XOR` (6.1.176's
 * uapi/linux/netfilter/nf_tables.h, NFT_BITWISE_BOOL). lib/bitwise.c spells the old name in a
 * function; objdump of lib/bitwise.o before and after: identical.
 */
const DIR = join(FIXTURES, 'header-enum-rename')

describe('an enumerator renamed, its old name kept by a #define (real GCC)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'klp-enum-rename-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('says the value is kept, and does not take the old enumerator’s own line for data', async () => {
    const list = join(dir, 'functions.list')
    writeFileSync(list, 'bitwise_eval\n')
    const r = await runPipeline({
      dumps: [{ label: 'x86_64', paths: [DIR] }],
      diff: readFileSync(join(DIR, 'fix.patch'), 'utf8'),
      source: DIR,
      livepatch: [list],
      policy: ['missing', 'unresolved']
    })
    expect(r.findings.filter(f => f.severity === 'unresolved')).toEqual([])
    expect(r.result).toBe('pass')
    expect(r.findings.find(f => f.kind === 'type-change')?.message).toMatch(
      /^enum bitwise_ops: BITWISE_BOOL is renamed BITWISE_MASK_XOR, at the same value: no stored value changes; 1 function spell the old names and are required\.$/
    )
    // The function spelling the old name stays required: the #define is a change of its own.
    expect(r.affected.map(a => `${a.name} ${a.tier}`)).toEqual(['bitwise_eval required'])
  })
})

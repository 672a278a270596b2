import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { readObject } from '../../../src/adapters/objects/readelf.js'
import { parseTuGraph, type TuGraph } from '../../../src/core/dumps/tu-graph.js'
import { walkForward } from '../../../src/core/graph/walk.js'
import type { ElfObject } from '../../../src/core/objects/elf-text.js'
import { hasTool } from '../objects/object-fixtures.js'

const TEST_DIR = fileURLToPath(new URL('.', import.meta.url))
const DIR = resolve(TEST_DIR, '../../../fixtures/kernel-objects/io_uring')
const withReadelf = hasTool('readelf') ? describe : describe.skip

/** kmalloc()'s out-of-line entries in 6.1 (include/linux/slab.h): what its inlined body calls. */
const KMALLOC_ENTRIES = new Set([
  '__kmalloc',
  'kmalloc_trace',
  'kmalloc_large',
  '__kmalloc_node',
  'kmalloc_node_trace',
  'kmalloc_large_node'
])

/** What each emitted function's code (with its `.cold` part) references, by symbol name. */
function references(obj: ElfObject): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>()
  for (const fn of obj.symbols) {
    if (!fn || fn.type !== 'FUNC' || fn.size === 0 || typeof fn.shndx !== 'number') continue
    const own = fn.name.replace(/\.cold$/, '')
    const set = out.get(own) ?? new Set<string>()
    for (const r of obj.relocs.get(fn.shndx) ?? [])
      if (r.offset >= fn.value && r.offset < fn.value + fn.size)
        set.add(obj.symbols[r.symbol]?.name ?? '')
    out.set(own, set)
  }
  return out
}

/** The emitted functions whose code holds `start`'s body: in dump order, or as a plain closure. */
function holders(g: TuGraph, start: string, emitted: Set<string>, ordered: boolean): string[] {
  const ids = new Set(g.byName.get(start) ?? [])
  if (ordered) for (const id of walkForward(g, ids, () => []).keys()) ids.add(id)
  else
    for (let grew = true; grew;) {
      grew = false
      for (const e of g.edges) if (ids.has(e.from) && !ids.has(e.to)) grew = Boolean(ids.add(e.to))
    }
  return [...new Set([...ids].map(id => g.nodes[id].name))].filter(n => emitted.has(n)).sort()
}

withReadelf('the dump-order rule against a real kernel object (io_uring/rsrc.c, 6.1.187)', () => {
  let refs: Map<string, Set<string>>
  let graph: TuGraph
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'klp-rsrc-'))
    try {
      const path = join(dir, 'rsrc.o')
      writeFileSync(path, gunzipSync(readFileSync(join(DIR, 'rsrc.o.gz'))))
      refs = references(await readObject(path))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    const dump = gunzipSync(readFileSync(join(DIR, 'rsrc.c.000i.ipa-clones.gz'))).toString('utf8')
    graph = parseTuGraph('io_uring/rsrc.c', 'tu', dump)
  })

  it('io_files_update calls io_rsrc_node_switch_start and holds no allocation code', () => {
    const calls = refs.get('io_files_update') ?? new Set()
    expect(calls.has('io_rsrc_node_switch_start')).toBe(true)
    expect([...calls].filter(c => KMALLOC_ENTRIES.has(c))).toEqual([])
  })

  it('the functions holding kmalloc code are exactly those the dump-order walk names', () => {
    const emitted = new Set(refs.keys())
    const inCode = [...refs]
      .filter(([, calls]) => [...calls].some(c => KMALLOC_ENTRIES.has(c)))
      .map(([name]) => name)
      .sort()
    expect(inCode).toContain('io_register_rsrc_update')
    expect(holders(graph, 'kmalloc', emitted, true)).toEqual(inCode)
    // kzalloc is kmalloc inlined with __GFP_ZERO: the same set bar kmalloc_array's own clone.
    expect(holders(graph, 'kzalloc', emitted, true)).toEqual(
      inCode.filter(n => !n.startsWith('kmalloc_array'))
    )
  })

  it('a plain closure over the same edges would add two functions the object disproves', () => {
    const emitted = new Set(refs.keys())
    const plain = holders(graph, 'kzalloc', emitted, false)
    const ordered = holders(graph, 'kzalloc', emitted, true)
    expect(plain.filter(n => !ordered.includes(n))).toEqual([
      'io_files_update',
      'io_register_files_update'
    ])
  })
})

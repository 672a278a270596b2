import {
  cpSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadDumpSet } from '../../../src/adapters/fs/load-dumps.js'
import { scanIndexFile, textDigest } from '../../../src/adapters/fs/scan-index-file.js'
import type { DumpFocus } from '../../../src/core/dumps/focus.js'
import type { IndexedDump } from '../../../src/core/scan-index/entry.js'
import { encodeScanIndex, parseScanIndex } from '../../../src/core/scan-index/format.js'
import { VERSION } from '../../../src/version.js'
import { FIXTURES } from '../../core/dumps/load-fixture.js'
import { writeTar } from './archives.js'

let tmp: string
let dumps: string
let cache: string
const ROUTE = 'net/ipv4/route.c.000i.ipa-clones'

beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'klp-scan-index-'))
  dumps = join(tmp, 'dumps')
  cache = join(tmp, 'cache')
  // Several scenarios side by side under a foreign top folder: TUs, a shared name, damage.
  for (const s of ['chain', 'constprop', 'isra', 'same-static', 'recursion'])
    cpSync(join(FIXTURES, s), join(dumps, 'top', s), { recursive: true })
  const route = readFileSync(join(FIXTURES, 'chain/chain.c.000i.ipa-clones'), 'utf8').split('\n')
  route.splice(2, 0, 'Callgraph clone;broken')
  cpSync(join(FIXTURES, 'chain/chain.c'), join(dumps, 'top/net/ipv4/route.c'))
  writeFileSync(join(dumps, 'top', ROUTE), route.join('\n'))
  writeFileSync(join(dumps, 'top/net/empty.c.000i.ipa-clones'), '')
})
afterEach(() => rmSync(tmp, { recursive: true, force: true }))

/** What a run shows of a set: its findings, counts, TUs and the answers the focus allows. */
async function load(focus: DumpFocus | undefined, indexCache?: string) {
  const { set, findings } = await loadDumpSet('x86_64', [dumps], undefined, focus, indexCache)
  return {
    findings: [...findings, ...set.findings],
    lines: set.lineCount,
    kept: set.keptCount,
    tus: set.tus(),
    mentioning: [...(focus?.names ?? [])].map(n => set.tusMentioning(n)),
    graphs: set.tus().flatMap(tu => {
      try {
        return [JSON.stringify(set.graph(tu))]
      } catch {
        return [] // outside the focus: not kept, whether read through the index or not
      }
    })
  }
}

/**
 * Rewrites the saved index with `path`'s entry reporting a planted malformed line (and `patch`):
 * what the next run reports of that dump shows where its answer came from.
 */
function plant(path: string, patch: (entry: IndexedDump) => Partial<IndexedDump>): void {
  const file = scanIndexFile(cache, 'x86_64')
  const parsed = parseScanIndex(readFileSync(file, 'utf8'), VERSION, textDigest)
  if (!parsed.ok) throw new Error(parsed.reason)
  const entry = parsed.index.lookup(path) as IndexedDump
  const fake = new Map(parsed.index.saved)
  fake.set(path, { ...entry, lineErrors: [[1, 'planted']], lineErrorCount: 1, ...patch(entry) })
  writeFileSync(file, encodeScanIndex(fake, VERSION, textDigest))
}

/**
 * Indexes the set, then damages a dump keeping its length and timestamps (only the bytes, and the
 * change time, say it changed): the next run must find the damage. Gives the index file's mtime
 * before.
 */
async function changedAfterIndexing(): Promise<number> {
  const focus = { names: ['no_such_function'], files: [] }
  await load(focus, cache)
  const first = statSync(scanIndexFile(cache, 'x86_64')).mtimeMs
  const path = join(dumps, 'top/chain/chain.c.000i.ipa-clones')
  const text = readFileSync(path, 'utf8')
  const { atime, mtime } = statSync(path)
  writeFileSync(path, text.replace('Callgraph clone;', 'Callgraph clone:'))
  utimesSync(path, atime, mtime)
  const warm = await load(focus, cache)
  expect(warm).toEqual(await load(focus))
  expect(warm.findings.some(f => f.file === 'chain/chain.c.000i.ipa-clones')).toBe(true)
  return first
}

const FOCUSES: Array<DumpFocus | undefined> = [
  undefined,
  { names: ['tidy'], files: [] },
  { names: ['a'], files: [] },
  { names: ['no_such_function'], files: ['net/ipv4/route.c'] }
]

describe('persistent scan index (adapter)', () => {
  it.each(FOCUSES.map(f => [JSON.stringify(f) ?? 'no focus', f]))(
    '%s: the same set with no index, a new one and a saved one',
    async (_name, focus) => {
      const plain = await load(focus)
      expect(plain.findings.some(f => f.file === ROUTE && f.line === 3)).toBe(true)
      const named = [...(focus?.names ?? [])].filter(n => n !== 'no_such_function')
      for (const n of named)
        expect(plain.mentioning[[...(focus?.names ?? [])].indexOf(n)]).not.toEqual([])
      const cold = await load(focus, cache)
      const file = scanIndexFile(cache, 'x86_64')
      const saved = readFileSync(file, 'utf8')
      const warm = await load(focus, cache)
      expect(cold).toEqual(plain)
      expect(warm).toEqual(plain)
      // Nothing changed: the index is not rewritten.
      expect(readFileSync(file, 'utf8')).toBe(saved)
    }
  )

  it('validates a dump whose bytes changed after indexing, and the damage is found', async () => {
    const first = await changedAfterIndexing()
    expect(statSync(scanIndexFile(cache, 'x86_64')).mtimeMs).toBeGreaterThanOrEqual(first)
    expect(readFileSync(scanIndexFile(cache, 'x86_64'), 'utf8')).toContain('"lc":1')
  })

  it('ignores a corrupt or foreign index with a note, and writes a good one', async () => {
    const focus = { names: ['tidy'], files: [] }
    const plain = await load(focus)
    await load(focus, cache)
    const file = scanIndexFile(cache, 'x86_64')
    const good = readFileSync(file, 'utf8')
    // An entry edited to hide the damage: the checksum no longer holds, nothing of it is used.
    writeFileSync(file, good.replace(/"lc":1,"le":\[\[3,[^\]]*\]\]/, '"lc":0'))
    const tampered = await load(focus, cache)
    const notes = tampered.findings.filter(f => f.kind === 'scan-index')
    expect(notes).toEqual([
      expect.objectContaining({
        severity: 'warning',
        set: 'x86_64',
        message: expect.stringMatching(/checksum; ignored, every dump is validated$/) as string
      })
    ])
    expect({
      ...tampered,
      findings: tampered.findings.filter(f => f.kind !== 'scan-index')
    }).toEqual(plain)
    expect(readFileSync(file, 'utf8')).toBe(good)
    writeFileSync(file, good.replace(/"engine":"[^"]*"/, '"engine":"0.0.0-other"'))
    const foreign = await load(focus, cache)
    expect(foreign.findings.filter(f => f.kind === 'scan-index')).toEqual([
      expect.objectContaining({ severity: 'info' })
    ])
    expect(readFileSync(file, 'utf8')).toBe(good)
    expect(await load(focus, cache)).toEqual(plain)
  })

  it('answers from the index: an entry for these bytes is what the run reports', async () => {
    const focus = { names: ['tidy'], files: [] }
    await load(focus, cache)
    const path = 'chain/chain.c.000i.ipa-clones'
    plant(path, () => ({}))
    const warm = await load(focus, cache)
    expect(warm.findings.filter(f => f.file === path).map(f => f.message)).toEqual([
      `${path}:1: planted`
    ])
  })

  it('says so when the dumps come from an archive, which the index does not serve', async () => {
    const archive = join(tmp, 'dumps.tar.gz')
    const body = readFileSync(join(FIXTURES, 'chain/chain.c.000i.ipa-clones'), 'utf8')
    await writeTar(archive, [{ name: 'chain.c.000i.ipa-clones', body }], true)
    const { findings } = await loadDumpSet('x86_64', [archive], undefined, undefined, cache)
    expect(findings).toEqual([
      expect.objectContaining({
        kind: 'scan-index',
        severity: 'info',
        message: expect.stringContaining('come from archives') as string
      })
    ])
  })

  it('forgets dumps that left the set', async () => {
    await load(undefined, cache)
    rmSync(join(dumps, 'top/recursion'), { recursive: true })
    await load(undefined, cache)
    expect(readFileSync(scanIndexFile(cache, 'x86_64'), 'utf8')).not.toContain('recursion')
  })
})

/**
 * With the change-time window at 0 (the default waits seconds, for coarse clocks), entries carry
 * the file's stat and a dump the summary rules out is not even read.
 */
describe('persistent scan index: unchanged files are not read', () => {
  const before = process.env.KLP_AFFECTED_INDEX_STABLE_MS
  beforeAll(() => (process.env.KLP_AFFECTED_INDEX_STABLE_MS = '0'))
  afterAll(() => {
    if (before === undefined) delete process.env.KLP_AFFECTED_INDEX_STABLE_MS
    else process.env.KLP_AFFECTED_INDEX_STABLE_MS = before
  })

  it.each(FOCUSES.map(f => [JSON.stringify(f) ?? 'no focus', f]))(
    '%s: the same set from entries trusted by their stat',
    async (_name, focus) => {
      const plain = await load(focus)
      await load(focus, cache)
      expect(readFileSync(scanIndexFile(cache, 'x86_64'), 'utf8')).toMatch(
        /"s":"\d+:\d+:\d+:\d+(?:\.\d+)?:\d+(?:\.\d+)?"/
      )
      expect(await load(focus, cache)).toEqual(plain)
    }
  )

  it('answers from an entry whose stat the file still has, without reading it', async () => {
    const focus = { names: ['no_such_function'], files: [] }
    await load(focus, cache)
    const path = 'chain/chain.c.000i.ipa-clones'
    // A digest no read could match: only an answer given without reading keeps the planted line.
    plant(path, entry => {
      expect(entry.stat).toBeDefined()
      return { hash: 'not-these-bytes' }
    })
    const warm = await load(focus, cache)
    expect(warm.findings.filter(f => f.file === path).map(f => f.message)).toEqual([
      `${path}:1: planted`
    ])
    // A focus the summary cannot rule out for it: read, and taken as the entry's bytes still (the
    // same premise), without hashing them again.
    const named = await load({ names: ['a'], files: [] }, cache)
    expect(named.findings.filter(f => f.file === path).map(f => f.message)).toEqual([
      `${path}:1: planted`
    ])
    expect(named.graphs.length).toBeGreaterThan(0)
  })

  it('reads a dump changed after indexing though its size and times were put back', async () => {
    await changedAfterIndexing()
  })
})

import { createHash } from 'node:crypto'
import type { IndexedDump } from '../../../src/core/scan-index/entry.js'
import {
  encodeScanIndex,
  parseScanIndex,
  SCAN_INDEX_SCHEMA
} from '../../../src/core/scan-index/format.js'
import { ScanIndex } from '../../../src/core/scan-index/store.js'
import { coreSourcesDigest } from '../../helpers/sources-digest.js'

const digest = (t: string): string => createHash('sha256').update(t).digest('hex')

const clean: IndexedDump = {
  hash: 'aGFzaA==',
  lines: 12,
  empty: false,
  rename: { drop: 1, prepend: '' },
  lineErrors: [],
  lineErrorCount: 0,
  crossErrors: [],
  crossErrorCount: 0,
  summary: 'AgQI-_zz',
  stat: '2049:812:4096:1733400000000000000:1733400000000000000'
}
const damaged: IndexedDump = {
  hash: 'b3RoZXI=',
  lines: 40,
  empty: false,
  rename: null,
  lineErrors: [
    [3, 'not a "Callgraph clone" or "Callgraph removal" line: x'],
    [9, 'clone line has 3 fields, expected 12: Callgraph clone;a;b']
  ],
  lineErrorCount: 2,
  crossErrors: Array.from({ length: 20 }, (_, i): [number, string] => [10 + i, `order ${i}`]),
  crossErrorCount: 31,
  summary: 'AA'
}
const empty: IndexedDump = { ...clean, hash: 'ZQ==', lines: 0, empty: true }
delete empty.rename

const entries = new Map([
  ['net/ipv4/route.c.000i.ipa-clones', clean],
  ['drivers/x.c.000i.ipa-clones', damaged],
  ['empty.c.000i.ipa-clones', empty]
])

function reason(text: string, engine = '1.0'): string {
  const r = parseScanIndex(text, engine, digest)
  return r.ok ? 'ok' : `${r.problem}: ${r.reason}`
}

describe('scan index file format', () => {
  it('gives back every entry as it was saved', () => {
    const r = parseScanIndex(encodeScanIndex(entries, '1.0', digest), '1.0', digest)
    if (!r.ok) throw new Error(r.reason)
    expect(r.index.size).toBe(3)
    for (const [path, entry] of entries) expect(r.index.lookup(path)).toEqual(entry)
    expect(r.index.lookup('other.c.000i.ipa-clones')).toBeUndefined()
  })

  it('refuses an index of another version or tool as foreign', () => {
    expect(reason(encodeScanIndex(entries, '0.9', digest))).toMatch(
      /^foreign: written by klp-affected 0\.9/
    )
    expect(reason('{"some":"json"}\n')).toBe('foreign: not a klp-affected scan index')
    expect(reason('')).toMatch(/^foreign/)
    const other = encodeScanIndex(entries, '1.0', digest).replace(
      `"schema":${SCAN_INDEX_SCHEMA}`,
      `"schema":${SCAN_INDEX_SCHEMA + 1}`
    )
    expect(reason(other)).toMatch(/^foreign: .*scan schema/)
  })

  it('refuses a truncated or edited index as corrupt, whole', () => {
    const text = encodeScanIndex(entries, '1.0', digest)
    expect(reason(text.slice(0, -10))).toMatch(/^corrupt: .*checksum/)
    // One digit of a line count changed: the file still parses, its checksum does not.
    expect(reason(text.replace('"n":40', '"n":41'))).toMatch(/^corrupt: .*checksum/)
    const lines = text.split('\n')
    expect(reason([lines[0], '{not json', lines[2]].join('\n'))).toMatch(/^corrupt: .*header/)
  })

  it('refuses an index whose checksum holds but whose entries make no sense', () => {
    const bad = (patch: Partial<IndexedDump>): string =>
      reason(
        encodeScanIndex(new Map([['a.c.000i.ipa-clones', { ...damaged, ...patch }]]), '1.0', digest)
      )
    expect(bad({})).toBe('ok')
    expect(bad({ lines: -1 })).toBe('corrupt: an entry is malformed')
    expect(bad({ hash: '' })).toBe('corrupt: an entry is malformed')
    // A summary ruling dumps out without a read must be one summaryMayHold can read.
    expect(bad({ summary: '' })).toBe('corrupt: an entry is malformed')
    expect(bad({ summary: 'AB=' })).toBe('corrupt: an entry is malformed')
    expect(bad({ summary: 'ABé' })).toBe('corrupt: an entry is malformed')
    expect(bad({ stat: '' })).toBe('corrupt: an entry is malformed')
    expect(bad({ lineErrorCount: 5 })).toBe('corrupt: an entry is malformed')
    expect(bad({ crossErrors: damaged.crossErrors.slice(0, 19) })).toBe(
      'corrupt: an entry is malformed'
    )
    expect(
      bad({
        lineErrors: [
          [9, 'b'],
          [3, 'a']
        ]
      })
    ).toBe('corrupt: an entry is malformed')
  })

  it('saves what the run met: entries looked up or made, not those of dumps gone', () => {
    const r = parseScanIndex(encodeScanIndex(entries, '1.0', digest), '1.0', digest)
    if (!r.ok) throw new Error(r.reason)
    const index: ScanIndex = r.index
    index.lookup('net/ipv4/route.c.000i.ipa-clones')
    index.lookup('drivers/x.c.000i.ipa-clones')
    index.lookup('empty.c.000i.ipa-clones')
    expect(index.dirty).toBe(false)
    index.record('new.c.000i.ipa-clones', clean)
    expect(index.dirty).toBe(true)
    const again = new ScanIndex(entries)
    again.lookup('drivers/x.c.000i.ipa-clones')
    expect(again.dirty).toBe(true)
    expect([...again.saved.keys()]).toEqual(['drivers/x.c.000i.ipa-clones'])
  })
})

describe('scan index schema', () => {
  it('is bumped whenever the validator whose answers it keeps changes', () => {
    // Entries hold what these files compute (line errors and their wording, cross-line checks,
    // the path-prefix sample): an index written by other code must not be read as this one's.
    // When this fails: bump SCAN_INDEX_SCHEMA in src/core/scan-index/format.ts, then update both.
    const files = [
      'dumps/dump-line.ts',
      'dumps/consistency.ts',
      'dumps/own-path.ts',
      'dumps/dump-path.ts',
      'dumps/scanner.ts',
      'scan-index/entry.ts',
      'scan-index/name-summary.ts',
      // What the summary's keys are made with (normalizing) and must stand for (the matcher).
      'paths.ts',
      'dumps/focus.ts'
    ]
    expect({ schema: SCAN_INDEX_SCHEMA, sources: coreSourcesDigest(files) }).toEqual({
      schema: 16,
      sources: '1b7aca588a683491'
    })
  })
})

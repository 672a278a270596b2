import { jest } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Parser } from 'web-tree-sitter'
import { newCParser } from '../../../src/adapters/tree-sitter.js'
import { analyseSource } from '../../../src/core/source/locate.js'
import {
  PARSE_CACHE_SCHEMA,
  decodeParse,
  encodeParse
} from '../../../src/core/parse-cache/stored-parse.js'
import { forgetParses, keepParses, type ParseStore } from '../../../src/core/parse-cache/store.js'
import { kernelFile } from '../source/helpers.js'
import { coreSourcesDigest } from '../../helpers/sources-digest.js'

const repoFile = (path: string): string =>
  readFileSync(fileURLToPath(new URL(`../../../${path}`, import.meta.url)), 'utf8')

/** Real kernel files: SYSCALL_DEFINE and macro-made functions, attributes, a wide header. */
const SOURCES: Array<[string, string]> = [
  ['fs/read_write.c', kernelFile('fs/read_write.c')],
  ['net/ipv4/tcp.c', kernelFile('net/ipv4/tcp.c')],
  ['include/linux/tcp.h', kernelFile('include/linux/tcp.h')],
  ['drivers/base/topology.c', kernelFile('drivers/base/topology.c')],
  ['include/linux/skbuff.h', repoFile('validation/cases/header-inline/src/include/linux/skbuff.h')],
  ['net/ipv4/route.c', repoFile('examples/route-flow-key/src/net/ipv4/route.c')]
]

class MapStore implements ParseStore {
  readonly kept = new Map<string, string>()
  gets = 0
  get(text: string): string | undefined {
    this.gets++
    return this.kept.get(text)
  }
  set(text: string, stored: string): void {
    this.kept.set(text, stored)
  }
}

/** Three parsers: each keeps its own in-run cache, so each analyses every text afresh. */
let plain: Parser
let filling: Parser
let reading: Parser

beforeAll(async () => {
  ;[plain, filling, reading] = await Promise.all([newCParser(), newCParser(), newCParser()])
})

afterEach(() => {
  forgetParses(filling)
  forgetParses(reading)
})

describe('a stored parse', () => {
  it('gives the analysis a fresh parse gives, without parsing', () => {
    const store = new MapStore()
    keepParses(filling, store)
    keepParses(reading, store)
    // A parser that is asked to parse fails the test: every answer must come from the store.
    const parse = jest.spyOn(reading, 'parse').mockImplementation(() => {
      throw new Error('parsed although the parse was stored')
    })
    try {
      for (const [path, text] of SOURCES) {
        const fresh = analyseSource(plain, text)
        const made = analyseSource(filling, text)
        expect(store.kept.has(text)).toBe(true)
        const read = analyseSource(reading, text)
        expect({ path, ...made }).toEqual({ path, ...fresh })
        expect({ path, ...read }).toEqual({ path, ...fresh })
        expect(fresh.functions.length).toBeGreaterThan(0)
      }
      expect(parse).not.toHaveBeenCalled()
    } finally {
      parse.mockRestore()
    }
  })

  it('is parsed again when the stored value is not a parse', () => {
    // A text no parser of this file analysed yet: the in-run cache does not answer it.
    const text = `${kernelFile('drivers/base/topology.c')}\n`
    const store = new MapStore()
    store.kept.set(text, '{"b":[{"name":1}],"d":[]}')
    keepParses(reading, store)
    const read = analyseSource(reading, text)
    expect(store.gets).toBe(1)
    expect(read.map).toEqual(analyseSource(plain, text).map)
    expect(read.map.functions.length).toBeGreaterThan(0)
    // The parse replaced the value it could not read (with tree-sitter's bodies: the functions
    // macro invocations make are found again from the text).
    const bodies = decodeParse(store.kept.get(text) ?? '')?.bodies ?? []
    expect(bodies.length).toBeGreaterThan(0)
    expect(read.functions).toEqual(expect.arrayContaining(bodies))
  })
})

describe('decodeParse', () => {
  const body = {
    name: 'f',
    symbols: ['f'],
    startLine: 1,
    endLine: 3,
    bodyLine: 2,
    isStatic: false,
    bodyStart: 10,
    bodyEnd: 20
  }
  const good = {
    bodies: [body],
    declarations: [{ kind: 'type' as const, startLine: 5, endLine: 6 }]
  }

  it('reads what encodeParse wrote', () => {
    expect(decodeParse(encodeParse(good))).toEqual(good)
  })

  it.each([
    ['not JSON', '{"b":['],
    ['an array', '[]'],
    ['no declarations', '{"b":[]}'],
    ['a name that is not a string', JSON.stringify({ b: [{ ...body, name: 3 }], d: [] })],
    ['a missing offset', JSON.stringify({ b: [{ ...body, bodyEnd: undefined }], d: [] })],
    ['a fractional line', JSON.stringify({ b: [{ ...body, startLine: 1.5 }], d: [] })],
    [
      'attributes that are not strings',
      JSON.stringify({ b: [{ ...body, attributes: [1] }], d: [] })
    ],
    [
      'an unknown declaration kind',
      JSON.stringify({ b: [], d: [{ kind: 'x', startLine: 1, endLine: 1 }] })
    ],
    [
      'a declaration name that is not a string',
      JSON.stringify({ b: [], d: [{ kind: 'type', name: 1, startLine: 1, endLine: 1 }] })
    ]
  ])('refuses %s', (_what, stored) => {
    expect(decodeParse(stored)).toBeUndefined()
  })
})

describe('parse cache schema', () => {
  it('is bumped whenever the code whose answers a stored parse keeps changes', () => {
    // A stored parse holds what these files compute from a tree (bodies, their names, symbols,
    // attributes and offsets; the declarations) or what that reads (the masks, the macro-made
    // functions the declarations skip). When this fails: bump PARSE_CACHE_SCHEMA in
    // src/core/parse-cache/stored-parse.ts, then update both.
    const files = [
      'source/locate.ts',
      'source/attributes.ts',
      'source/definers.ts',
      'source/header.ts',
      'source/mask.ts',
      'source/macros.ts',
      'parse-cache/stored-parse.ts'
    ]
    expect({ schema: PARSE_CACHE_SCHEMA, sources: coreSourcesDigest(files) }).toEqual({
      schema: 6,
      sources: 'b9576de5bfbf0afd'
    })
  })
})

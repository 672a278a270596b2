import { renderJson, renderJsonPieces } from '../../../src/core/render/json.js'
import type { Report } from '../../../src/core/model.js'
import { mulberry32 } from '../../helpers/rng.js'

/** The renderer as it was: the sorted report stringified whole. */
function reference(report: Record<string, unknown>, order: string[]): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v === null || typeof v !== 'object'
        ? v
        : Object.fromEntries(
            Object.keys(v)
              .sort()
              .filter(k => (v as Record<string, unknown>)[k] !== undefined)
              .map(k => [k, sort((v as Record<string, unknown>)[k])])
          )
  const ordered: Record<string, unknown> = {}
  for (const k of order) ordered[k] = sort(report[k])
  for (const k of Object.keys(report).sort()) if (!(k in ordered)) ordered[k] = sort(report[k])
  return `${JSON.stringify(ordered, null, 2)}\n`
}

const ORDER = ['schemaVersion', 'tool', 'result', 'reasons', 'policy', 'sets', 'changed'].concat([
  'affected',
  'coverage',
  'findings'
])

function report(): Record<string, unknown> {
  const affected = Array.from({ length: 50 }, (_, i) => ({
    tu: `net/x${i}.c`,
    name: `f${i}`,
    chain: [
      { name: 'a', kind: 'changed' },
      { kind: 'inlined-into', name: `g${i}`, via: i % 3 === 0 ? undefined : [1, [2, {}], []] }
    ],
    note: i % 7 === 0 ? 'line\nbreak "quoted" \u2028 \u00e9 \ud83d\ude00' : undefined,
    nan: i === 4 ? NaN : i
  }))
  return {
    zeta: { b: 1, a: [] },
    findings: [],
    affected,
    schemaVersion: 1,
    tool: { version: '0.1.0', name: 'klp-affected' },
    coverage: null,
    reasons: ['one', 'two'],
    policy: [],
    changed: undefined,
    result: 'fail',
    extra: [undefined, null, 'x']
  }
}

describe('renderJsonPieces', () => {
  it('gives byte for byte the whole stringification, in pieces of any size', () => {
    const r = report()
    const want = reference(r, ORDER)
    expect(renderJson(r as unknown as Report)).toBe(want)
    for (const size of [1, 100, 1 << 20]) {
      const pieces = [...renderJsonPieces(r as unknown as Report, size)]
      expect(pieces.join('')).toBe(want)
      if (size === 1) expect(pieces.length).toBeGreaterThan(50)
    }
    expect(JSON.parse(want)).toHaveProperty('affected.7.note')
  })

  it('cuts pieces below V8 large-object size by default, so each written piece dies young', () => {
    const r = report()
    r.affected = Array.from({ length: 40 }, () => r.affected as unknown[]).flat()
    const pieces = [...renderJsonPieces(r as unknown as Report)]
    expect(pieces.join('')).toBe(reference(r, ORDER))
    expect(pieces.length).toBeGreaterThan(1)
    for (const p of pieces) expect(p.length).toBeLessThan(128 * 1024)
  })

  it('writes what the sorted stringification writes for any value (keys like indices, NaN, dates)', () => {
    const odd = {
      '10': 'ten',
      '9': 'nine',
      '01': 'not an index',
      '4294967295': 'not an index either',
      b: [undefined, () => 1, Symbol('s'), NaN, -0, Infinity, [], {}, [[]], [{}]],
      a: { f: () => 1, u: undefined, s: Symbol('s'), when: new Date(0) },
      own: { toJSON: () => 'custom', x: 1 },
      deep: { z: { y: { x: [1, { w: 'v' }] } } },
      empty: { u: undefined }
    }
    const r = { affected: [odd, odd.deep, [odd.b], 'x', 1, null], findings: odd } as unknown
    expect(renderJson(r as Report)).toBe(reference(r as Record<string, unknown>, ORDER))
  })

  it('writes what the sorted stringification writes for 2,000 random reports', () => {
    const rand = mulberry32(13)
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]
    const keys = ['a', 'b', 'Z', '0', '1', '10', '9', '01', '-1', '1.5', '4294967294', '4294967295']
    const leaves: unknown[] = [null, undefined, 0, -0, 1.5, 1e21, NaN, -Infinity, true, 'x']
    leaves.push('q"\\\n\u2028\ud800é', new Date(0), () => 1, Symbol('s'), new Map([[1, 2]]))
    const value = (depth: number): unknown => {
      const r = rand()
      if (depth === 0 || r < 0.3) return pick(leaves)
      if (r < 0.6) return Array.from({ length: Math.floor(rand() * 4) }, () => value(depth - 1))
      const o: Record<string, unknown> = {}
      for (let i = Math.floor(rand() * 5); i > 0; i--) o[pick(keys)] = value(depth - 1)
      return o
    }
    for (let n = 0; n < 2000; n++) {
      const r: Record<string, unknown> = {}
      for (const k of ['affected', 'findings', 'zeta', 'result'])
        if (rand() < 0.7) r[k] = rand() < 0.5 ? [value(4), value(3)] : value(4)
      expect(renderJson(r as unknown as Report)).toBe(reference(r, ORDER))
    }
  })

  it('renders an empty report as the whole stringification does', () => {
    expect(renderJson({} as Report)).toBe('{}\n')
    expect(renderJson({ changed: undefined } as unknown as Report)).toBe('{}\n')
  })
})

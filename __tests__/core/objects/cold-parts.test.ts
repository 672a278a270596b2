import { coldParent, foldColdParts } from '../../../src/core/objects/cold-parts.js'
import type { SymbolComparison } from '../../../src/core/objects/model.js'

const fn = (
  name: string,
  verdict: SymbolComparison['verdict'],
  detail?: string
): SymbolComparison => ({
  name,
  kind: 'function',
  verdict,
  ...(detail ? { detail } : {})
})

describe('foldColdParts', () => {
  it('names the parent of GCC cold parts only', () => {
    expect(coldParent('probe.cold')).toBe('probe')
    expect(coldParent('md_update_sb.part.0.cold')).toBe('md_update_sb.part.0')
    expect(coldParent('probe.cold.3')).toBe('probe')
    expect(coldParent('cold_boot')).toBeUndefined()
    expect(coldParent('probe.constprop.0')).toBeUndefined()
  })

  it('makes the parent changed when only its cold part changed', () => {
    expect(
      foldColdParts([fn('probe', 'unchanged'), fn('probe.cold', 'changed', 'size 61 → 64 bytes')])
    ).toEqual([fn('probe', 'changed', 'its cold part probe.cold changed: size 61 → 64 bytes')])
  })

  it('keeps a changed parent as it is, and counts a cold part made or dropped as a change', () => {
    expect(
      foldColdParts([fn('a', 'changed', 'bytes differ at +0x4'), fn('a.cold', 'changed', 'x')])
    ).toEqual([fn('a', 'changed', 'bytes differ at +0x4')])
    expect(foldColdParts([fn('b', 'unchanged'), fn('b.cold', 'added')])).toEqual([
      fn('b', 'changed', 'now has a cold part b.cold')
    ])
    expect(
      foldColdParts([fn('c', 'line-only', 'line numbers only: line 3→4'), fn('c.cold', 'removed')])
    ).toEqual([fn('c', 'changed', 'no longer has a cold part c.cold')])
  })

  it('joins line-only parts and drops the cold part of a function added or removed', () => {
    expect(
      foldColdParts([
        fn('d', 'line-only', 'line numbers only: line 3→4'),
        fn('d.cold', 'line-only', 'line numbers only: WARN/BUG line 9→10'),
        fn('e', 'unchanged'),
        fn('e.cold', 'line-only', 'line numbers only: line 5→6'),
        fn('f', 'removed'),
        fn('f.cold', 'removed'),
        fn('g.cold', 'changed', 'orphan')
      ])
    ).toEqual([
      fn(
        'd',
        'line-only',
        'line numbers only: line 3→4; line numbers only: WARN/BUG line 9→10 (in d.cold)'
      ),
      fn('e', 'line-only', 'line numbers only: line 5→6 (in e.cold)'),
      fn('f', 'removed'),
      fn('g.cold', 'changed', 'orphan')
    ])
  })
})

import { foldLocalData } from '../../../src/core/objects/local-data.js'
import type { SymbolComparison } from '../../../src/core/objects/model.js'

const fn = (name: string, verdict: SymbolComparison['verdict']): SymbolComparison => ({
  name,
  kind: 'function',
  verdict
})
const data = (
  name: string,
  dataClass: SymbolComparison['dataClass'],
  verdict: SymbolComparison['verdict'],
  detail?: string
): SymbolComparison => ({ name, kind: 'data', dataClass, verdict, ...(detail ? { detail } : {}) })

describe('foldLocalData', () => {
  const users = new Map([
    ['__UNIQUE_ID_ddebug15', new Set(['probe'])],
    ['_rs.2', new Set(['statfs', 'statfs_slow'])],
    ['limit', new Set(['probe'])]
  ])

  it('gives a changed static or descriptor to the functions that use it', () => {
    const out = foldLocalData(
      [
        fn('probe', 'unchanged'),
        fn('statfs', 'line-only'),
        fn('statfs_slow', 'changed'),
        data('__UNIQUE_ID_ddebug15', 'call-site', 'changed', 'bytes differ at +0xc'),
        data('_rs.2', 'function-local', 'changed', 'bytes differ at +0x4'),
        data('limit', 'global', 'changed', 'bytes differ at +0x0')
      ],
      [new Map<string, Set<string>>(), users]
    )
    expect(out.map(s => [s.name, s.verdict, s.detail, s.owners])).toEqual([
      [
        'probe',
        'changed',
        'its call-site descriptor __UNIQUE_ID_ddebug15 changed: bytes differ at +0xc',
        undefined
      ],
      ['statfs', 'changed', 'its static _rs.2 changed: bytes differ at +0x4', undefined],
      ['statfs_slow', 'changed', undefined, undefined],
      ['__UNIQUE_ID_ddebug15', 'changed', 'bytes differ at +0xc', ['probe']],
      ['_rs.2', 'changed', 'bytes differ at +0x4', ['statfs', 'statfs_slow']],
      // a global is never folded, whoever uses it
      ['limit', 'changed', 'bytes differ at +0x0', undefined]
    ])
  })

  it('passes a shifted line on, and keeps a changed static nobody uses as global data', () => {
    const out = foldLocalData(
      [
        fn('probe', 'unchanged'),
        data(
          '__UNIQUE_ID_ddebug15',
          'call-site',
          'line-only',
          'line numbers only: line 700→703 at +0x4'
        ),
        data('_rs.9', 'function-local', 'changed', 'bytes differ at +0x4')
      ],
      [users, new Map<string, Set<string>>()]
    )
    expect(out[0]).toEqual({
      ...fn('probe', 'line-only'),
      detail:
        'line numbers only: line 700→703 at +0x4 (in its call-site descriptor __UNIQUE_ID_ddebug15)'
    })
    expect(out[2].dataClass).toBe('global')
  })
})

import {
  MacroReach,
  type MacroIndex,
  type Paste,
  pastesIn
} from '../../../src/core/impact/macro-reach.js'

/** The search MacroReach replaces: every file's index asked about every needle, file by file. */
function naive(files: string[], roots: string[], indexOf: (f: string) => MacroIndex): string[] {
  const needles = [...roots]
  const known = new Set(needles)
  for (let i = 0; i < needles.length; i++)
    for (const f of files)
      for (const m of indexOf(f).get(needles[i]) ?? []) {
        if (!known.has(m)) needles.push(m)
        known.add(m)
      }
  return needles
}

describe('MacroReach', () => {
  const indexes = new Map<string, MacroIndex>([
    ['a.h', new Map([['obj', ['A_OBJ', 'A2']]])],
    [
      'b.h',
      new Map([
        ['A_OBJ', ['B_OF_A']],
        ['obj', ['B_OBJ']]
      ])
    ],
    [
      'c.h',
      new Map([
        ['B_OBJ', ['C_OF_B']],
        ['obj', ['C_OBJ']]
      ])
    ],
    ['x.c', new Map([['C_OF_B', ['X_LOCAL']]])],
    ['y.c', new Map([['obj', ['Y_LOCAL']]])]
  ])

  it('finds the macros of a unit in the order of a file-by-file search, and only its own', () => {
    let merged = 0
    const reach = new MacroReach(f => {
      merged++
      return indexes.get(f) ?? new Map<string, string[]>()
    })
    const units = [
      ['x.c', 'c.h', 'b.h', 'a.h'],
      ['y.c', 'a.h', 'b.h', 'c.h'],
      ['y.c', 'b.h']
    ]
    for (const files of units) {
      expect(reach.expand(files, ['obj'])).toEqual(naive(files, ['obj'], f => indexes.get(f)!))
    }
    expect(reach.expand(units[2], ['obj'])).not.toContain('X_LOCAL')
    // Each file's index is read once however many units list it.
    expect(merged).toBe(indexes.size)
  })
})

describe('MacroReach through ## pastes', () => {
  it.each<[string, Array<{ head: string; tail: string }>]>([
    ['(name) (1UL << PFA_##name)', [{ head: 'PFA_', tail: '' }]],
    ['(name) NETIF_F_##name##_BIT', [{ head: 'NETIF_F_', tail: '_BIT' }]],
    ['(x) x ## _MASK', [{ head: '', tail: '_MASK' }]],
    ['(a, b) a##b', []],
    // A fragment without a word builds no family: every `__x` would be a paste of `x`.
    ['(x) __##x', []],
    [' PFA_##name', []]
  ])('pastesIn(%j)', (rest, want) => {
    expect(pastesIn(rest)).toEqual(want)
  })

  it('adds the argument that builds the name, for the files of the unit only', () => {
    const pastes = new Map<string, Paste[]>([
      [
        'sched.h',
        pastesIn('(name, func) static inline bool task_##func(void) { return PFA_##name; }')
      ],
      ['netdev.h', pastesIn('(name) NETIF_F_##name##_BIT')],
      ['other.h', pastesIn('(name) LITER_##name')]
    ])
    const reach = new MacroReach(
      () => new Map(),
      f => pastes.get(f) ?? []
    )
    expect(
      reach.expand(['sched.h', 'netdev.h'], ['PFA_SPEC_SSB_NOEXEC', 'NETIF_F_GRO_BIT'])
    ).toEqual(['PFA_SPEC_SSB_NOEXEC', 'NETIF_F_GRO_BIT', 'SPEC_SSB_NOEXEC', 'GRO'])
    // other.h is not among the unit's files: LITER_HOST_FIRST stays alone.
    expect(reach.expand(['sched.h'], ['LITER_HOST_FIRST'])).toEqual(['LITER_HOST_FIRST'])
    // A later unit brings other.h: the name asked before is built by its paste now.
    expect(reach.expand(['sched.h', 'other.h'], ['LITER_HOST_FIRST'])).toEqual([
      'LITER_HOST_FIRST',
      'HOST_FIRST'
    ])
    // And a unit without it still does not see it.
    expect(reach.expand(['netdev.h'], ['LITER_HOST_FIRST'])).toEqual(['LITER_HOST_FIRST'])
  })
})

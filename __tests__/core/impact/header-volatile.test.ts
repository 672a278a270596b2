import { runFixture } from './fixture-run.js'

describe('a member losing volatile (real GCC: fixtures/gcc/header-volatile)', () => {
  // c_state keeps its offset and width, but GCC 12 merges a_settle's two reads once it is not
  // volatile (6.1's skc_state, read as sk->sk_state, changes 47 functions so); a_len is the same.
  it('is a retyped member, and its users through a macro are named', async () => {
    const r = await runFixture('header-volatile', ['missing', 'unresolved'])
    const found = r.findings.filter(f => f.kind === 'type-change')
    expect(found.map(f => f.severity)).toEqual(['unresolved'])
    expect(found[0].message).toContain('c_state change type')
    expect(found[0].message).toContain('a_settle')
    expect(found[0].message).not.toContain('a_len')
    expect(r.result).toBe('fail')
  })
})

import { computeCoverage } from '../../../src/core/coverage/coverage.js'
import { evaluatePolicy } from '../../../src/core/coverage/policy.js'
import type { AffectedFunction, DeclaredFunction, Finding } from '../../../src/core/model.js'
import { DATA_CHANGE } from '../render/reports.js'

function aff(name: string, over: Partial<AffectedFunction> = {}): AffectedFunction {
  return {
    set: 'x86_64',
    name,
    tu: 'net/ipv4/tcp_input.c',
    object: 'vmlinux',
    tier: 'required',
    symbol: 'present',
    origin: 'tcp_validate_incoming',
    chain: [{ kind: 'changed', name: 'tcp_validate_incoming' }],
    ...over
  }
}
function decl(name: string, over: Partial<DeclaredFunction> = {}): DeclaredFunction {
  return { object: 'vmlinux', name, source: 'livepatch.c:10', ...over }
}
const unresolved: Finding = {
  kind: 'no-dump',
  severity: 'unresolved',
  message: 'no dump for net/ipv4/tcp.c',
  file: 'net/ipv4/tcp.c'
}
const names = (xs: AffectedFunction[]): string[] => xs.map(a => `${a.set}/${a.name}`)

describe('computeCoverage', () => {
  it('splits affected functions into missing, review, covered and extra', () => {
    const c = computeCoverage(
      [
        aff('tcp_rcv_established'),
        aff('tcp_v4_do_rcv'),
        aff('tcp_v4_rcv', { tier: 'review' }),
        aff('tcp_validate_incoming', { symbol: 'removed' })
      ],
      [decl('tcp_v4_do_rcv'), decl('tcp_sendmsg')],
      [unresolved, { kind: 'comment-only', severity: 'info', message: 'x' }]
    )
    expect(names(c.missing)).toEqual(['x86_64/tcp_rcv_established'])
    expect(names(c.review)).toEqual(['x86_64/tcp_v4_rcv'])
    expect(c.covered.map(x => x.declared.name)).toEqual(['tcp_v4_do_rcv'])
    expect(c.extra.map(d => d.name)).toEqual(['tcp_sendmsg'])
    expect(c.unresolved).toEqual([unresolved])
    expect(c.declaredRemoved).toBeUndefined()
  })

  it('never reports removed symbols as missing; declaring one is extra and flagged', () => {
    const removed = aff('tcp_validate_incoming', { symbol: 'removed' })
    const c = computeCoverage([removed], [decl('tcp_validate_incoming')], [])
    expect(c.missing).toEqual([])
    expect(c.extra.map(d => d.name)).toEqual(['tcp_validate_incoming'])
    expect(c.declaredRemoved).toEqual([
      { declared: decl('tcp_validate_incoming'), affected: removed }
    ])
  })

  it('matches by object, with * and unknown objects matching any', () => {
    const c = computeCoverage(
      [
        aff('nft_setelem_data_deactivate', { object: 'nf_tables' }),
        aff('nft_do_chain', { object: 'nf_tables' }),
        aff('ip6t_do_table', { object: null })
      ],
      [
        decl('nft_setelem_data_deactivate', { object: 'vmlinux' }),
        decl('nft_do_chain', { object: '*' }),
        decl('ip6t_do_table', { object: 'ip6_tables' })
      ],
      []
    )
    expect(names(c.missing)).toEqual(['x86_64/nft_setelem_data_deactivate'])
    expect(c.covered.map(x => x.affected.name)).toEqual(['ip6t_do_table', 'nft_do_chain'])
    expect(c.extra.map(d => `${d.object}:${d.name}`)).toEqual([
      'vmlinux:nft_setelem_data_deactivate'
    ])
  })

  it('compares sympos only when both sides have one', () => {
    const c = computeCoverage(
      [aff('skb_release_data', { sympos: 2 }), aff('kfree_skb_list', { sympos: 2 })],
      [decl('skb_release_data', { sympos: 1 }), decl('kfree_skb_list')],
      []
    )
    expect(names(c.missing)).toEqual(['x86_64/skb_release_data'])
    expect(c.covered.map(x => x.affected.name)).toEqual(['kfree_skb_list'])
    expect(c.extra.map(d => d.sympos)).toEqual([1])
  })

  it('covers one copy per old_sympos when the copies are not told apart', () => {
    const copies = [aff('dup_fn', { tu: 'kernel/a.c' }), aff('dup_fn', { tu: 'kernel/b.c' })]
    const one = computeCoverage(copies, [decl('dup_fn', { sympos: 1 })], [])
    expect(one.covered.map(x => x.affected.tu)).toEqual(['kernel/a.c'])
    expect(one.missing.map(a => a.tu)).toEqual(['kernel/b.c'])
    const two = computeCoverage(
      copies,
      [decl('dup_fn', { sympos: 1 }), decl('dup_fn', { sympos: 2 })],
      []
    )
    expect(two.missing).toEqual([])
    expect(two.covered).toHaveLength(2)
  })

  it('lists a function once per set, required winning over review', () => {
    const c = computeCoverage(
      [
        aff('tcp_rcv_established', { set: 's390x', origin: 'tcp_ack' }),
        aff('tcp_rcv_established', { set: 'x86_64', tier: 'review', origin: 'tcp_ack' }),
        aff('tcp_rcv_established', { set: 'x86_64', origin: 'tcp_validate_incoming' }),
        aff('tcp_rcv_established', { set: 'x86_64', origin: 'tcp_ack' })
      ],
      [],
      []
    )
    expect(c.missing.map(a => `${a.set}/${a.origin}`)).toEqual(['s390x/tcp_ack', 'x86_64/tcp_ack'])
    expect(c.review).toEqual([])
  })

  it('keeps a declaration needed by one set only out of extra', () => {
    const c = computeCoverage(
      [aff('__x64_sys_ioperm', { set: 'x86_64' }), aff('tcp_ack', { set: 'aarch64' })],
      [decl('__x64_sys_ioperm'), decl('tcp_ack')],
      []
    )
    expect(c.extra).toEqual([])
    expect(c.covered.map(x => x.affected.set)).toEqual(['aarch64', 'x86_64'])
  })

  it('is independent of input order', () => {
    const affected = [aff('b'), aff('a', { set: 'ppc64le' }), aff('c', { tier: 'review' }), aff('a')]
    const declared = [decl('z'), decl('y')]
    const one = computeCoverage(affected, declared, [])
    const two = computeCoverage([...affected].reverse(), [...declared].reverse(), [])
    expect(two).toEqual(one)
    expect(names(one.missing)).toEqual(['ppc64le/a', 'x86_64/a', 'x86_64/b'])
  })
})

describe('evaluatePolicy', () => {
  const affected = [aff('tcp_rcv_established'), aff('tcp_v4_rcv', { tier: 'review' })]
  const coverage = computeCoverage(affected, [], [unresolved])

  it('fails on each tripped item, with one line each, in a fixed order', () => {
    const r = evaluatePolicy(['unresolved', 'review', 'missing'], affected, coverage, [unresolved])
    expect(r).toEqual({
      result: 'fail',
      reasons: [
        '1 required function is not declared by the livepatch',
        '1 review-tier function is not declared by the livepatch',
        '1 input could not be analysed (unresolved findings)'
      ]
    })
  })

  it('tells changes a human must carry from inputs not analysed', () => {
    const data = DATA_CHANGE
    const both = evaluatePolicy(['unresolved'], affected, coverage, [data, unresolved, data])
    expect(both.reasons).toEqual([
      '2 changes no function replacement carries (unresolved findings: a human decides how)',
      '1 input could not be analysed (unresolved findings)'
    ])
    expect(evaluatePolicy(['unresolved'], affected, coverage, [data]).reasons).toEqual([
      '1 change no function replacement carries (unresolved findings: a human decides how)'
    ])
  })

  it('passes with an empty policy whatever is found', () => {
    expect(evaluatePolicy([], affected, coverage, [unresolved])).toEqual({
      result: 'pass',
      reasons: []
    })
  })

  it('does not judge missing or review without a declaration', () => {
    expect(evaluatePolicy(['missing', 'review'], affected, null, [])).toEqual({
      result: 'pass',
      reasons: []
    })
    expect(evaluatePolicy(['missing', 'unresolved'], affected, null, [unresolved]).result).toBe(
      'fail'
    )
  })

  it('fails a review gate whose caller search was incomplete, even with every review entry declared', () => {
    const unknown: Finding = {
      kind: 'review-callers-unknown',
      severity: 'warning',
      file: 'kernel/sched/policy.c',
      functions: ['pick.isra.0'],
      message: 'pick.isra.0 changes the signature of pick; kernel/sched/policy.c could not be searched'
    }
    const all = computeCoverage(
      affected,
      affected.map(a => decl(a.name)),
      []
    )
    expect(evaluatePolicy(['missing', 'review'], affected, all, [])).toEqual({
      result: 'pass',
      reasons: []
    })
    expect(evaluatePolicy(['missing', 'review'], affected, all, [unknown])).toEqual({
      result: 'fail',
      reasons: [
        '1 clone has callers that could not be listed (review-callers-unknown): the review tier may be incomplete'
      ]
    })
    expect(evaluatePolicy(['missing'], affected, all, [unknown]).result).toBe('pass')
  })

  it('says counts are per set when several sets are involved', () => {
    const two = [...affected, aff('tcp_rcv_established', { set: 's390x' })]
    const c = computeCoverage(two, [], [])
    const r = evaluatePolicy(['missing'], two, c, [])
    expect(r.reasons).toEqual([
      '2 required functions are not declared by the livepatch (counted once per dump set)'
    ])
  })
})

describe('copies of one name in several TUs', () => {
  const entry = (tu: string, symbol: 'present' | 'removed'): AffectedFunction => ({
    set: 'x86_64',
    name: 'foo_helper',
    tu,
    object: 'vmlinux',
    tier: 'required',
    symbol,
    origin: 'foo_helper',
    chain: [{ kind: 'changed', name: 'foo_helper' }]
  })

  it('reports the out-of-line copy as missing although another TU inlined it away', () => {
    const c = computeCoverage([entry('a/a.c', 'removed'), entry('b/b.c', 'present')], [], [])
    expect(c.missing.map(m => m.tu)).toEqual(['b/b.c'])
  })
})

describe('empty analyses', () => {
  const unresolved: Finding = {
    kind: 'source-mismatch',
    severity: 'unresolved',
    message: 'the diff does not apply',
    file: 'net/ipv4/route.c'
  }

  it('fails the default gate when nothing was analysed and something could not be', () => {
    const coverage = computeCoverage([], [], [unresolved])
    const v = evaluatePolicy(['missing'], [], coverage, [unresolved])
    expect(v.result).toBe('fail')
    expect(v.reasons[0]).toMatch(/empty analysis cannot pass/)
  })

  it('passes an empty analysis with nothing unresolved, and a report-only policy', () => {
    expect(evaluatePolicy(['missing'], [], computeCoverage([], [], []), []).result).toBe('pass')
    expect(evaluatePolicy([], [], null, [unresolved]).result).toBe('pass')
  })
})

import { corpusDir } from '../../helpers/corpus.js'
import { computeAffected, explainSymbol } from '../../../src/core/graph/affected.js'
import { loadDir } from '../dumps/load-fixture.js'
import { DumpSet } from '../../../src/core/dumps/dump-set.js'

const dir = corpusDir()
const maybe = dir ? describe : describe.skip

maybe('Linux 6.1.192 x86_64 defconfig dumps', () => {
  // describe.skip still runs this body: load only when the corpus is there.
  const set = dir ? loadDir(dir, 'defconfig') : new DumpSet('absent')

  it('loads every dump and line without a malformed one', () => {
    expect(set.dumpCount).toBe(2711)
    expect(set.lineCount).toBe(563618)
    expect(set.tus()).toHaveLength(2711)
    expect(set.findings).toEqual([])
    expect(set.lto).toBe(false)
    expect(set.hasTu('net/ipv4/tcp.c')).toBe(true)
  })

  /*
   * Walked by hand from the two dumps that mention skb_tstamp_cond (include/linux/skbuff.h:4292):
   * net/ipv6/ioam6.c            154 part -> .part.0; 331 constprop -> .constprop.0; 376 .part.0
   *                             into .constprop.0; 418/419/424 both into __ioam6_fill_trace_data;
   *                             451 that into ioam6_fill_trace_data; removals 487-489.
   * net/netfilter/nfnetlink_log.c  320 constprop -> .constprop.0; 339 into
   *                             __build_packet_message.isra.0 (made at 325, before); 365 that into
   *                             nfulnl_log_packet; removals 386, 389. __build_packet_message itself
   *                             never receives it.
   */
  it('explains a header inline exactly as the dumps say', () => {
    expect(set.tusMentioning('skb_tstamp_cond')).toEqual([
      'net/ipv6/ioam6.c',
      'net/netfilter/nfnetlink_log.c'
    ])
    const r = explainSymbol(set, 'skb_tstamp_cond', 'include/linux/skbuff.h')
    const c = 'changed skb_tstamp_cond'
    const cp = 'cloned-as(constprop) skb_tstamp_cond.constprop.0'
    expect(
      r.affected.map(
        a =>
          `${a.tu} ${a.name} ${a.symbol}: ` +
          a.chain
            .map(s => (s.reason ? `${s.kind}(${s.reason}) ${s.name}` : `${s.kind} ${s.name}`))
            .join(' > ')
      )
    ).toEqual([
      `net/netfilter/nfnetlink_log.c __build_packet_message.isra.0 removed: ${c} > ${cp} > inlined-into __build_packet_message.isra.0`,
      `net/ipv6/ioam6.c __ioam6_fill_trace_data removed: ${c} > ${cp} > inlined-into __ioam6_fill_trace_data`,
      `net/ipv6/ioam6.c ioam6_fill_trace_data present: ${c} > ${cp} > inlined-into __ioam6_fill_trace_data > inlined-into ioam6_fill_trace_data`,
      `net/netfilter/nfnetlink_log.c nfulnl_log_packet present: ${c} > ${cp} > inlined-into __build_packet_message.isra.0 > inlined-into nfulnl_log_packet`,
      `net/ipv6/ioam6.c skb_tstamp_cond present: ${c}`,
      `net/netfilter/nfnetlink_log.c skb_tstamp_cond present: ${c}`,
      `net/ipv6/ioam6.c skb_tstamp_cond.constprop.0 removed: ${c} > ${cp}`,
      `net/netfilter/nfnetlink_log.c skb_tstamp_cond.constprop.0 removed: ${c} > ${cp}`,
      `net/ipv6/ioam6.c skb_tstamp_cond.part.0 removed: ${c} > cloned-as(part) skb_tstamp_cond.part.0`
    ])
    expect(r.affected.every(a => a.tier === 'required')).toBe(true)
    expect(r.findings.map(f => [f.kind, f.file])).toEqual([
      ['review-callers-unknown', 'net/ipv6/ioam6.c'],
      ['review-callers-unknown', 'net/netfilter/nfnetlink_log.c'],
      ['review-callers-unknown', 'net/netfilter/nfnetlink_log.c']
    ])
  })

  it('finds a .c file compiled inside another TU (kernel/sched/rt.c in build_policy.c)', () => {
    const r = computeAffected(set, [
      {
        name: 'get_rr_interval_rt',
        symbols: ['get_rr_interval_rt'],
        file: 'kernel/sched/rt.c',
        line: 2659,
        change: 'modified',
        hunks: []
      }
    ])
    expect(r.affected.map(a => `${a.tu} ${a.name} ${a.tier} ${a.symbol}`)).toEqual([
      'kernel/sched/build_policy.c get_rr_interval_rt required present'
    ])
    expect(r.findings.filter(f => f.kind === 'not-built')).toEqual([])
  })
})

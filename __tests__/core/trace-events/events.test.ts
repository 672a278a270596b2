import { generatedBy, traceEvents } from '../../../src/core/trace-events/events.js'

// Shaped as include/trace/events/icmp.h and net/wireless/trace.h of Linux 6.1 (comments blanked).
const HEADER = [
  'TRACE_EVENT(icmp_send,', //  1
  '\tTP_PROTO(const struct sk_buff *skb, int type),', //  2
  '\tTP_ARGS(skb, type),', //  3
  '\tTP_STRUCT__entry(', //  4
  '\t\t__field(int, type)', //  5
  '\t),', //  6
  '\tTP_fast_assign(', //  7
  '\t\t__entry->type = (type);', //  8
  '\t),', //  9
  '\tTP_printk("type=%d", __entry->type)', // 10
  ');', // 11
  '', // 12
  'DECLARE_EVENT_CLASS(key_handle,', // 13
  '\tTP_PROTO(int k), TP_ARGS(k),', // 14
  '\tTP_STRUCT__entry(__field(int, k)),', // 15
  '\tTP_fast_assign(__entry->k = k;),', // 16
  '\tTP_printk("%d", __entry->k)', // 17
  ');', // 18
  'DEFINE_EVENT(key_handle, rdev_get_key,', // 19
  '\tTP_PROTO(int k), TP_ARGS(k)', // 20
  ');' // 21
].join('\n')

describe('trace event definitions', () => {
  const events = traceEvents(HEADER)

  it('finds each invocation with its class, event and sections', () => {
    expect(
      events.map(e => [e.macro, e.className, e.event, e.startLine, e.endLine, e.sections.length])
    ).toEqual([
      ['TRACE_EVENT', 'icmp_send', 'icmp_send', 1, 11, 5],
      ['DECLARE_EVENT_CLASS', 'key_handle', undefined, 13, 18, 5],
      ['DEFINE_EVENT', 'key_handle', 'rdev_get_key', 19, 21, 2]
    ])
    expect(events[0].sections.find(s => s.name === 'TP_fast_assign')).toEqual({
      name: 'TP_fast_assign',
      startLine: 7,
      endLine: 9
    })
  })

  it('maps each section to the functions define_trace.h generates from it', () => {
    const [icmp, cls, ev] = events
    expect(generatedBy(icmp, 'TP_fast_assign', [])).toEqual({
      tu: ['trace_event_raw_event_icmp_send', 'perf_trace_icmp_send'],
      header: []
    })
    expect(generatedBy(icmp, 'TP_printk', [])).toEqual({
      tu: ['trace_raw_output_icmp_send'],
      header: []
    })
    expect(generatedBy(cls, 'TP_PROTO', ['rdev_get_key'])).toEqual({
      tu: [
        'trace_event_raw_event_key_handle',
        'perf_trace_key_handle',
        'trace_raw_output_key_handle',
        '__traceiter_rdev_get_key'
      ],
      header: ['trace_rdev_get_key']
    })
    expect(generatedBy(ev, 'TP_PROTO', [])).toEqual({
      tu: ['__traceiter_rdev_get_key'],
      header: ['trace_rdev_get_key']
    })
  })
})

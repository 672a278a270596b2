import type { Report } from '../../../src/core/model.js'
import { affected, changed, declared, dumpSet, makeReport } from './reports.js'

/** More scenarios for the rendered outputs: the issue's own example, a layout change, many rows. */

const ROUTE = 'net/ipv4/route.c'

/**
 * The route flow-key fix: `__build_flow_key` is cloned, the clone inlined into `ip_do_redirect`
 * and friends; the repository declares in patched_funcs.csv, one module copy needs a sympos.
 */
export function routeFlowKey(): Report {
  const chain = (container: string): Array<['inlined-into' | 'cloned-as', string, string?]> => [
    ['cloned-as', '__build_flow_key.constprop.0', 'constprop'],
    ['inlined-into', container]
  ]
  return makeReport({
    sets: [dumpSet('x86_64')],
    changed: [changed('__build_flow_key', ROUTE, 516)],
    affected: [
      affected('__build_flow_key', ROUTE, [
        ['cloned-as', '__build_flow_key.constprop.0', 'constprop']
      ]),
      affected('__build_flow_key', ROUTE, chain('ip_do_redirect')),
      affected('__build_flow_key', ROUTE, chain('ipv4_update_pmtu')),
      affected('__build_flow_key', ROUTE, chain('ipv4_sk_update_pmtu')),
      affected('__build_flow_key', 'net/ipv4/ip_vti.c', [['inlined-into', 'vti_err']], {
        object: 'ip_vti',
        sympos: 2
      })
    ],
    declared: [
      declared('ipv4_sk_update_pmtu', 3, { source: 'patched_funcs.csv:3' }),
      declared('ipv4_redirect', 4, { source: 'patched_funcs.csv:4' })
    ]
  })
}

/** A member inserted in the middle of `struct net_device`: not livepatchable as it is. */
export function layoutChange(): Report {
  const dev = 'include/linux/netdevice.h'
  const users = ['dev_get_stats', 'netif_receive_skb_core', 'dev_queue_xmit', 'register_netdevice']
  return makeReport({
    sets: [dumpSet('x86_64')],
    changed: [],
    affected: users.map(u =>
      affected('netdev_hold', 'net/core/dev.c', [['caller-of', u]], {
        tier: 'layout',
        chain: [
          { kind: 'changed', name: u, reason: 'touches net_device.tx_queue_len, which moves' }
        ]
      })
    ),
    declared: [declared('dev_get_stats', 10)],
    findings: [
      {
        kind: 'type-change',
        severity: 'unresolved',
        message:
          'struct net_device: member threaded inserted before tx_queue_len moves 12 members; not livepatchable as it is: shadow variables, or a fix that keeps the layout. 4 functions in 1 TUs touch the moved members or its size (layout tier).',
        file: dev,
        line: 2140
      }
    ]
  })
}

/**
 * `struct device` grows (6.1.176's device.h): the types holding one by value change with it, each
 * a finding of its own, most of them in files sorted before the header.
 */
export function heldLayoutChange(): Report {
  const holders = Array.from({ length: 14 }, (_, i) => ({
    kind: 'type-change' as const,
    severity: 'unresolved' as const,
    message: `struct holder_${String(i).padStart(2, '0')}: dev (holds struct device) inserted, removed or resized: priv move; not livepatchable as it is: shadow variables, or a fix that keeps the layout. 1 function in 1 TUs touch the moved members or its size (layout tier).`,
    file: `arch/x86/holder_${i}.h`
  }))
  return makeReport({
    sets: [dumpSet('x86_64')],
    changed: [],
    affected: [],
    declared: [],
    findings: [
      ...holders,
      {
        kind: 'type-change',
        severity: 'unresolved',
        message:
          'struct device: members appended (DECLARE_BITMAP): offsets are kept, its size changes; not livepatchable as it is: shadow variables, or a fix that keeps the layout. 430 functions in 2067 TUs touch its size (layout tier).',
        file: 'include/linux/device.h',
        line: 672
      }
    ]
  })
}

/** Many missing functions from three changed functions: grouped by changed function. */
export function groupedMissing(): Report {
  const origins = ['skb_gso_segment', 'tcp_gso_segment', 'udp4_ufo_fragment']
  return makeReport({
    sets: [dumpSet('x86_64')],
    changed: origins.map((o, i) => changed(o, 'net/core/gso.c', 100 * (i + 1))),
    affected: origins.flatMap((o, i) =>
      Array.from({ length: 5 }, (_, j) =>
        affected(o, 'net/core/gso.c', [['inlined-into', `${o}_caller_${i}${j}`]])
      )
    ),
    declared: []
  })
}

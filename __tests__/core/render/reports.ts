import { computeCoverage } from '../../../src/core/coverage/coverage.js'
import { evaluatePolicy } from '../../../src/core/coverage/policy.js'
import type {
  AffectedFunction,
  ChainStep,
  ChangedFunction,
  DeclaredFunction,
  DumpSetSummary,
  Finding,
  Policy,
  Report
} from '../../../src/core/model.js'

/** Sample reports built by hand from the model, through the real coverage and policy code. */

export function dumpSet(label: string): DumpSetSummary {
  return {
    label,
    dumps: 2874,
    lines: 1_482_113,
    lto: false,
    symbolsMode: 'dump-only',
    objectsKnown: true
  }
}

export function changed(name: string, file: string, line: number): ChangedFunction {
  return {
    name,
    symbols: [name],
    file,
    line,
    change: 'modified',
    hunks: [{ file, line: line + 12 }]
  }
}

const step = (kind: ChainStep['kind'], name: string, reason?: string): ChainStep =>
  reason ? { kind, name, reason } : { kind, name }

export function affected(
  origin: string,
  tu: string,
  path: Array<[ChainStep['kind'], string, string?]>,
  over: Partial<AffectedFunction> = {}
): AffectedFunction {
  const chain = [step('changed', origin), ...path.map(([k, n, r]) => step(k, n, r))]
  return {
    set: 'x86_64',
    name: chain[chain.length - 1].name,
    tu,
    object: 'vmlinux',
    tier: 'required',
    symbol: 'present',
    origin,
    chain,
    ...over
  }
}

export function declared(
  name: string,
  line: number,
  over: Partial<DeclaredFunction> = {}
): DeclaredFunction {
  return {
    object: 'vmlinux',
    name,
    newName: `klpp_${name}`,
    source: `livepatch/livepatch_main.c:${line}`,
    ...over
  }
}

export function makeReport(input: {
  sets: DumpSetSummary[]
  changed: ChangedFunction[]
  affected: AffectedFunction[]
  declared?: DeclaredFunction[]
  findings?: Finding[]
  policy?: Policy
}): Report {
  const findings = input.findings ?? []
  const coverage = input.declared ? computeCoverage(input.affected, input.declared, findings) : null
  const policy = input.policy ?? ['missing', 'unresolved']
  const verdict = evaluatePolicy(policy, input.affected, coverage, findings)
  return {
    schemaVersion: 1,
    tool: { name: 'klp-affected', version: '0.1.0' },
    sets: input.sets,
    changed: input.changed,
    affected: input.affected,
    coverage,
    findings,
    policy,
    ...verdict
  }
}

const TCP = 'net/ipv4/tcp_input.c'
const SKB = 'net/core/skbuff.c'

/** A fix to tcp_validate_incoming (static, fully inlined) and skb_release_data (cloned). */
function tcpSkbAffected(set = 'x86_64'): AffectedFunction[] {
  return [
    affected('tcp_validate_incoming', TCP, [], { symbol: 'removed', set }),
    affected('tcp_validate_incoming', TCP, [['inlined-into', 'tcp_rcv_established']], { set }),
    affected('tcp_validate_incoming', TCP, [['inlined-into', 'tcp_rcv_state_process']], { set }),
    affected(
      'tcp_validate_incoming',
      TCP,
      [
        ['inlined-into', 'tcp_rcv_established'],
        ['caller-of', 'tcp_v4_do_rcv']
      ],
      {
        set,
        tier: 'review',
        tu: 'net/ipv4/tcp_ipv4.c'
      }
    ),
    affected('skb_release_data', SKB, [], { set }),
    affected(
      'skb_release_data',
      SKB,
      [['cloned-as', 'skb_release_data.constprop.0', 'constprop']],
      { set }
    ),
    affected(
      'skb_release_data',
      SKB,
      [
        ['inlined-into', 'skb_release_all'],
        ['inlined-into', '__kfree_skb']
      ],
      { set }
    ),
    affected('skb_release_data', SKB, [['inlined-into', 'skb_release_all']], {
      set,
      symbol: 'removed'
    })
  ]
}

const CHANGED = [changed('tcp_validate_incoming', TCP, 5760), changed('skb_release_data', SKB, 768)]

export function cleanPass(): Report {
  return makeReport({
    sets: [dumpSet('x86_64')],
    changed: CHANGED,
    affected: tcpSkbAffected(),
    declared: [
      declared('tcp_rcv_established', 40),
      declared('tcp_rcv_state_process', 41),
      declared('tcp_v4_do_rcv', 42),
      declared('skb_release_data', 43),
      declared('skb_release_data.constprop.0', 44),
      declared('__kfree_skb', 45)
    ],
    policy: ['missing', 'review', 'unresolved']
  })
}

export function missingFunctions(): Report {
  return makeReport({
    sets: [dumpSet('x86_64')],
    changed: CHANGED,
    affected: tcpSkbAffected(),
    declared: [
      declared('tcp_rcv_established', 40),
      declared('skb_release_data', 43),
      declared('tcp_validate_incoming', 46),
      declared('tcp_sendmsg', 47)
    ],
    findings: [
      {
        kind: 'comment-only',
        severity: 'info',
        message: 'hunk changes comments only',
        file: TCP,
        line: 5790
      }
    ]
  })
}

export function reviewAndUnresolved(): Report {
  const affectedBoth = [...tcpSkbAffected('x86_64'), ...tcpSkbAffected('s390x')].filter(
    a => !(a.set === 's390x' && a.name === 'skb_release_data.constprop.0')
  )
  return makeReport({
    sets: [dumpSet('x86_64'), { ...dumpSet('s390x'), dumps: 2311, symbolsMode: 'symbol-tables' }],
    changed: CHANGED,
    affected: affectedBoth,
    declared: [
      declared('tcp_rcv_established', 40),
      declared('tcp_rcv_state_process', 41),
      declared('skb_release_data', 43),
      declared('skb_release_data.constprop.0', 44),
      declared('__kfree_skb', 45)
    ],
    findings: [
      {
        kind: 'no-dump',
        severity: 'unresolved',
        message:
          'no .000i.ipa-clones dump for this file: it may not be built in this configuration',
        file: 'net/ipv4/tcp_ipv6_glue.c',
        set: 's390x'
      },
      {
        kind: 'declaration-unparsed',
        severity: 'unresolved',
        message: 'klp_func old_name not understood: some_pointer',
        file: 'livepatch/livepatch_main.c',
        line: 52
      },
      {
        kind: 'macro-change',
        severity: 'warning',
        message: 'macro TCP_SKB_CB changed: its users are listed for review',
        file: 'include/net/tcp.h',
        line: 901,
        functions: ['tcp_v4_do_rcv']
      }
    ],
    policy: ['missing', 'review', 'unresolved']
  })
}

/** Many missing functions, to be cut to a small `maxLength`. */
export function manyMissing(): Report {
  const names = Array.from(
    { length: 60 },
    (_, i) => `tcp_bpf_sendmsg_redir_${String(i).padStart(2, '0')}`
  )
  return makeReport({
    sets: [dumpSet('x86_64')],
    changed: [changed('tcp_bpf_push', 'net/ipv4/tcp_bpf.c', 30)],
    affected: names.map(n => affected('tcp_bpf_push', 'net/ipv4/tcp_bpf.c', [['inlined-into', n]])),
    declared: [],
    findings: [{ kind: 'lto-build', severity: 'warning', message: 'not an LTO build' }]
  })
}

/** No livepatch given: the report lists what to patch. */
export function reportOnly(): Report {
  return makeReport({ sets: [dumpSet('x86_64')], changed: CHANGED, affected: tcpSkbAffected() })
}

export const HOSTILE = 'x</details><img src=x onerror=alert(1)>|'

export function hostile(): Report {
  return makeReport({
    sets: [dumpSet('x86_64 <b>')],
    changed: [changed(HOSTILE, 'drivers/`evil`|*_[x](y).c', 10)],
    affected: [
      affected(HOSTILE, 'drivers/`evil`|*_[x](y).c', [['inlined-into', `${HOSTILE}2`]], {
        object: 'mod<script>'
      })
    ],
    declared: [declared(`${HOSTILE}3`, 1)],
    findings: [
      {
        kind: 'declaration-unparsed',
        severity: 'unresolved',
        message: 'line\n| injected | row |\n<!-- klp-affected:other -->',
        file: 'a|b.c',
        line: 3
      },
      { kind: 'build-flags', severity: 'warning', message: '@octocat **bold** ~~x~~ \\' }
    ]
  })
}

/** missingFunctions() with its covered skb_release_data declared without the old_sympos it needs. */
export function ambiguousReport(): Report {
  const report = missingFunctions()
  const coverage = report.coverage
  if (!coverage) throw new Error('no coverage')
  const [first] = coverage.covered
  coverage.covered = coverage.covered.slice(1)
  coverage.ambiguous = [
    {
      affected: first.affected,
      declared: first.declared,
      reason: 'no-sympos',
      copies: 2,
      candidates: [2],
      message: `${first.declared.name} is declared without old_sympos, but two <b>copies</b>`
    }
  ]
  return report
}

/** An unresolved data change (sysctl_net_ipv4.c, 6.1.187): no function replacement carries it. */
export const DATA_CHANGE: Finding = {
  kind: 'global-change',
  severity: 'unresolved',
  message: 'ipv4_net_table changed: global data change: a livepatch does not re-initialise data',
  file: 'net/ipv4/sysctl_net_ipv4.c'
}

// Stand-in for src/app/pipeline.ts while the engine cannot be bundled yet: used only by the test
// build. It knows one fact, the chain fixture (a inlined into b, b into c: a change to a affects c),
// so the shell's own behaviour (inputs, API calls, comments, outputs) can be tested meanwhile.
import { readFileSync } from 'node:fs'

export async function runPipeline(options) {
  const declared = options.livepatch.flatMap(p =>
    readFileSync(p, 'utf8')
      .split('\n')
      .map(l => l.trim())
      .filter(Boolean)
  )
  const sets = options.dumps.map(d => ({
    label: d.label,
    dumps: 1,
    lines: 5,
    lto: false,
    symbolsMode: 'dump-only',
    objectsKnown: false
  }))
  const touchesA = /^[-+].*\* 3/m.test(options.diff)
  const changed = touchesA
    ? [
        {
          name: 'a',
          symbols: ['a'],
          file: 'chain.c',
          line: 2,
          change: 'modified',
          hunks: [{ file: 'chain.c', line: 4 }]
        }
      ]
    : []
  const affected = touchesA
    ? sets.map(s => ({
        set: s.label,
        name: 'c',
        tu: 'chain.c',
        object: null,
        tier: 'required',
        symbol: 'present',
        origin: 'a',
        chain: [
          { kind: 'changed', name: 'a' },
          { kind: 'inlined-into', name: 'c' }
        ]
      }))
    : []
  const missing = options.livepatch.length ? affected.filter(a => !declared.includes(a.name)) : []
  const findings = [...(options.findings ?? [])]
  const unresolved = findings.filter(f => f.severity === 'unresolved')
  const reasons = []
  if (options.policy.includes('missing') && missing.length)
    reasons.push(`${missing.length} missing`)
  if (options.policy.includes('unresolved') && unresolved.length)
    reasons.push(`${unresolved.length} unresolved`)
  return {
    schemaVersion: 1,
    tool: { name: 'klp-affected', version: 'stub' },
    sets,
    changed,
    affected,
    coverage: options.livepatch.length
      ? { missing, review: [], covered: [], extra: [], unresolved }
      : null,
    findings,
    policy: options.policy,
    result: reasons.length ? 'fail' : 'pass',
    reasons
  }
}

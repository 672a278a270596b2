import { allJson, allText } from '../core/all/render.js'
import { containersOf } from '../core/all/containers.js'
import { evaluatePolicy } from '../core/coverage/policy.js'
import type { Finding, Policy } from '../core/model.js'
import { VERSION } from '../version.js'
import { append } from '../core/arrays.js'
import { loadSets, type DumpSource } from './load-sets.js'

export interface ExplainAllOptions {
  dumps: DumpSource[]
  format: 'text' | 'json'
  policy?: Policy
  /** Receives the report piece by piece: a distribution build's answer is hundreds of MB. */
  write: (chunk: string) => Promise<void>
  progress?: (message: string) => void
}

/**
 * Every function GCC inlined or cloned, with every function that contains it, in every dump set:
 * kgraft-analysis-tool's default mode. Each TU is parsed, answered and written in turn (TU-major),
 * so memory holds one TU's answer; every dump line is validated on load as for any query, and an
 * unreadable or malformed dump is a finding that the verdict sees.
 */
export async function runExplainAll(
  options: ExplainAllOptions
): Promise<{ result: 'pass' | 'fail'; reasons: string[]; findings: Finding[] }> {
  const { write, format } = options
  const sets = await loadSets(options.dumps, { progress: options.progress, config: false })
  const findings: Finding[] = []
  let count = 0
  if (format === 'json')
    await write(
      `{"schemaVersion":1,"tool":{"name":"klp-affected","version":${JSON.stringify(VERSION)}},"mode":"all","functions":[`
    )
  for (const entry of sets) {
    append(findings, entry.set.findings)
    append(findings, entry.findings)
    const graphs = [
      ...entry.set.tus().map(tu => () => entry.set.graph(tu)),
      ...entry.set.linkGraphs().map(g => () => g)
    ]
    for (const graphOf of graphs) {
      const g = graphOf()
      if (!g) continue
      const list = containersOf(g)
      if (list.length === 0) continue
      if (format === 'text') await write(allText(entry.set.label, g, list))
      else {
        const items = allJson(entry.set.label, g, list)
        await write((count === 0 ? '\n' : ',\n') + items.join(',\n'))
      }
      count += list.length
    }
  }
  const verdict = evaluatePolicy(options.policy ?? [], [], null, findings)
  if (format === 'json') {
    const tail = { findings, reasons: verdict.reasons, result: verdict.result }
    await write(`\n],${JSON.stringify(tail).slice(1)}\n`)
  } else {
    let out = `\n${count} functions inlined or cloned; result: ${verdict.result.toUpperCase()}\n`
    for (const r of verdict.reasons) out += `  ${r}\n`
    for (const f of findings) out += `${f.severity}: ${f.kind}: ${f.message}\n`
    await write(out)
  }
  return { ...verdict, findings }
}

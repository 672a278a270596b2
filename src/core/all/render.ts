import type { DumpNode, TuGraph } from '../dumps/tu-graph.js'
import type { Containers } from './containers.js'

/** `explain --all` as text: one paragraph per function, its containers indented (kgraft's layout). */
export function allText(set: string, g: TuGraph, list: Containers[]): string {
  let out = ''
  const nodes = g.nodes
  for (const { node, reached } of list) {
    out += `${set}: ${label(node)} in ${g.tu}: ${reached.length} affected\n`
    for (const id of reached) out += `    ${label(nodes[id])}\n`
  }
  return out
}

/** One JSON object per function (the elements of the report's `functions` array). */
export function allJson(set: string, g: TuGraph, list: Containers[]): string[] {
  const nodes = g.nodes
  return list.map(({ node, reached }) =>
    JSON.stringify({
      affected: reached.map(id => entry(nodes[id])),
      file: node.file,
      line: node.line,
      name: node.name,
      removed: node.removed,
      set,
      tu: g.tu
    })
  )
}

function entry(n: DumpNode): { file: string; name: string; removed: boolean } {
  return { file: n.file, name: n.name, removed: n.removed }
}

function label(n: DumpNode): string {
  return `${n.name} (${n.file}:${n.line})${n.removed ? ' removed' : ''}`
}

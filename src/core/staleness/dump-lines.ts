import type { DumpSet } from '../dumps/dump-set.js'
import type { Finding, FunctionDef } from '../model.js'

/** A set's dumps, and the source image they must have been built from. */
export interface StaleCheck {
  set: DumpSet
  /** `pre`: the base build (the image the fix applies to); `post`: the patched build (exact mode). */
  side: 'pre' | 'post'
  /** Functions of each changed `.c` in that image, by path. */
  functions: ReadonlyMap<string, readonly FunctionDef[]>
}

/** Disagreements named one by one in a finding; the rest are counted. */
const SHOWN = 3

/**
 * GCC records each function at the line of its name in the definition, so a dump built from the
 * image the diff describes places every function of a changed `.c` between the first line of its
 * definition and its body's `{`. A dump that places one elsewhere was built from other source
 * (another release, an older cached build, another run's artifact): its inlining decisions are that
 * build's, and the affected set computed from them may lack functions. Only names the image
 * defines are compared (a name a macro generates that the locator does not know is skipped), and a
 * name defined twice (`#if` branches) agrees with either definition.
 */
export function staleDumpFindings(checks: readonly StaleCheck[]): Finding[] {
  const findings: Finding[] = []
  for (const { set, side, functions } of checks) {
    for (const [path, defs] of functions) {
      if (!path.endsWith('.c') || defs.length === 0) continue
      const byName = new Map<string, FunctionDef[]>()
      for (const d of defs)
        for (const name of new Set([d.name, ...d.symbols]))
          byName.set(name, [...(byName.get(name) ?? []), d])
      for (const tu of set.tusCompiling(path)) {
        const g = set.graph(tu, true)
        if (!g) continue
        const wrong: string[] = []
        const seen = new Set<string>()
        for (const node of g.nodes) {
          if (node.file !== path || seen.has(node.name)) continue
          seen.add(node.name)
          const at = byName.get(node.name)
          if (!at || at.some(d => d.startLine <= node.line && node.line <= d.bodyLine)) continue
          const d = at[0]
          wrong.push(`${node.name} at line ${node.line} (the source: ${span(d)})`)
        }
        if (wrong.length === 0) continue
        const more = wrong.length > SHOWN ? `, and ${wrong.length - SHOWN} more` : ''
        findings.push({
          kind: 'dump-stale',
          severity: 'unresolved',
          set: set.label,
          file: path,
          message:
            `${tu}'s dump in set ${set.label} (${side === 'pre' ? 'the base build' : 'the patched build'}) ` +
            `places ${wrong.slice(0, SHOWN).join(', ')}${more}: it was not built from the ` +
            `${side === 'pre' ? 'source the fix applies to' : 'fixed source'}, so its inlining ` +
            `decisions may not be the running kernel's; rebuild the dumps from ` +
            `${side === 'pre' ? 'the commit the fix applies to' : 'the fixed tree'}`
        })
      }
    }
  }
  return findings
}

function span(d: FunctionDef): string {
  return d.startLine === d.bodyLine ? `line ${d.startLine}` : `lines ${d.startLine}-${d.bodyLine}`
}

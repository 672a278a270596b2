import type { Finding } from '../model.js'

const VERB = /\bis (added|removed)\b|\b(changed)\b/

function verb(f: Finding): string | undefined {
  const m = VERB.exec(f.message)
  return m?.[1] ?? m?.[2]
}

/**
 * An export the diff adds, removes or changes (`EXPORT_SYMBOL(free_uid)` added) is named twice in
 * exact mode: by the mapper from the diff's text, and by the object comparison from the patched
 * build's `__ksymtab_free_uid`. A reviewer needs it once: the object's finding is dropped where
 * the mapper's names the same symbol the same way (every set), and the mapper's says the build
 * agrees. One the mapper did not see (an export a macro of a header writes) stays.
 */
export function foldExportEchoes(
  source: readonly Finding[],
  objects: readonly Finding[]
): { source: Finding[]; objects: Finding[] } {
  const said = new Map<string, Finding>()
  for (const f of source)
    if (f.kind === 'export-change' && f.severity === 'unresolved' && f.functions?.length === 1)
      said.set(`${f.functions[0]}\0${verb(f)}`, f)
  const confirmed = new Map<Finding, Set<string>>()
  const rest: Finding[] = []
  for (const f of objects) {
    const name =
      f.kind === 'export-change' && f.functions?.length === 1 ? f.functions[0] : undefined
    const twin = name === undefined ? undefined : said.get(`${name}\0${verb(f)}`)
    if (!twin || !f.set) {
      rest.push(f)
      continue
    }
    const sets = confirmed.get(twin) ?? new Set<string>()
    sets.add(f.set)
    confirmed.set(twin, sets)
  }
  return {
    source: source.map(f => {
      const sets = confirmed.get(f)
      if (!sets) return f
      const which = [...sets].sort().join(', ')
      return { ...f, message: `${f.message} (the patched build's export table agrees: ${which})` }
    }),
    objects: rest
  }
}

import type { SourceOf } from '../includes/closure.js'
import { tuCompiledOut } from './kbuild-objects.js'
import type { BuildConfig } from './kconfig.js'

/**
 * `compiled out: ...` when no build compiles the changed `.c`: every set has a `.config` whose
 * kbuild line for it is off, and no set has a dump for it. Its hunks then change nothing.
 */
export function fileCompiledOut(
  path: string,
  builds: BuildConfig[],
  sourceOf: SourceOf | undefined
): string | undefined {
  if (!path.endsWith('.c') || builds.length === 0 || !sourceOf) return undefined
  const parts: string[] = []
  for (const b of builds) {
    if (!b.config || b.hasTu?.(path) !== false) return undefined
    const reason = tuCompiledOut(path, b.config, sourceOf)
    if (reason === undefined) return undefined
    parts.push(`${reason} in set ${b.label}`)
  }
  return `compiled out: ${[...new Set(parts)].join('; ')}`
}

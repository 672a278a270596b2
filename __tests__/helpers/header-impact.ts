import type { Parser } from 'web-tree-sitter'
import type { FileChange, MappedChanges } from '../../src/core/diff/map.js'
import { parsePatch } from '../../src/core/diff/patch.js'
import { makeImpact } from '../../src/core/impact/impact.js'

/** A header change the mapper found no function in (the impact is the subject). */
export const nothingMapped = (): MappedChanges => ({
  changed: [],
  findings: [],
  preFunctions: new Map(),
  postFunctions: new Map(),
  newCalls: []
})

/**
 * The impact of one header change (`patch`, a -p1 diff of `path` from `before` to `after`) on
 * `tus` of an in-memory tree read through `sourceOf` (a parser given to count parses, or not).
 */
export function headerImpact(
  parser: Parser,
  change: { patch: string; path: string; before: string; after: string },
  sourceOf: (path: string) => string | undefined,
  tus: string[]
): ReturnType<ReturnType<typeof makeImpact>> {
  const file: FileChange = {
    patch: parsePatch(change.patch, 1).files[0],
    path: change.path,
    oldText: change.before,
    newText: change.after
  }
  const impact = makeImpact({ parser, changes: [file], mapped: nothingMapped(), sourceOf })
  return impact({ label: 'x86_64', tus })
}

import type { Finding } from '../model.js'
import { compareLayouts } from './kept.js'
import type { Resolve } from './struct-layout.js'

/**
 * A struct/union change that keeps every old member's offset and type and the size (a member put
 * into padding, a pointer wrapped in a union with an alias): code compiled against the old layout
 * is unchanged. Returns the finding saying so, or undefined when the layout cannot be computed
 * exactly or does change (the caller then lists the layout reach as before).
 */
export function keptLayoutFinding(
  label: string,
  texts: { before: string; after: string },
  resolve: Resolve
): Omit<Finding, 'file' | 'line' | 'set'> | undefined {
  const v = compareLayouts(texts.before, texts.after, resolve)
  if (!v?.kept) return undefined
  const common = `${label}: every existing member keeps its offset and type, size ${v.before.size} and alignment ${v.before.align} are kept (x86_64 layout): no existing code changes`
  const added = v.added
  if (added.length === 0) return { kind: 'type-change', severity: 'info', message: common }
  return {
    kind: 'type-change',
    severity: 'warning',
    message: `${common}. New ${added.join(', ')} sit in padding or alias an old member: objects the running kernel already holds have whatever was there (zero only if they were zero-allocated)`
  }
}

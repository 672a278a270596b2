import type { Finding } from '../model.js'
import type { ObjectComparison, SymbolComparison } from '../objects/model.js'

const EXPORTED = /^__(?:ksymtab|kstrtab|kstrtabns|crc)_(?:gpl_)?(.+)$/

/**
 * What a data object the patched build changed, added or removed means for the livepatch, by what
 * the object is (`objects/data-class.ts`): nothing for what never reaches the running kernel or
 * goes with the functions that use it; information for module metadata; a warning for boot-time
 * data (already consumed: the fix takes effect at the next boot or module load, and no livepatch
 * can change that); unresolved for what the running kernel keeps and a livepatch cannot change.
 */
export function dataFinding(
  s: SymbolComparison,
  set: string,
  cmp: ObjectComparison
): Finding | undefined {
  if (s.kind !== 'data' || s.verdict === 'unchanged' || s.verdict === 'line-only') return undefined
  const tu = cmp.tu
  const how =
    s.verdict === 'added'
      ? 'is added'
      : s.verdict === 'removed'
        ? 'is removed'
        : `changed${s.detail ? ` (${s.detail})` : ''}`
  const at = { set, file: tu }
  switch (s.dataClass) {
    case 'discarded':
      return undefined
    case 'function-local':
    case 'call-site':
      // Folded into the functions that use it (objects/local-data.ts); new or dropped ones come
      // with a change of those functions' code.
      return undefined
    case 'module-info':
      return {
        kind: 'module-info-change',
        severity: 'info',
        ...at,
        message: `module metadata ${s.name} (.modinfo) of ${tu} ${how} in the patched build: read from the .ko by modprobe, not by running code`
      }
    case 'export': {
      // A string entry comes and goes with its __ksymtab_ entry; changed alone, it is a rename or
      // a namespace move.
      if (/^__kstrtab/.test(s.name) && s.verdict !== 'changed') return undefined
      const exported = EXPORTED.exec(s.name)?.[1]
      const fresh = cmp.symbols.some(
        f => f.kind === 'function' && f.name === exported && f.verdict === 'added'
      )
      if (fresh || (s.verdict === 'changed' && s.name.startsWith('__crc_'))) return undefined
      return {
        kind: 'export-change',
        severity: 'unresolved',
        ...at,
        ...(exported ? { functions: [exported] } : {}),
        message: `export table entry ${s.name} of ${tu} ${how} in the patched build: modules resolve against the running kernel's __ksymtab, which a livepatch cannot change`
      }
    }
    case 'module-param':
      return {
        kind: 'module-param-change',
        severity: 'unresolved',
        ...at,
        message: `module parameter data ${s.name} of ${tu} ${how} in the patched build: a kernel_param is registered at load with its sysfs file, and a livepatch cannot change it`
      }
    case 'trace-event':
      if (s.verdict !== 'changed') return undefined
      return {
        kind: 'global-change',
        severity: 'unresolved',
        ...at,
        message: `trace event data ${s.name} of ${tu} ${how} in the patched build: a trace event is registered at boot (its format and fields are what tracefs, perf and BPF read), and a livepatch cannot redefine it`
      }
    case 'init-only':
      // An initcall entry added or removed: the kernel ran its initcalls at boot, and a livepatch
      // adds none (the mapper says the same of one the diff spells).
      if (s.verdict !== 'changed' && /^__initcall_/.test(s.name))
        return {
          kind: 'global-change',
          severity: 'unresolved',
          ...at,
          message: `initcall entry ${s.name} of ${tu} ${how} in the patched build: the kernel runs its initcalls at boot (or module load), and a livepatch module cannot add or remove one (a human must decide how the fix is carried)`
        }
      if (s.verdict !== 'changed') return undefined
      return {
        kind: 'global-change',
        severity: 'warning',
        ...at,
        message: `boot-time data ${s.name} of ${tu} ${how} in the patched build: it is read only during boot or module load and unload, then freed, so the running kernel keeps the old behaviour until the next boot (or module load) whatever the livepatch does`
      }
    default:
      if (s.verdict !== 'changed') return undefined
      return {
        kind: 'global-change',
        severity: 'unresolved',
        ...at,
        message: `data object ${s.name} of ${tu} changed in the patched build${s.detail ? ` (${s.detail})` : ''}: a livepatch does not re-initialise data`
      }
  }
}

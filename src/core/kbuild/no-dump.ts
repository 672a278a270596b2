import type { HeaderDeps } from '../impact/deps.js'
import type { Finding } from '../model.js'

/**
 * A TU compiled without a dump (kbuild builds the real-mode code and the EFI stub with their own
 * flags, which drop KCFLAGS) hides GCC's decisions only for the files it reads. When kbuild's
 * dependency list shows it reads none of the files a fix changes, nothing of the fix is in it:
 * recorded, not a reason to fail every gate of the tree.
 */
export function judgeNoDump(
  finding: Finding,
  deps: HeaderDeps | undefined,
  changedPaths: ReadonlySet<string>
): Finding {
  if (finding.kind !== 'no-dump' || finding.severity !== 'unresolved' || !finding.file)
    return finding
  const files = deps?.filesOf(finding.file)
  if (!files || files.some(f => changedPaths.has(f))) return finding
  return {
    ...finding,
    severity: 'info',
    message: `${finding.message}; it reads none of the files this fix changes (kbuild's dependency list)`
  }
}

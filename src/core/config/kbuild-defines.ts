import type { SourceOf } from '../includes/closure.js'

const DEFINE_FLAG = /-D(CONFIG_\w+)/g

/**
 * CONFIG_ names a Makefile defines on the compiler's command line (`ccflags-y += -DCONFIG_CAAM_QI`,
 * riscv's `-DCONFIG_PAGE_OFFSET`): not in `.config`, yet defined for the files it builds. They are
 * read from the Makefile/Kbuild of the file's folder and every parent, and of each arch, so that
 * such a name stays unknown instead of reading as unset.
 */
export function kbuildDefines(path: string, arches: string[], sourceOf: SourceOf): Set<string> {
  const names = new Set<string>()
  const folders: string[] = []
  for (let d = path.slice(0, path.lastIndexOf('/') + 1); d !== '';) {
    folders.push(d)
    d = d.slice(0, d.slice(0, -1).lastIndexOf('/') + 1)
  }
  folders.push('')
  for (const a of arches) folders.push(`arch/${a}/`)
  for (const dir of folders) {
    for (const name of ['Makefile', 'Kbuild']) {
      const text = sourceOf(`${dir}${name}`)
      if (typeof text === 'string') for (const m of text.matchAll(DEFINE_FLAG)) names.add(m[1])
    }
  }
  return names
}

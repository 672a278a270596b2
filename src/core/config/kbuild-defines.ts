import type { SourceOf } from '../includes/closure.js'
import { normalizePath } from '../paths.js'

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

const QUOTED_INCLUDE = /^[ \t]*#[ \t]*include[ \t]*"([^"]+)"/gm
const CONFIG_DEFINE = /^[ \t]*#[ \t]*(?:define|undef)[ \t]+(CONFIG_\w+)/gm
/** A driver's private headers are a handful; past this the search stops (what it found stays). */
const MAX_LOCAL_HEADERS = 64

/**
 * CONFIG_ names that the headers a file includes with quotes `#define` or `#undef` themselves
 * (`sound/soc/codecs/es8326.h` defines `CONFIG_HHTECH_MINIPMP`): not in `.config`, yet what the
 * file's `#ifdef` reads. Quoted includes are followed from each includer's folder, as GCC does
 * first; `<...>` headers are not (the kernel's own define no CONFIG_ name a driver tests).
 */
export function localHeaderDefines(path: string, text: string, sourceOf: SourceOf): Set<string> {
  const names = new Set<string>()
  const seen = new Set<string>([path])
  const queue: Array<{ path: string; text: string }> = [{ path, text }]
  while (queue.length > 0 && seen.size <= MAX_LOCAL_HEADERS) {
    const cur = queue.shift() as { path: string; text: string }
    if (cur.path !== path) for (const m of cur.text.matchAll(CONFIG_DEFINE)) names.add(m[1])
    const dir = cur.path.slice(0, cur.path.lastIndexOf('/') + 1)
    for (const m of cur.text.matchAll(QUOTED_INCLUDE)) {
      const next = normalizePath(`${dir}${m[1]}`)
      if (seen.has(next)) continue
      seen.add(next)
      const body = sourceOf(next)
      if (typeof body === 'string') queue.push({ path: next, text: body })
    }
  }
  return names
}

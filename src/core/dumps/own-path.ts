import { normalizePath } from '../paths.js'
import { foreignPrefixDepth } from './dump-path.js'

/**
 * How a dump's path becomes its TU path: drop `drop` leading components, then put `prepend` in
 * front. The identity for a kernel tree, whose dumps sit at their TU's path.
 */
export interface TuRename {
  drop: number
  prepend: string
}

/** Occurrences of the TU's base name looked at: every node of the TU repeats one spelling. */
const MAX_LOOKS = 8

/**
 * The rename the dump's own lines ask for. GCC writes the file of each node as its command line
 * spelled the source: run from the project root, that is the TU's path relative to the root
 * (`src/net.c`), wherever the build put the dump (`build/src/net.c.000i.ipa-clones`, or
 * `net.c.000i.ipa-clones` when the build folder itself is the input). A spelling through `..` or
 * an absolute one does not say where the root is: then only a foreign leading folder of the dump
 * path is learned (an archive's top folder), as far as the spelling shows it. Undefined when the
 * dump does not name its own file.
 */
export function ownRename(tu: string, text: string): TuRename | undefined {
  const spelled = cleanSpelling(tu, text)
  if (spelled === undefined) {
    const drop = foreignPrefixDepth(tu, text)
    return drop === undefined ? undefined : { drop, prepend: '' }
  }
  const have = tu.split('/')
  const want = spelled.split('/')
  let shared = 0
  while (
    shared < have.length &&
    shared < want.length &&
    have[have.length - 1 - shared] === want[want.length - 1 - shared]
  )
    shared++
  return { drop: have.length - shared, prepend: want.slice(0, want.length - shared).join('/') }
}

/** The TU's own file as a relative, `..`-free spelling (`./` and `a/../` resolved), if the dump has one. */
function cleanSpelling(tu: string, text: string): string | undefined {
  const base = tu.slice(tu.lastIndexOf('/') + 1)
  let looks = 0
  for (const needle of [`;${base};`, `/${base};`]) {
    for (let at = text.indexOf(needle); at >= 0 && looks < MAX_LOOKS; looks++) {
      const start = needle[0] === ';' ? at + 1 : text.lastIndexOf(';', at) + 1
      const field = text.slice(start, at + needle.length - 1)
      if (start > 0 && !field.includes('\n') && !field.startsWith('/')) {
        const path = normalizePath(field)
        if (!path.startsWith('..')) return path
      }
      at = text.indexOf(needle, at + 1)
    }
  }
  return undefined
}

export function renameKey(rename: TuRename): string {
  return `${rename.drop}:${rename.prepend}`
}

/** Applies a rename to a dump's path; a path too short to drop from is kept. */
export function applyRename(name: string, rename: TuRename): string {
  // A kernel tree's rename (27,000 dumps at distribution scale: splitting each cost 20 ms).
  if (rename.drop === 0 && rename.prepend === '') return name
  let parts = name.split('/')
  if (rename.drop > 0 && parts.length > rename.drop) parts = parts.slice(rename.drop)
  return rename.prepend === '' ? parts.join('/') : `${rename.prepend}/${parts.join('/')}`
}

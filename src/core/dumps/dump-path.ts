import { normalizePath } from '../paths.js'

/**
 * What a dump file is, from its name. GCC names the dump after the object it writes
 * (`-o net/ipv4/tcp.o` gives `net/ipv4/tcp.c.000i.ipa-clones`); an LTO link adds
 * `<out>.wpa.000i.ipa-clones` (whole-program inlining across TUs) and
 * `<out>.ltrans<N>.ltrans.000i.ipa-clones` (one per partition), and a one-shot
 * `gcc -flto a.c b.c -o prog` names the compile-stage dumps `prog-a.c.000i.ipa-clones`.
 */
export interface DumpPathInfo {
  stage: 'tu' | 'wpa' | 'ltrans'
  /** For `tu`: the source path (`net/ipv4/tcp.c`); for link stages: the name without the suffix. */
  name: string
  /** Partition number of an ltrans dump, to order them. */
  partition: number
}

const DUMP_SUFFIX = /\.\d{3}i\.ipa-clones$/
const WPA = /\.wpa$/
const LTRANS = /\.ltrans(\d+)\.ltrans$/

export function classifyDumpPath(path: string): DumpPathInfo {
  const name = normalizePath(path).replace(DUMP_SUFFIX, '')
  if (WPA.test(name)) return { stage: 'wpa', name, partition: -1 }
  const m = LTRANS.exec(name)
  if (m) return { stage: 'ltrans', name, partition: Number(m[1]) }
  return { stage: 'tu', name, partition: -1 }
}

/**
 * How many leading components of `tu` are not part of the tree the dump's own file names are
 * relative to (an archive's top folder such as `linux-6.1/`), judged by the file GCC wrote for the
 * TU's own functions. Returns undefined when the dump does not name its own TU (empty dumps, dumps
 * with header functions only).
 */
export function foreignPrefixDepth(tu: string, text: string): number | undefined {
  if (text.length === 0) return undefined
  const parts = tu.split('/')
  let slashMatch: number | undefined
  for (let k = 0; k < parts.length; k++) {
    const cand = parts.slice(k).join('/') + ';'
    // `;net/ipv4/tcp.c;` or `;./net/ipv4/tcp.c;`: GCC ran from the tree root, spelled relative.
    if (text.includes(';' + cand) || text.includes(';./' + cand)) return k
    // `/abs/linux/net/ipv4/tcp.c;`: the root is unknown; keep the longest suffix that fits.
    if (slashMatch === undefined && text.includes('/' + cand)) slashMatch = k
  }
  return slashMatch
}

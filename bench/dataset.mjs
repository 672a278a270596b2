// Distribution-scale dump sets made from the real corpus (shared by bench/run.mjs and
// bench/make-dataset.mjs).
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * Dataset with N copies of the corpus: the corpus itself, plus N-1 copies as distinct subtrees
 * `drivers/c1/` ... (a distribution build has that many distinct translation units). In each copy
 * the `.c` files named inside the dumps move with it (a copy still saying `net/ipv4/tcp.c` would be
 * the same TU and be merged), while headers keep their paths: every TU of a distribution build
 * includes the one `include/linux/skbuff.h`, so a header fix reaches N times the TUs.
 */
export function makeDataset(base, dir, copies) {
  execFileSync('cp', ['-a', `${base}/.`, dir])
  const files = execFileSync('find', ['.', '-name', '*.ipa-clones'], {
    cwd: base,
    encoding: 'utf8'
  })
    .split('\n')
    .filter(Boolean)
  for (let i = 1; i < copies; i++) {
    const prefix = `drivers/c${i}/`
    const move = f => (f.endsWith('.c') ? `${prefix}${f.replace(/^\.\//, '')}` : f)
    for (const f of files) {
      const out = join(dir, prefix, f)
      mkdirSync(dirname(out), { recursive: true })
      const text = readFileSync(join(base, f), 'utf8').replace(
        /^(Callgraph clone;[^;]*;\d+;)([^;]*)(;\d+;\d+;[^;]*;\d+;)([^;]*)|^(Callgraph removal;[^;]*;\d+;)([^;]*)/gm,
        (m, a, f1, b, f2, r, f3) =>
          r !== undefined ? `${r}${move(f3)}` : `${a}${move(f1)}${b}${move(f2)}`
      )
      writeFileSync(out, text)
    }
  }
  return dir
}

#!/usr/bin/env node
// Exact mode's object comparison cost (issue 10): compareObjectPairs over 1 and over 40 real kernel
// object pairs (a header fix rebuilds tens of TUs), in one process, with readelf doing the reading.
//
//   node bench/objects-child.mjs ACCURACY_OUT N     (prints JSON: pairs, ms, symbols)
//
// ACCURACY_OUT is the accuracy benchmark's rebuild (default /tmp/k/accuracy-out): `pre/` objects of
// the base build and `cases/<case>/post/` of each fix. The 40 pairs are the header cases' TUs, in
// name order. Needs the library compiled in build/.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const out = process.argv[2] ?? '/tmp/k/accuracy-out'
const n = Number(process.argv[3] ?? 1)
if (!existsSync(join(out, 'cases'))) {
  console.log(JSON.stringify({ skipped: `${out} not found` }))
  process.exit(0)
}
const { compareObjectPairs } = await import(join(root, 'build/adapters/objects/pairs.js'))

function objectsUnder(dir, prefix = '') {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap(e =>
    e.isDirectory()
      ? objectsUnder(dir, join(prefix, e.name))
      : e.name.endsWith('.o')
        ? [join(prefix, e.name)]
        : []
  )
}

const pairs = []
for (const c of readdirSync(join(out, 'cases')).sort()) {
  const post = join(out, 'cases', c, 'post')
  if (!c.endsWith('.h') || !existsSync(post)) continue
  for (const o of objectsUnder(post).sort()) {
    if (existsSync(join(out, 'pre', o)) && !pairs.some(p => p.o === o)) pairs.push({ o, post })
  }
}

/** Two folders of symlinks holding the first `n` pairs, as exact mode receives them. */
function folders(n) {
  const work = mkdtempSync(join(tmpdir(), 'klp-objects-'))
  for (const { o, post } of pairs.slice(0, n)) {
    for (const [side, from] of [
      ['pre', join(out, 'pre', o)],
      ['post', join(post, o)]
    ]) {
      mkdirSync(dirname(join(work, side, o)), { recursive: true })
      symlinkSync(from, join(work, side, o))
    }
  }
  return work
}

if (pairs.length < n) {
  console.log(JSON.stringify({ skipped: `only ${pairs.length} pairs under ${out}` }))
  process.exit(0)
}
const work = folders(n)
const t = process.hrtime.bigint()
const cmp = await compareObjectPairs(join(work, 'pre'), join(work, 'post'), () => false)
const ms = Number(process.hrtime.bigint() - t) / 1e6
rmSync(work, { recursive: true, force: true })
const symbols = cmp.reduce((s, c) => s + c.symbols.length, 0)
console.log(JSON.stringify({ pairs: n, ms, symbols }))

#!/usr/bin/env node
// Agreement of the object comparer (src/core/objects) with the accuracy benchmark's truth
// (validation/scripts/compare.py, pyelftools + objdump), TU by TU over every built case.
//
//   npx tsc -p tsconfig.json --noEmit false     # the library in build/
//   node bench/accuracy/scripts/objects-agreement.mjs [--out /tmp/k/accuracy-out] [--tree OLD_TREE] [--case NAME]... [--list]
//
// Two runs per TU. `relined` (pre vs the fix rebuilt with the old line numbers, no line-shift
// test): its `changed` functions against truth `changed`. `post` (pre vs the fix as built, with the
// fix's hunks as the line-shift test): `changed` against truth `changed`, `line-only` against
// truth `lineOnly`. `.cold` parts are folded into their function, as the truth does.
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { join, resolve, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const { readObject } = await import(join(root, 'build/adapters/objects/readelf.js'))
const { compareObjects } = await import(join(root, 'build/core/objects/compare.js'))
const { lineShiftTest } = await import(join(root, 'build/core/objects/line-shift-test.js'))
const { parsePatch } = await import(join(root, 'build/core/diff/patch.js'))

const args = process.argv.slice(2)
const opt = name => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}
const out = opt('--out') ?? '/tmp/k/accuracy-out'
// The pristine old tree: the line-shift test reads the changed files' old lines.
const tree = opt('--tree') ?? '/tmp/k/p187/linux-source-6.1'
const only = args.flatMap((a, i) => (args[i - 1] === '--case' ? [a] : []))
const list = args.includes('--list')
const casesDir = join(root, 'bench/accuracy/cases')
const never = () => false
const fold = n => (n.endsWith('.cold') ? n.slice(0, -5) : n)

const totals = { tus: 0, relined: { agree: 0 }, post: { agree: 0 }, lineOnly: { agree: 0 } }
const fn = { tp: 0, fp: 0, fn: 0, postTp: 0, postFp: 0, postFn: 0, lineTp: 0, lineFp: 0, lineFn: 0 }
const disagreements = []

function changedOf(cmp, verdict = 'changed') {
  return new Set(
    cmp.symbols.filter(s => s.kind === 'function' && s.verdict === verdict).map(s => fold(s.name))
  )
}

function score(got, want, key, tu, run) {
  let ok = true
  for (const n of got) {
    if (want.has(n)) fn[key[0]]++
    else {
      fn[key[1]]++
      ok = false
      disagreements.push({ tu, run, extra: n })
    }
  }
  for (const n of want) {
    if (!got.has(n)) {
      fn[key[2]]++
      ok = false
      disagreements.push({ tu, run, missing: n })
    }
  }
  return ok
}

const names = readdirSync(casesDir).filter(c => existsSync(join(casesDir, c, 'truth.json')))
for (const c of names) {
  if (only.length > 0 && !only.includes(c)) continue
  const truth = JSON.parse(readFileSync(join(casesDir, c, 'truth.json'), 'utf8'))
  if (truth.built.length === 0) continue
  const patch = parsePatch(readFileSync(join(casesDir, c, 'fix.patch'), 'utf8'), 1)
  const oldText = f => {
    try {
      return readFileSync(join(tree, f.oldPath ?? f.newPath), 'utf8')
    } catch {
      return null
    }
  }
  const isLineShift = lineShiftTest(patch.files.map(f => ({ hunks: f.hunks, oldText: oldText(f) })))
  for (const tu of truth.built) {
    const obj = tu.replace(/\.c$/, '.o')
    const pre = join(out, 'pre', obj)
    const post = join(out, 'cases', c, 'post', obj)
    const relined = join(out, 'cases', c, 'relined', obj)
    if (![pre, post, relined].every(existsSync)) continue
    const [a, b, r] = [await readObject(pre), await readObject(post), await readObject(relined)]
    const real = compareObjects(tu, a, r, never)
    const asBuilt = compareObjects(tu, a, b, isLineShift)
    const want = new Set(truth.changed[tu] ?? [])
    const wantLine = new Set(truth.lineOnly[tu] ?? [])
    totals.tus++
    const where = `${c} ${tu}`
    if (score(changedOf(real), want, ['tp', 'fp', 'fn'], where, 'relined')) totals.relined.agree++
    const postChanged = changedOf(asBuilt)
    if (score(postChanged, want, ['postTp', 'postFp', 'postFn'], where, 'post')) totals.post.agree++
    const line = new Set([...changedOf(asBuilt, 'line-only')].filter(n => !postChanged.has(n)))
    if (score(line, wantLine, ['lineTp', 'lineFp', 'lineFn'], where, 'line-only'))
      totals.lineOnly.agree++
    for (const f of [...real.findings, ...asBuilt.findings])
      disagreements.push({ tu: where, finding: f.message })
    if (list) {
      for (const s of asBuilt.symbols.filter(
        s => s.verdict === 'changed' || s.verdict === 'line-only'
      )) {
        console.log(`${where} post ${s.kind} ${s.name} ${s.verdict}: ${s.detail}`)
      }
    }
  }
}

console.log(JSON.stringify({ totals, functions: fn }, null, 1))
for (const d of disagreements) console.log(JSON.stringify(d))

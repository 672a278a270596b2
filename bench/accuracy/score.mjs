#!/usr/bin/env node
// Accuracy benchmark (issue 9): every changed C file of Debian's 6.1.187-1 -> 6.1.190-1 update, applied
// alone to the 6.1.187 tree, its objects rebuilt and compared function by function with the base
// build (scripts/, README.md). This runs the built CLI on each case as a livepatch team would and
// scores the report against that machine-code truth. Not a test: it prints figures.
//
//   node bench/accuracy/score.mjs [--tree OLD_TREE] [--base DIR] [--case NAME]... [--json FILE] [--jobs N] [--cache DIR]
//
// --exact: exact mode (issue 10): the case's rebuilt TUs (<out>/cases/<case>/post) as post-fix dumps,
//   and with --objects also <out>/pre against that folder as objects; --out DIR [/tmp/k/accuracy-out].
// --reports DIR: keep each case's JSON report as DIR/<case>.json (scripts/classify-unchanged.py); a case
//   whose result comes from --cache is not run and leaves none.
// --cache: keep each case's result under DIR/<hash of dist/cli.js>/ (resumable runs).
// Verdicts on data (truth.json's dataChanged) are read when the table is printed, also for cached results.
// --build: the base build's tree (scripts/build-base.sh), passed to the CLI as --build.
// --base: the unpacked base bundle (default: data/base-6.1.187.tar.xz with data/symbols-6.1.187.tar.xz,
//   the base build's symbol tables (scripts/symbol-tables.sh), unpacked once under the temp dir).
//
// OLD_TREE: the pristine Debian 6.1.187-1 tree (scripts/fetch-trees.sh) [/tmp/k/p187/linux-source-6.1].
import { execFile, execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '../..')
const args = process.argv.slice(2)
const opt = (name, fallback) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : fallback
}
const only = args.flatMap((a, i) => (args[i - 1] === '--case' ? [a] : []))
const tree = resolve(opt('--tree', '/tmp/k/p187/linux-source-6.1'))
const jobs = Number(opt('--jobs', '2'))
const jsonOut = opt('--json', undefined)
// --cases DIR: another update's cases (scripts/holdout.sh), with --base and --tree of its base.
const casesDir = resolve(opt('--cases', join(here, 'cases')))
// The generated sources are what the README's build job packs beside the dumps (scripts/pack-generated.sh).
const bundles = [
  'data/base-6.1.187.tar.xz',
  'data/symbols-6.1.187.tar.xz',
  'data/generated-6.1.187.tar.xz'
]
  .map(b => join(here, b))
  .filter(b => existsSync(b))
const cli = join(root, 'dist/cli.js')
const exact = args.includes('--exact')
const withObjects = args.includes('--objects')
const outDir = resolve(opt('--out', '/tmp/k/accuracy-out'))
// A livepatch team's CI has the built tree: generated TUs (vdso images, shipped-certs.c) are read there.
const buildTree = opt('--build', undefined)
const reportsDir = opt('--reports', undefined)

if (!existsSync(join(tree, 'Makefile'))) {
  console.error(`score: ${tree} is not a kernel tree (see bench/accuracy/README.md)`)
  process.exit(2)
}
const base = opt('--base', undefined) ?? unpacked(bundles)
function unpacked(files) {
  const hash = createHash('sha256')
  for (const f of files) hash.update(readFileSync(f))
  const dir = join(tmpdir(), `klp-accuracy-base-${hash.digest('hex').slice(0, 12)}`)
  if (existsSync(join(dir, '.done'))) return dir
  mkdirSync(dir, { recursive: true })
  for (const f of files) execFileSync('tar', ['xJf', f, '-C', dir])
  writeFileSync(join(dir, '.done'), '')
  return dir
}
// Symbol tables change the verdicts (header-out-of-line, old_sympos): results with and without are kept apart.
const withSymbols = existsSync(join(base, 'vmlinux.syms'))
const objectOf = tuObjects(base)
const work = join(tmpdir(), `klp-accuracy-run-${process.pid}`)
mkdirSync(work, { recursive: true })

/** TU -> vmlinux or module name (kbuild's *.mod files list each module's objects). */
function tuObjects(dir) {
  const map = new Map()
  const order = existsSync(join(dir, 'modules.order'))
    ? readFileSync(join(dir, 'modules.order'), 'utf8').split('\n').filter(Boolean)
    : []
  for (const ko of order) {
    const mod = join(dir, ko.replace(/\.(ko|o)$/, '.mod'))
    if (!existsSync(mod)) continue
    const name = ko
      .replace(/^.*\//, '')
      .replace(/\.(ko|o)$/, '')
      .replace(/-/g, '_')
    for (const o of readFileSync(mod, 'utf8').split(/\s+/).filter(Boolean))
      map.set(o.replace(/\.o$/, '.c'), name)
  }
  return tu => map.get(tu) ?? 'vmlinux'
}

function run(caseName, declared) {
  const list = join(work, `${caseName}.${declared.length > 0 ? 'covered' : 'none'}.list`)
  const lines = declared.length > 0 ? declared : ['vmlinux:klp_accuracy_placeholder']
  writeFileSync(list, lines.join('\n') + '\n')
  const argv = [
    cli,
    'analyze',
    '--diff',
    join(casesDir, caseName, 'fix.patch'),
    '--dumps',
    `x86_64=${base}`,
    '--source',
    tree,
    ...(buildTree ? ['--build', buildTree] : []),
    '--livepatch',
    list,
    '--fail-on',
    'missing,unresolved',
    '--format',
    'json',
    '--quiet',
    ...exactArgs(caseName)
  ]
  const started = Date.now()
  return new Promise(done => {
    execFile('node', argv, { maxBuffer: 1 << 30 }, (error, stdout, stderr) => {
      const code = error ? (error.code ?? 1) : 0
      let report
      try {
        report = JSON.parse(stdout)
      } catch {
        report = undefined
      }
      done({ code, report, stderr: stderr.slice(0, 2000), ms: Date.now() - started })
    })
  })
}

function exactArgs(caseName) {
  if (!exact) return []
  const post = join(outDir, 'cases', caseName, 'post')
  if (!existsSync(post)) return []
  const out = ['--post-dumps', `x86_64=${post}`]
  if (withObjects)
    out.push('--objects-pre', `x86_64=${join(outDir, 'pre')}`, '--objects-post', `x86_64=${post}`)
  return out
}

const key = (tu, name) => `${tu}\u0000${name}`
const TIERS = new Set(['required', 'review', 'layout'])

const cacheDir = opt('--cache', undefined)
const distHash =
  createHash('sha256').update(readFileSync(cli)).digest('hex').slice(0, 12) +
  (exact ? (withObjects ? '-exact-objects' : '-exact') : '') +
  (buildTree ? '-build' : '') +
  (withSymbols ? '-syms' : '')

/** Per-case results are kept (keyed by the bundle's hash) so that an interrupted run resumes. */
async function cachedScore(name) {
  if (!cacheDir) return scoreCase(name)
  const file = join(cacheDir, distHash, `${name}.json`)
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'))
  const r = await scoreCase(name)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, JSON.stringify(r) + '\n')
  return r
}

async function scoreCase(name) {
  const meta = JSON.parse(readFileSync(join(casesDir, name, 'meta.json'), 'utf8'))
  const truth = JSON.parse(readFileSync(join(casesDir, name, 'truth.json'), 'utf8'))
  const out = { name, file: meta.file, type: meta.type, built: truth.built.length }
  if (truth.built.length === 0) return { ...out, status: 'does-not-build-alone' }
  const built = new Set(truth.built)
  const want = new Map()
  for (const [tu, names] of Object.entries(truth.changed))
    for (const n of names) want.set(key(tu, n), { tu, name: n })
  const declared = [...want.values()].map(w => `${objectOf(w.tu)}:${w.name}`)
  let covered = await run(name, [...new Set(declared)])
  // A name with several local copies in its object needs old_sympos; a team takes the one the
  // report gives for the changed TU's copy (from the symbol tables), as it would write it.
  const positions = new Map(
    (covered.report?.affected ?? [])
      .filter(a => a.sympos !== undefined)
      .map(a => [key(a.tu, a.name), a.sympos])
  )
  if ((covered.report?.coverage?.ambiguous ?? []).length > 0 && positions.size > 0) {
    const placed = [...want.entries()].map(([k, w]) => {
      const pos = positions.get(k)
      return `${objectOf(w.tu)}:${w.name}${pos === undefined ? '' : `,${pos}`}`
    })
    covered = await run(name, [...new Set(placed)])
  }
  const report = covered.report
  if (reportsDir) {
    mkdirSync(reportsDir, { recursive: true })
    writeFileSync(join(reportsDir, `${name}.json`), JSON.stringify(report ?? null))
  }
  if (!report) return { ...out, status: 'error', exit: covered.code, stderr: covered.stderr }
  const got = new Map()
  for (const a of report.affected)
    if (TIERS.has(a.tier) && built.has(a.tu)) got.set(key(a.tu, a.name), a)
  const unresolved = report.findings.filter(f => f.severity === 'unresolved')
  const hit = [...want.keys()].filter(k => got.has(k))
  const silent = []
  for (const [k, w] of want) {
    if (got.has(k)) continue
    const named = unresolved.find(f => (f.functions ?? []).includes(w.name))
    const blanket = unresolved.find(f => !f.functions?.length)
    if (!named && !blanket) silent.push(`${w.tu}:${w.name}`)
  }
  const result = {
    ...out,
    status: 'scored',
    truth: want.size,
    reported: got.size,
    hit: hit.length,
    // Entries with an out-of-line symbol: what the report asks to declare. One GCC inlined
    // everywhere (`symbol: removed`) is a link of a chain, never a declaration.
    reportedSymbols: [...got.values()].filter(a => a.symbol !== 'removed').length,
    hitSymbols: hit.filter(k => got.get(k).symbol !== 'removed').length,
    silent,
    missed: [...want.keys()].filter(k => !got.has(k)).map(k => k.replace('\u0000', ':')),
    unresolvedKinds: [...new Set(unresolved.map(f => f.kind))].sort(),
    found: report.exact?.found ?? 0,
    unchanged: report.exact?.unchanged ?? 0,
    verdictCovered: covered.code === 0 ? 'pass' : covered.code === 1 ? 'fail' : 'error',
    ms: covered.ms
  }
  // Declared by nobody, the same run's report fails the missing,unresolved gate exactly when it lists a
  // patchable required entry or an unresolved finding: derived, not run twice.
  const failsUndeclared = (inScope, findings) =>
    report.affected.some(
      a => a.tier === 'required' && a.symbol === 'present' && !a.unpatchable && inScope(a.tu)
    ) || findings.length > 0
  if (want.size > 0)
    result.verdictUncovered = failsUndeclared(() => true, unresolved) ? 'fail' : 'pass'
  if (meta.type === 'wide-header') {
    // The truth of a wide header is its sample of rebuilt TUs; the gate is judged there too, as it
    // would be if every TU behaved like the sampled ones: entries and TU findings (a missing dump, an
    // unpatchable copy) elsewhere are left out, header-level findings count.
    const inSample = tu => built.has(tu)
    const sampled = unresolved.filter(f =>
      f.kind === 'not-patchable'
        ? report.affected.some(
            a => a.unpatchable && inSample(a.tu) && (f.functions ?? []).includes(a.name)
          )
        : !f.file?.endsWith('.c') || inSample(f.file)
    )
    const missing = [
      ...(report.coverage?.missing ?? []),
      ...(report.coverage?.ambiguous ?? []).map(p => p.affected)
    ].filter(a => inSample(a.tu))
    result.verdictSampled = missing.length > 0 || sampled.length > 0 ? 'fail' : 'pass'
    if (want.size > 0)
      result.verdictUncoveredSampled = failsUndeclared(inSample, sampled) ? 'fail' : 'pass'
    result.sampledKinds = [...new Set(sampled.map(f => f.kind))].sort()
  }
  return result
}

const names = readdirSync(casesDir)
  .filter(n => existsSync(join(casesDir, n, 'truth.json')))
  .filter(n => only.length === 0 || only.includes(n))
  .sort()
const results = []
let next = 0
await Promise.all(
  Array.from({ length: jobs }, async () => {
    while (next < names.length) {
      const name = names[next++]
      const r = await cachedScore(name)
      results.push(r)
      process.stderr.write(`${results.length}/${names.length} ${name}: ${r.status}\n`)
    }
  })
)
results.sort((a, b) => (a.name < b.name ? -1 : 1))
// Data objects the fix changes (truth.json's dataChanged), read here rather than kept in the cached
// results: a livepatch cannot re-initialise data, so a fix that changes data and no code is right to fail.
const dataChanged = r => {
  const truth = JSON.parse(readFileSync(join(casesDir, r.name, 'truth.json'), 'utf8'))
  return Object.values(truth.dataChanged ?? {}).reduce((s, names) => s + names.length, 0)
}
for (const r of results) if (r.status === 'scored') r.dataChanged = dataChanged(r)
const dataOnly = results.filter(r => r.status === 'scored' && r.truth === 0 && r.dataChanged > 0)
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 1) + '\n')
const types = ['c', 'header', 'wide-header']
// A wide header's gate over its sampled TUs (see scoreCase); every other case's over the whole report.
const covered = r => r.verdictSampled ?? r.verdictCovered
const uncovered = r => r.verdictUncoveredSampled ?? r.verdictUncovered
const pct = (a, b) => (b === 0 ? '-' : (a / b).toFixed(2))
console.log(
  '| type | cases | build alone | code changed | truth fns | recall | precision | precision, symbols | silent misses | changed+covered pass | changed, uncovered fail | data changed, no code: fail | unchanged pass |'
)
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
for (const t of [...types, 'all']) {
  const rs = results.filter(r => t === 'all' || r.type === t)
  const scored = rs.filter(r => r.status === 'scored')
  const changed = scored.filter(r => r.truth > 0)
  const data = scored.filter(r => dataOnly.includes(r))
  const unchanged = scored.filter(r => r.truth === 0 && !dataOnly.includes(r))
  const truthN = changed.reduce((s, r) => s + r.truth, 0)
  const hitN = changed.reduce((s, r) => s + r.hit, 0)
  const reported = scored.reduce((s, r) => s + r.reported, 0)
  const reportedHit = scored.reduce((s, r) => s + r.hit, 0)
  const reportedSym = scored.reduce((s, r) => s + (r.reportedSymbols ?? r.reported), 0)
  const hitSym = scored.reduce((s, r) => s + (r.hitSymbols ?? r.hit), 0)
  const silentN = scored.reduce((s, r) => s + r.silent.length, 0)
  console.log(
    `| ${t} | ${rs.length} | ${scored.length} | ${changed.length} | ${truthN} | ${pct(hitN, truthN)} | ${pct(reportedHit, reported)} | ${pct(hitSym, reportedSym)} | ${silentN} | ${changed.filter(r => covered(r) === 'pass').length}/${changed.length} | ${changed.filter(r => uncovered(r) === 'fail').length}/${changed.length} | ${data.filter(r => covered(r) === 'fail').length}/${data.length} | ${unchanged.filter(r => covered(r) === 'pass').length}/${unchanged.length} |`
  )
}
const errors = results.filter(r => r.status === 'error')
if (errors.length > 0)
  console.log(`\n${errors.length} case(s) ended in an error: ${errors.map(r => r.name).join(', ')}`)
const silentAll = results.flatMap(r => (r.silent ?? []).map(s => `${r.name}: ${s}`))
if (silentAll.length > 0)
  console.log(`\nSilent misses (${silentAll.length}):\n` + silentAll.map(s => `- ${s}`).join('\n'))
if (dataOnly.length > 0) {
  console.log(`\nData changed, no code (${dataOnly.length}; a fail is right):`)
  for (const r of dataOnly) console.log(`- ${r.file}: ${covered(r)}`)
}
const falseAlarms = results.filter(
  r => r.status === 'scored' && r.truth === 0 && !dataOnly.includes(r) && covered(r) !== 'pass'
)
const wideWhole = results.filter(
  r => r.verdictSampled && r.status === 'scored' && r.truth === 0 && !dataOnly.includes(r)
)
if (wideWhole.length > 0)
  console.log(
    `\nWide headers judged over their sampled TUs; over the whole report, ${wideWhole.filter(r => r.verdictCovered === 'pass').length}/${wideWhole.length} of the unchanged ones pass.`
  )
if (falseAlarms.length > 0) {
  console.log(`\nUnchanged code, gate fails (${falseAlarms.length}):`)
  for (const r of falseAlarms)
    console.log(
      `- ${r.file}: ${(r.sampledKinds ?? r.unresolvedKinds).join(', ') || '(missing: ' + r.reported + ' reported)'}`
    )
}

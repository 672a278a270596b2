#!/usr/bin/env node
// Kernel-scale benchmark (issue 4): load+index, affected-set query, CLI end to end, peak RSS,
// each against the floor of merely reading the same files. Not a test: it prints figures.
//
//   npm run bench                       # all datasets, 5 runs each
//   BENCH_RUNS=3 BENCH_COPIES=1,5,10 npm run bench
//
// Needs ../shared/corpus (the real dump corpus) and the compiled library in build/ (npm run bench
// compiles it) and the bundle in dist/.
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { kgraftScript, node, peerRows, printPeer } from './peer.mjs'
import { makeDataset } from './dataset.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const corpus = resolve(root, '../shared/corpus/linux-6.1.192-x86_64-defconfig.tar.xz')
const runs = Number(process.env.BENCH_RUNS ?? 5)
const copiesList = (process.env.BENCH_COPIES ?? '1,5,10').split(',').map(Number)
// The kgraft comparison (bench/peer.mjs) runs on these datasets; its full analysis only on the first.
const peerCopies = (process.env.BENCH_PEER_COPIES ?? '1,10').split(',').map(Number)
const peerRuns = Number(process.env.BENCH_PEER_RUNS ?? 3)
const kgraft = kgraftScript(root)

// Node 20 reads NODE_EXTRA_CA_CERTS's file at every start, before any script runs: 35 of a 57 ms
// start on this machine (2026-12-06; Node 22 and 24 read it when a connection needs it). No timed
// process makes a connection, and the cost, added to Node's start and to ours alike, made every
// ratio over the floor plus the start look better than it is.
if (process.env.NODE_EXTRA_CA_CERTS !== undefined) {
  console.log(
    'bench: NODE_EXTRA_CA_CERTS unset for the timed processes (Node 20 reads it at start)'
  )
  delete process.env.NODE_EXTRA_CA_CERTS
}
const nodeVersion = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()

if (!existsSync(corpus)) {
  console.error(`bench: ${corpus} not found`)
  process.exit(2)
}

const work = mkdtempSync(join(tmpdir(), 'klp-bench-'))
// The benchmark patch's pre-images ship with the project already: the example's route.c and the
// validation case's skbuff.h (both Linux 6.1.192).
const source = join(work, 'src')
for (const [from, to] of [
  ['examples/route-flow-key/src/net/ipv4/route.c', 'net/ipv4/route.c'],
  ['validation/cases/header-inline/src/include/linux/skbuff.h', 'include/linux/skbuff.h']
]) {
  mkdirSync(dirname(join(source, to)), { recursive: true })
  copyFileSync(join(root, from), join(source, to))
}
const base = join(work, 'base')
mkdirSync(base)
execFileSync('tar', ['xJf', corpus, '-C', base])

function dataset(copies) {
  return copies === 1 ? base : makeDataset(base, join(work, `x${copies}`), copies)
}

function median(values) {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

function child(args) {
  const r = spawnSync(node, args, { encoding: 'utf8', maxBuffer: 64 << 20 })
  if (r.status !== 0) throw new Error(`bench child failed: ${r.stderr}`)
  return JSON.parse(r.stdout.trim().split('\n').pop())
}

function catFloorMs(dir) {
  const t = process.hrtime.bigint()
  execFileSync('sh', ['-c', `find . -name '*.ipa-clones' -print0 | xargs -0 cat > /dev/null`], {
    cwd: dir
  })
  return Number(process.hrtime.bigint() - t) / 1e6
}

function cliRun(dir, extra = []) {
  const args = [
    join(root, 'dist/cli.js'),
    'analyze',
    '--diff',
    join(root, 'bench/data/fix.patch'),
    '--dumps',
    `bench=${dir}`,
    '--source',
    source,
    '--format',
    'json',
    '--output',
    join(work, 'report.json'),
    '--fail-on',
    'none',
    '--quiet',
    ...extra
  ]
  const hasTime = existsSync('/usr/bin/time')
  const t = process.hrtime.bigint()
  // The CLI's stage times (stderr): the review tier's source search is reported apart.
  const env = { ...process.env, KLP_AFFECTED_TIMINGS: '1' }
  const r = hasTime
    ? spawnSync('/usr/bin/time', ['-f', '%M %U %S', node, ...args], {
        encoding: 'utf8',
        env
      })
    : spawnSync(node, args, { encoding: 'utf8', env })
  const ms = Number(process.hrtime.bigint() - t) / 1e6
  if (r.status !== 0) throw new Error(`CLI failed (${r.status}): ${r.stderr}`)
  const [rssKb, user, sys] = hasTime
    ? r.stderr.trim().split('\n').pop().split(' ').map(Number)
    : [NaN, NaN, NaN]
  const stages = Object.fromEntries(
    [...(/times \(ms\): (.*)/.exec(r.stderr)?.[1] ?? '').matchAll(/([\w-]+)=(\d+)/g)].map(m => [
      m[1],
      Number(m[2])
    ])
  )
  // A run that found nothing (paths that miss the dumps) would time an empty query.
  const affected = JSON.parse(readFileSync(join(work, 'report.json'), 'utf8')).affected.length
  if (affected === 0) throw new Error(`CLI found no affected function in ${dir}`)
  return {
    ms,
    rssMB: rssKb / 1024,
    cpu: user + sys,
    affected,
    searchMs: stages['review-search'] ?? 0,
    stages
  }
}

const rows = []
const peer = []
for (const copies of copiesList) {
  const dir = dataset(copies)
  const probe = child([join(root, 'bench/load-child.mjs'), dir, 'read'])
  catFloorMs(dir) // warm the page cache: every figure below is for a warm cache
  const cat = median(Array.from({ length: runs }, () => catFloorMs(dir)))
  const read = []
  const load = []
  const query = []
  const rss = []
  const loadAll = []
  const rssAll = []
  let affected = 0
  for (let i = 0; i < runs; i++) {
    read.push(child([join(root, 'bench/load-child.mjs'), dir, 'read']).readMs)
    const r = child([join(root, 'bench/load-child.mjs'), dir, 'load'])
    load.push(r.loadMs)
    query.push(r.queryMs)
    rss.push(r.maxRssMB)
    affected = r.affected
    const all = child([join(root, 'bench/load-child.mjs'), dir, 'load-all'])
    loadAll.push(all.loadMs)
    rssAll.push(all.maxRssMB)
  }
  const cli = Array.from({ length: runs }, () => cliRun(dir))
  const floor = median(read)
  const row = {
    dataset: `${copies}x corpus`,
    files: probe.files,
    MB: probe.bytes / 1e6,
    lines: probe.lines,
    catMs: cat,
    readMs: floor,
    loadMs: median(load),
    loadVsRead: median(load) / floor,
    loadMBps: probe.bytes / 1e6 / (median(load) / 1000),
    loadLinesPerS: probe.lines / (median(load) / 1000),
    queryMs: median(query),
    affected,
    loadRssMB: median(rss),
    loadAllVsRead: median(loadAll) / floor,
    loadAllRssMB: median(rssAll),
    cliMs: median(cli.map(c => c.ms)),
    cliVsRead: median(cli.map(c => c.ms)) / floor,
    searchMs: median(cli.map(c => c.searchMs)),
    cliNoSearchVsRead: median(cli.map(c => c.ms - c.searchMs)) / floor,
    stages: cli[0].stages,
    cliRssMB: median(cli.map(c => c.rssMB)),
    cliAffected: cli[0].affected
  }
  rows.push(row)
  console.error(`bench: ${row.dataset} done`)
  if (peerCopies.includes(copies)) {
    const rows = peerRows({
      root,
      dir,
      label: `${copies}x`,
      runs: peerRuns,
      work,
      kgraft,
      analyze: extra => cliRun(dir, extra),
      full: copies === peerCopies[0] && process.env.BENCH_PEER_FULL !== '0'
    })
    peer.push(...rows)
  }
}

const fmt = (n, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a')
console.log(
  `klp-affected benchmark: median of ${runs} runs, warm page cache, node ${nodeVersion} (${node})`
)
console.log(
  '| dataset | files | MB | lines | cat ms | read ms (floor) | load+index ms | x floor | MB/s | lines/s | query ms | affected | load RSS MB | keep-all x floor | keep-all RSS MB | CLI ms | CLI x floor | review search ms | CLI - search x floor | CLI RSS MB | CLI affected |'
)
console.log(
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
)
for (const r of rows) {
  console.log(
    `| ${r.dataset} | ${r.files} | ${fmt(r.MB)} | ${r.lines} | ${fmt(r.catMs)} | ${fmt(r.readMs)} | ${fmt(r.loadMs)} | ${fmt(r.loadVsRead, 2)} | ${fmt(r.loadMBps)} | ${fmt(r.loadLinesPerS)} | ${fmt(r.queryMs, 1)} | ${r.affected} | ${fmt(r.loadRssMB)} | ${fmt(r.loadAllVsRead, 2)} | ${fmt(r.loadAllRssMB)} | ${fmt(r.cliMs)} | ${fmt(r.cliVsRead, 2)} | ${fmt(r.searchMs)} | ${fmt(r.cliNoSearchVsRead, 2)} | ${fmt(r.cliRssMB)} | ${r.cliAffected} |`
  )
}
for (const r of rows)
  console.log(
    `${r.dataset}: CLI stages (first run, ms): ${Object.entries(r.stages)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`
  )
if (rows.length >= 2) {
  const [a, b] = [rows[0], rows[rows.length - 1]]
  console.log(
    `\nlinearity: ${fmt(b.lines / a.lines, 1)}x the lines took ${fmt(b.loadMs / a.loadMs, 1)}x the load time`
  )
}
if (peer.length > 0) printPeer(peer, peerRuns)
if (!kgraft)
  console.log(
    '\nkgraft-analysis-tool not found (bench/kgraft/ or KGRAFT): only kcsan_check_access was timed beside the floor; see bench/peer.mjs'
  )

// Exact mode (issue 10): comparing the recompiled objects with the base build's, over the dump-only
// CLI run above. Needs the accuracy benchmark's rebuilt objects (BENCH_OBJECTS, default
// /tmp/k/accuracy-out); CPU seconds include readelf's, the wall time counts the process start too.
const objectsOut = process.env.BENCH_OBJECTS ?? '/tmp/k/accuracy-out'
if (existsSync(join(objectsOut, 'cases')) && rows.length > 0) {
  console.log(
    '\n| exact mode: object pairs | symbols | compare ms | CPU s | x dump-only CLI (1x) |'
  )
  console.log('| ---: | ---: | ---: | ---: | ---: |')
  for (const n of [1, 40]) {
    const samples = Array.from({ length: runs }, () => {
      const r = spawnSync(
        '/usr/bin/time',
        ['-f', '%U %S', node, join(root, 'bench/objects-child.mjs'), objectsOut, String(n)],
        { encoding: 'utf8' }
      )
      if (r.status !== 0) throw new Error(`objects bench failed: ${r.stderr}`)
      const [user, sys] = r.stderr.trim().split('\n').pop().split(' ').map(Number)
      return { ...JSON.parse(r.stdout), cpu: user + sys }
    })
    if (samples[0].skipped) continue
    const ms = median(samples.map(x => x.ms))
    console.log(
      `| ${n} | ${samples[0].symbols} | ${fmt(ms)} | ${fmt(median(samples.map(x => x.cpu)), 2)} | ${fmt(ms / rows[0].cliMs, 2)} |`
    )
  }
}
rmSync(work, { recursive: true, force: true })

// Side by side with kgraft-analysis-tool (issue 13), the tool livepatch engineers used before:
// `kgraft-ipa-analysis.py --symbol=F` against `klp-affected explain F`, kgraft once per changed
// function against `analyze` of the bench patch, kgraft's default full analysis against
// `explain --all`, each with the floor (cat of every dump) measured in the same run, runs
// interleaved; ours also with a warm persistent scan index (--index-cache), whose report must be
// the same; wall and CPU time (user + system) of each. BENCH_PEER_KINDS=ordinary,wide,patch,full
// picks rows. Also checks that both tools list the same functions. Skipped, with a note, when
// kgraft's script is absent: fetch it with
//   git clone https://github.com/marxin/kgraft-analysis-tool bench/kgraft
// (or point KGRAFT at kgraft-ipa-analysis.py). Never committed here.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * The Node that runs every timed process (ours, the floor's, Node's bare start): BENCH_NODE, to
 * measure another release than the one running the bench, or this one.
 */
export const node = process.env.BENCH_NODE ?? process.execPath

/** Ordinary functions (one TU, a few containers) and widely inlined ones (header inlines). */
export const ORDINARY = ['sk_free', 'tcp_v4_rcv', 'hash', 'fill_psinfo', '__build_flow_key']
export const WIDE = ['skb_headlen', 'kmalloc_array', 'kzalloc', 'kcsan_check_access']
/** bench/data/fix.patch changes these two. */
export const PATCH = ['skb_headlen', '__build_flow_key']

export function kgraftScript(root) {
  const path = process.env.KGRAFT ?? join(root, 'bench/kgraft/kgraft-ipa-analysis.py')
  return existsSync(path) ? path : undefined
}

function median(values) {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

/**
 * Wall time, CPU time (user + system, s) and peak RSS (MB) of one command, the last two when
 * /usr/bin/time is there; stdout kept. On a shared machine the CPU time is the steadier figure.
 */
function timed(cmd, args, okStatus = [0, 1]) {
  const hasTime = existsSync('/usr/bin/time')
  const rssFile = join(tmpdir(), `klp-bench-rss-${process.pid}`)
  const t = process.hrtime.bigint()
  const r = hasTime
    ? spawnSync('/usr/bin/time', ['-f', '%M %U %S', '-o', rssFile, cmd, ...args], {
        encoding: 'utf8',
        maxBuffer: 1 << 30,
        stdio: ['ignore', 'pipe', 'ignore']
      })
    : spawnSync(cmd, args, {
        encoding: 'utf8',
        maxBuffer: 1 << 30,
        stdio: ['ignore', 'pipe', 'ignore']
      })
  const ms = Number(process.hrtime.bigint() - t) / 1e6
  // Our CLI exits 1 when the gate fails; kgraft exits 1 only on a Python error (okStatus [0]).
  if (!okStatus.includes(r.status)) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`)
  const [rss, user, sys] = hasTime
    ? readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number)
    : [NaN, NaN, NaN]
  return { ms, rssMB: rss / 1024, cpu: user + sys, stdout: r.stdout }
}

/** The floor: cat of every dump, with its CPU time. */
export function catFloor(dir) {
  return timed('sh', [
    '-c',
    `find '${dir}' -name '*.ipa-clones' -print0 | xargs -0 cat > /dev/null`
  ])
}

/** `    name/order (file:line:col)` lines under `Affected functions:`; the query itself excluded. */
function kgraftNames(stdout) {
  const names = new Set()
  let inList = false
  for (const line of stdout.split('\n')) {
    if (/^\s*Affected functions:/.test(line)) inList = true
    else if (/^Function:/.test(line)) inList = false
    else if (inList) {
      const m = /^\s+(\S+)\/\d+ \(/.exec(line)
      if (m) names.add(m[1])
    }
  }
  return names
}

/** Our required functions reached from the symbol (chain longer than the symbol itself). */
function ourNames(report) {
  return new Set(
    report.affected.filter(a => a.tier === 'required' && a.chain.length > 1).map(a => a.name)
  )
}

function compare(ours, theirs) {
  const onlyOurs = [...ours].filter(n => !theirs.has(n)).sort()
  const onlyTheirs = [...theirs].filter(n => !ours.has(n)).sort()
  return { ours: ours.size, kgraft: theirs.size, onlyOurs, onlyTheirs }
}

/**
 * One dataset: every query `runs` times, ours (without, then with a warm scan index) and kgraft's
 * interleaved, with the floor (cat of every dump) measured each time. `analyze(extraArgs)` runs
 * the CLI on the bench patch and returns { ms, rssMB, cpu }.
 */
export function peerRows({ root, dir, label, runs, work, kgraft, analyze, full }) {
  const list = join(work, `${label}.list`)
  // spawnSync keeps 1 MiB of output by default: 27,110 paths at 10x are twice that, and a cut list
  // made kgraft fail on a truncated path (and list nothing) in every 10x run until this.
  const files = spawnSync('find', [dir, '-name', '*.ipa-clones'], {
    encoding: 'utf8',
    maxBuffer: 1 << 30
  })
    .stdout.split('\n')
    .filter(Boolean)
    .sort()
  writeFileSync(list, files.join('\n') + '\n')
  const cli = join(root, 'dist/cli.js')
  const out = join(work, 'peer.json')
  // The persistent scan index (--index-cache), made by the first indexed run of the dataset.
  const cache = join(work, `${label}.index`)
  const ours = (args, indexed = false) => {
    const r = timed(node, [
      cli,
      ...args,
      '--dumps',
      dir,
      '--format',
      'json',
      '--output',
      out,
      '--fail-on',
      'none',
      '--quiet',
      ...(indexed ? ['--index-cache', cache] : [])
    ])
    return { ...r, report: JSON.parse(readFileSync(out, 'utf8')) }
  }
  // Without kgraft only our side runs, for the queries that must stay covered (kcsan_check_access).
  const theirs = args =>
    kgraft
      ? timed('python3', [kgraft, ...args, list], [0])
      : { ms: NaN, rssMB: NaN, cpu: NaN, stdout: '' }
  const rows = []
  const queries = [
    ...ORDINARY.map(f => ({
      query: `explain ${f}`,
      name: f,
      kind: 'ordinary',
      ours: indexed => ours(['explain', f], indexed),
      theirs: () => [theirs([`--symbol=${f}`])],
      same: true
    })),
    ...WIDE.map(f => ({
      query: `explain ${f}`,
      name: f,
      kind: 'wide',
      ours: indexed => ours(['explain', f], indexed),
      theirs: () => [theirs([`--symbol=${f}`])],
      same: true
    })),
    {
      query: 'analyze fix.patch',
      name: PATCH[0],
      kind: 'patch',
      ours: indexed => analyze(indexed ? ['--index-cache', cache] : []),
      theirs: () => PATCH.map(f => theirs([`--symbol=${f}`])),
      same: false
    }
  ]
  if (!kgraft)
    queries.splice(
      0,
      queries.length,
      ...queries.filter(q => q.query === 'explain kcsan_check_access')
    )
  else if (full) {
    queries.push({
      query: 'explain --all (text)',
      kind: 'full',
      ours: indexed => ours(['explain', '--all'], indexed),
      theirs: () => [theirs([])],
      same: false
    })
  }
  // BENCH_PEER_KINDS=ordinary,patch: only those rows (kgraft takes minutes on the wide ones at 10x).
  const kinds = process.env.BENCH_PEER_KINDS?.split(',')
  if (kinds) queries.splice(0, queries.length, ...queries.filter(q => kinds.includes(q.kind)))
  // Untimed: writes the index every indexed run below starts from (the dataset's own), and the
  // parses of the patch's files, which the same folder keeps.
  ours(['explain', 'sk_free'], true)
  for (const q of queries) if (q.kind === 'patch') q.ours(true)
  for (const q of queries) {
    const a = []
    const x = []
    const b = []
    const floor = []
    const start = []
    const engine = []
    let check
    for (let i = 0; i < runs; i++) {
      floor.push(catFloor(dir))
      // Node's own start, which issue 13's `explain` target allows on top of the floor.
      start.push(timed(node, ['-e', '0']))
      // What validating every line costs on one thread, Node's start included (engine-floor.mjs).
      engine.push(
        timed(node, [join(root, 'bench/engine-floor.mjs'), dir, ...(q.name ? [q.name] : [])])
      )
      const mine = q.ours(false)
      const warm = q.ours(true)
      const kg = q.theirs()
      a.push(mine)
      x.push(warm)
      b.push({
        ms: kg.reduce((s, r) => s + r.ms, 0),
        cpu: kg.reduce((s, r) => s + r.cpu, 0),
        rssMB: Math.max(...kg.map(r => r.rssMB))
      })
      if (i === 0 && q.same && kgraft)
        check = compare(ourNames(mine.report), kgraftNames(kg[0].stdout))
      // The index changes no answer: the same report as without it.
      if (mine.report && JSON.stringify(warm.report) !== JSON.stringify(mine.report))
        throw new Error(`${label} ${q.query}: the report with the scan index differs`)
    }
    const oursMs = median(a.map(r => r.ms))
    const indexMs = median(x.map(r => r.ms))
    const kgMs = median(b.map(r => r.ms))
    rows.push({
      dataset: label,
      query: q.query,
      kind: q.kind,
      floorMs: median(floor.map(r => r.ms)),
      floorCpu: median(floor.map(r => r.cpu)),
      startMs: median(start.map(r => r.ms)),
      engineMs: median(engine.map(r => r.ms)),
      oursMs,
      oursCpu: median(a.map(r => r.cpu)),
      oursRssMB: median(a.map(r => r.rssMB)),
      indexMs,
      indexCpu: median(x.map(r => r.cpu)),
      kgraftMs: kgMs,
      kgraftCpu: median(b.map(r => r.cpu)),
      kgraftRssMB: median(b.map(r => r.rssMB)),
      ratio: kgMs / oursMs,
      indexRatio: kgMs / indexMs,
      check
    })
    console.error(`bench: ${label} ${q.query} done`)
  }
  return rows
}

export function printPeer(rows, runs) {
  const fmt = (n, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a')
  console.log(
    `\nkgraft-analysis-tool side by side: median of ${runs} runs, interleaved, warm page cache`
  )
  console.log(
    '| dataset | query | floor (cat) ms | floor CPU s | Node start ms | validation floor ms | klp-affected ms | CPU s | x floor | x (floor + start) | x validation floor | RSS MB | with warm index ms | CPU s | x floor | x (floor + start) | kgraft ms | kgraft CPU s | kgraft RSS MB | kgraft / ours | kgraft / ours (index) | functions ours / kgraft | only ours | only kgraft |'
  )
  console.log(
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |'
  )
  for (const r of rows) {
    const c = r.check
    const list = xs =>
      xs.length === 0
        ? ''
        : `${xs.length}: ${xs.slice(0, 4).join(' ')}${xs.length > 4 ? ' ...' : ''}`
    console.log(
      `| ${r.dataset} | ${r.query} | ${fmt(r.floorMs)} | ${fmt(r.floorCpu, 2)} | ${fmt(r.startMs)} | ${fmt(r.engineMs)} | ${fmt(r.oursMs)} | ${fmt(r.oursCpu, 2)} | ${fmt(r.oursMs / r.floorMs, 2)} | ${fmt(r.oursMs / (r.floorMs + r.startMs), 2)} | ${fmt(r.oursMs / r.engineMs, 2)} | ${fmt(r.oursRssMB)} | ${fmt(r.indexMs)} | ${fmt(r.indexCpu, 2)} | ${fmt(r.indexMs / r.floorMs, 2)} | ${fmt(r.indexMs / (r.floorMs + r.startMs), 2)} | ${fmt(r.kgraftMs)} | ${fmt(r.kgraftCpu, 2)} | ${fmt(r.kgraftRssMB)} | ${fmt(r.ratio, 2)} | ${fmt(r.indexRatio, 2)} | ${c ? `${c.ours} / ${c.kgraft}` : ''} | ${c ? list(c.onlyOurs) : ''} | ${c ? list(c.onlyTheirs) : ''} |`
    )
  }
}

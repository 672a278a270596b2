// One measurement in a fresh process (so peak RSS is this step's own): `read` = the floor (read
// every dump file, concurrently, nothing else), `load` = load+index with the real loader focused on
// the benchmark patch's functions (as the CLI loads), `load-all` = the same keeping every dump's
// text; then the affected-set query for the patch's changed functions.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

const [dir, mode] = process.argv.slice(2)
const lib = new URL('../build/', import.meta.url)

async function walk(d, out) {
  for (const e of await readdir(d, { withFileTypes: true })) {
    const p = join(d, e.name)
    if (e.isDirectory()) await walk(p, out)
    else if (e.name.endsWith('.ipa-clones')) out.push(p)
  }
  return out
}

let t0 = performance.now()
if (mode === 'read') {
  const files = await walk(dir, [])
  let bytes = 0
  let lines = 0
  let next = 0
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      while (next < files.length) {
        const buf = await readFile(files[next++])
        bytes += buf.length
        for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) lines++
      }
    })
  )
  console.log(JSON.stringify({ readMs: performance.now() - t0, files: files.length, bytes, lines }))
} else {
  const { loadDumpSet } = await import(new URL('adapters/fs/load-dumps.js', lib))
  const { computeAffected } = await import(new URL('core/graph/affected.js', lib))
  const { analysisFocus } = await import(new URL('core/analyze.js', lib))
  // Loading the library's modules (~50 ms) is start-up, not load+index: the floor imports nothing.
  t0 = performance.now()
  // bench/data/fix.patch: a header inline (in every copy's TUs) and a route.c function (copy 0).
  const changed = [
    fn('skb_headlen', 'include/linux/skbuff.h', 2421),
    fn('__build_flow_key', 'net/ipv4/route.c', 521)
  ]
  const mapped = { changed, findings: [], preFunctions: new Map() }
  const focus = mode === 'load-all' ? undefined : analysisFocus([], mapped)
  const { set } = await loadDumpSet('bench', [dir], undefined, focus)
  const loadMs = performance.now() - t0
  const t1 = performance.now()
  const { affected } = computeAffected(set, changed, {})
  const queryMs = performance.now() - t1
  console.log(
    JSON.stringify({
      loadMs,
      queryMs,
      affected: affected.length,
      maxRssMB: process.resourceUsage().maxRSS / 1024
    })
  )
}

function fn(name, file, line) {
  return { name, symbols: [name], file, line, change: 'modified', hunks: [] }
}

// One measurement in a fresh process (so peak RSS is this step's own): `read` = the floor (read
// every dump file, concurrently, nothing else), `load` = load+index with the real loader, then the
// affected-set query for the benchmark patch's changed functions.
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

const t0 = performance.now()
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
  const { set } = await loadDumpSet('bench', [dir])
  const loadMs = performance.now() - t0
  const changed = [
    {
      name: 'skb_headlen',
      symbols: ['skb_headlen'],
      file: 'include/linux/skbuff.h',
      line: 2421,
      change: 'modified',
      hunks: []
    },
    {
      name: '__build_flow_key',
      symbols: ['__build_flow_key'],
      file: 'net/ipv4/route.c',
      line: 521,
      change: 'modified',
      hunks: []
    }
  ]
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

// One fuzz worker: runs the built CLI's main() in this process, case after case, so a run costs
// the analysis and not Node's start-up and the grammar's load. The parent kills it on a hang.
import { Buffer } from 'node:buffer'
import { pathToFileURL } from 'node:url'

const lib = process.argv[2]
const { main } = await import(pathToFileURL(lib).href)

const MAX_CAPTURE = 1 << 20

process.on('uncaughtException', error => {
  process.send?.({ fatal: `uncaught exception: ${error?.stack ?? error}` })
  process.exit(70)
})
process.on('unhandledRejection', error => {
  process.send?.({ fatal: `unhandled rejection: ${error?.stack ?? error}` })
  process.exit(70)
})

process.on('message', async ({ id, argv }) => {
  const out = []
  const err = []
  const outWrite = process.stdout.write
  const errWrite = process.stderr.write
  const keep = (into, chunk) => {
    const s = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
    if (into.reduce((n, c) => n + c.length, 0) < MAX_CAPTURE) into.push(s)
    return true
  }
  process.stdout.write = chunk => keep(out, chunk)
  process.stderr.write = chunk => keep(err, chunk)
  const listeners = process.stdout.listeners('error')
  const started = Date.now()
  let code
  try {
    code = await main(argv)
  } catch (error) {
    code = 99
    err.push(`main threw: ${error?.stack ?? error}`)
  } finally {
    process.stdout.write = outWrite
    process.stderr.write = errWrite
    for (const l of process.stdout.listeners('error'))
      if (!listeners.includes(l)) process.stdout.off('error', l)
  }
  process.send({ id, code, stdout: out.join(''), stderr: err.join(''), ms: Date.now() - started })
})
process.send({ ready: true })

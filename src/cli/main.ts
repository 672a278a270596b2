import { runExplain } from '../app/explain.js'
import { explainAll } from './explain-all.js'
import { StageTimes } from '../app/stage-times.js'
import type { Report } from '../core/model.js'
import { renderJsonPieces } from '../core/render/json.js'
import { renderMarkdown } from '../core/render/markdown.js'
import { renderTextPieces } from '../core/render/text.js'
import { terminalSafe } from '../core/render/escape.js'
import { writePieces } from './write-pieces.js'
import { VERSION } from '../version.js'
import { parseCli, UsageError, USAGE } from './args.js'
import { makeProgress } from './progress.js'
import { InputTooLarge, readBounded, readFileBounded } from './read-bounded.js'

/** Runs the CLI; returns the exit code (0 pass, 1 policy failure, 2 usage or input error). */
export async function main(argv: string[]): Promise<number> {
  // `klp-affected ... | head`: a reader that leaves early is no failure of the run. Without a
  // listener the EPIPE is an uncaught stack trace and exit 1, the code of a policy failure; with
  // it the rest of the output is dropped and the verdict's exit code stands.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
  })
  let clearProgress = (): void => undefined
  try {
    const args = parseCli(argv)
    if (args.command === 'help') {
      process.stdout.write(`${USAGE}\n`)
      return 0
    }
    if (args.command === 'usage') {
      process.stderr.write(`${USAGE}\n`)
      return 2
    }
    if (args.command === 'version') {
      process.stdout.write(`klp-affected ${VERSION}\n`)
      return 0
    }
    const shown = makeProgress(process.stderr, args.quiet)
    const done = shown.done
    const show = shown.progress
    clearProgress = done
    const progress = show && ((m: string) => show(terminalSafe(m)))
    if (args.command === 'explain' && args.all) return await explainAll(args, progress)
    let report: Report
    if (args.command === 'analyze') {
      const diff = args.diff === '-' ? await readStdin() : await readInput(args.diff, '--diff')
      const times = process.env.KLP_AFFECTED_TIMINGS ? new StageTimes() : undefined
      // Loaded here: the diff side (tree-sitter and the mapper) is half the bundle, and `explain`,
      // run many times in a session, would pay its compilation on every start.
      const { runPipeline } = await import('../app/pipeline.js')
      report = await runPipeline({
        dumps: args.dumps,
        diff,
        strip: args.strip,
        source: args.source,
        build: args.build,
        sourceSide: args.sourceSide,
        livepatch: args.livepatch,
        policy: args.policy,
        progress,
        ...(args.postDumps ? { postDumps: args.postDumps } : {}),
        ...(args.objects ? { objects: args.objects } : {}),
        ...(times ? { times } : {})
      })
      done()
      if (times) process.stderr.write(`klp-affected: times (ms): ${times.line()}\n`)
      // Without the tree no hunk maps to a function: every changed file comes back as an
      // unresolved `source-missing`, which alone does not say what to give.
      if (args.source === undefined && report.findings.some(f => f.kind === 'source-missing')) {
        process.stderr.write(NO_SOURCE)
      }
      if (args.json) writePieces(renderJsonPieces(report), args.json)
    } else {
      report = await runExplain({
        dumps: args.dumps,
        name: args.name,
        file: args.file,
        policy: args.policy,
        progress
      })
      done()
    }
    // Names and quoted lines come from untrusted dumps and diffs; JSON escapes its own controls.
    writePieces(
      args.format === 'json'
        ? renderJsonPieces(report)
        : args.format === 'text'
          ? mapPieces(
              renderTextPieces(report, { explain: args.command === 'explain' }),
              terminalSafe
            )
          : [terminalSafe(renderMarkdown(report))],
      args.output
    )
    return report.result === 'pass' ? 0 : 1
  } catch (error) {
    clearProgress()
    const message = error instanceof Error ? error.message : String(error)
    process.stderr.write(`klp-affected: ${terminalSafe(message)}\n`)
    if (error instanceof UsageError) process.stderr.write(`Run 'klp-affected --help' for usage.\n`)
    else if (process.env.KLP_AFFECTED_DEBUG && error instanceof Error) {
      process.stderr.write(`${error.stack}\n`)
    }
    return 2
  }
}

const NO_SOURCE =
  'klp-affected: no --source given: the kernel tree the diff applies to is needed to find the ' +
  'changed functions (--source DIR: the tree, or only the changed files at their tree paths; ' +
  '--source-side post if it is the fixed tree)\n'

/** Control characters are escaped one by one, so a piece at a time is the whole text's escape. */
function* mapPieces(pieces: Iterable<string>, f: (piece: string) => string): Generator<string> {
  for (const piece of pieces) yield f(piece)
}

async function readInput(path: string, flag: string): Promise<string> {
  try {
    return await readFileBounded(path, `${flag} '${path}'`)
  } catch (error) {
    if (error instanceof InputTooLarge) throw error
    throw new UsageError(
      `${flag} '${path}': ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`
    )
  }
}

function readStdin(): Promise<string> {
  return readBounded(process.stdin, 'the diff on stdin')
}

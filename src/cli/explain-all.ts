import { once } from 'node:events'
import { open } from 'node:fs/promises'
import { runExplainAll } from '../app/explain-all.js'
import type { ExplainArgs } from './args.js'

/** `explain --all`: streamed to --output or stdout (the answer for a distribution is too big to hold). */
export async function explainAll(
  args: ExplainArgs,
  progress: ((m: string) => void) | undefined
): Promise<number> {
  const file = args.output === undefined ? undefined : await open(args.output, 'w')
  try {
    const write = async (chunk: string): Promise<void> => {
      if (file) await file.write(chunk)
      else if (!process.stdout.write(chunk)) await once(process.stdout, 'drain')
    }
    const r = await runExplainAll({
      dumps: args.dumps,
      format: args.format === 'json' ? 'json' : 'text',
      policy: args.policy,
      write,
      progress
    })
    return r.result === 'pass' ? 0 : 1
  } finally {
    await file?.close()
  }
}

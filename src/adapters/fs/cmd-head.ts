import { parseDeps } from '../../core/impact/deps.js'
import { parseScriptList } from '../../core/scripts/targets.js'
import { CMD_HEAD_BYTES, trimCmd } from './classify.js'
import { readBytes } from './dump-bytes.js'
import type { CmdHead } from './scan-pool.js'

/**
 * A `.cmd` file's head (CMD_HEAD_BYTES), read and parsed where it is read: on a scan thread, its
 * dependency list is parsed there too. A build's 2,800 lists (~1.7 million lines) cost the main
 * thread 1.5 s to read and parse, for a fix in one `.c` file as for a header.
 */
export function readCmdHead(abs: string): CmdHead {
  const text = readBytes(abs, CMD_HEAD_BYTES).toString('utf8')
  const deps = parseDeps(text)
  if (deps) return { text: trimCmd(text), deps: { ...deps, files: deps.files.join('\n') } }
  // An object assembled from a `.S`: its list says which headers its code expands.
  const script = parseScriptList(text)
  return script
    ? { text: trimCmd(text), script: { ...script, files: script.files.join('\n') } }
    : { text: trimCmd(text) }
}

import { readFile, realpath, stat } from 'node:fs/promises'
import { resolve, sep } from 'node:path'

/** The largest real livepatch declaration files are a few tens of KB. */
export const MAX_DECLARATION_BYTES = 16 << 20

/**
 * Reads a livepatch declaration file (`--livepatch`, the action's `livepatch:` globs) the way
 * source files are read. The PR controls the checkout: a symlink named `livepatch.c` pointing at
 * `.git/config` (where actions/checkout leaves the token's header) would have its lines quoted into
 * findings and the PR comment; a FIFO would hang the run and `/dev/zero` fill the memory. So only
 * a regular file is read, never one inside a `.git` directory, and with `workspace` only one whose
 * real path is inside it. Throws an input error naming the path otherwise.
 */
export async function readDeclarationFile(path: string, workspace?: string): Promise<string> {
  const refuse = (why: string): never => {
    throw new Error(`livepatch '${path}' ${why}`)
  }
  let real: string
  try {
    real = await realpath(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable'
    return refuse(`cannot be read (${code})`)
  }
  if (real.split(sep).includes('.git'))
    refuse(`resolves to ${real}, inside a .git directory: not read`)
  if (workspace !== undefined) {
    const root = await realpath(resolve(workspace)).catch(() => resolve(workspace))
    if (!real.startsWith(root + sep)) refuse(`resolves to ${real}, outside the workspace: not read`)
  }
  const info = await stat(real)
  if (info.isDirectory()) refuse('cannot be read (a directory)')
  if (!info.isFile()) refuse('is not a regular file: not read')
  if (info.size > MAX_DECLARATION_BYTES)
    refuse(`is ${info.size} bytes, over the ${MAX_DECLARATION_BYTES}-byte limit: not read`)
  return readFile(real, 'utf8')
}

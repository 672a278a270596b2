import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import {
  parseHexDump,
  parseReadelf,
  sectionsToDump,
  type ElfObject
} from '../../core/objects/elf-text.js'

const run = promisify(execFile)

/** readelf's text for one object is ~2x its size; the largest kernel objects are tens of MB. */
const MAX_OUTPUT = 512 * 1024 ** 2

/** readelf is missing (binutils not installed, or `READELF` names nothing). */
export class ReadelfMissingError extends Error {}

async function readelf(args: string[]): Promise<string> {
  const tool = process.env.READELF ?? 'readelf'
  try {
    const { stdout } = await run(tool, args, { maxBuffer: MAX_OUTPUT, encoding: 'latin1' })
    return stdout
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ReadelfMissingError(
        `${tool} not found: comparing objects needs binutils' readelf (apt-get install binutils, or set READELF)`,
        { cause: error }
      )
    }
    const stderr = (error as { stderr?: string }).stderr?.trim()
    throw new Error(`${tool} failed on ${args[args.length - 1]}: ${stderr || String(error)}`, {
      cause: error
    })
  }
}

/** One object's sections, symbols, relocations and the bytes of its allocated sections. */
export async function readObject(path: string): Promise<ElfObject> {
  const obj = parseReadelf(await readelf(['-W', '-S', '-s', '-r', path]))
  const dump = sectionsToDump(obj)
  if (dump.length > 0) {
    // `-x N` once per section: by number, since section names repeat (`.init.text` of asm, groups).
    parseHexDump(await readelf(['-W', ...dump.flatMap(i => ['-x', String(i)]), path]), obj, dump)
  }
  return obj
}

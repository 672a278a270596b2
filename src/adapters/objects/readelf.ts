import { execFile } from 'node:child_process'
import { open } from 'node:fs/promises'
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

/**
 * The number of sections from the ELF header (e_shnum), so that one readelf run can dump them all;
 * undefined when the header does not say (not ELF, or 65280+ sections kept in section 0).
 */
async function sectionCount(path: string): Promise<number | undefined> {
  const file = await open(path, 'r')
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(64), 0, 64, 0)
    if (bytesRead < 52 || buffer.readUInt32BE(0) !== 0x7f454c46) return undefined
    const little = buffer[5] === 1
    const at = buffer[4] === 2 ? 0x3c : 0x30
    const n = little ? buffer.readUInt16LE(at) : buffer.readUInt16BE(at)
    return n > 0 ? n : undefined
  } finally {
    await file.close()
  }
}

/**
 * One object's sections, symbols, relocations and the bytes of its allocated sections. One readelf
 * run when the header gives the section count (`-x` of every section, by number: names repeat),
 * else a second run for the hex dump; a process start costs more than parsing the extra dumps.
 */
export async function readObject(path: string): Promise<ElfObject> {
  const count = await sectionCount(path)
  const all =
    count === undefined ? [] : Array.from({ length: count - 1 }, (_, i) => ['-x', String(i + 1)])
  const text = await readelf(['-W', '-S', '-s', '-r', ...all.flat(), path])
  const obj = parseReadelf(text)
  if (count !== undefined) parseHexDump(text, obj)
  else {
    const dump = sectionsToDump(obj)
    if (dump.length > 0)
      parseHexDump(await readelf(['-W', ...dump.flatMap(i => ['-x', String(i)]), path]), obj)
  }
  return obj
}

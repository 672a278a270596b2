import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Language, Parser } from 'web-tree-sitter'

let cached: Promise<Parser> | undefined

/**
 * The bundle ships both .wasm files next to dist/*.js; from the source tree (tests, tsc output)
 * they are only reachable through node_modules, so try the bundle location first.
 */
function findWasm(file: string, pkgSpecifier: string): string {
  const beside = fileURLToPath(new URL(`./${file}`, import.meta.url))
  if (existsSync(beside)) return beside
  try {
    const resolved = createRequire(import.meta.url).resolve(pkgSpecifier)
    if (existsSync(resolved)) return resolved
  } catch {
    // Packages without an `exports` entry for the wasm: fall through to walking up.
  }
  let dir = dirname(beside)
  for (;;) {
    const candidate = join(dir, 'node_modules', pkgSpecifier)
    if (existsSync(candidate)) return candidate
    const parent = dirname(dir)
    if (parent === dir) break
    dir = parent
  }
  throw new Error(`cannot find ${file} (looked beside the bundle and in node_modules)`)
}

const runtimeWasmFile = (): string =>
  findWasm('tree-sitter.wasm', 'web-tree-sitter/tree-sitter.wasm')
const cWasmFile = (): string => findWasm('tree-sitter-c.wasm', 'tree-sitter-c/tree-sitter-c.wasm')

let digest: string | undefined

/**
 * SHA-256 of what turns a text into a parse: the tree-sitter runtime and grammar, and, when running
 * from the bundle, every script of it (the locator and web-tree-sitter's JavaScript live there; the
 * version number does not change between builds). From the sources (tests) the scripts are not
 * hashed: the parse cache's schema, pinned to the locator's sources, stands for them.
 */
export function parserDigest(): string {
  if (digest === undefined) {
    const hash = createHash('sha256')
    for (const file of [runtimeWasmFile(), cWasmFile()]) hash.update(readFileSync(file))
    const here = dirname(fileURLToPath(import.meta.url))
    if (existsSync(join(here, 'tree-sitter-c.wasm')))
      for (const script of readdirSync(here)
        .filter(f => f.endsWith('.js'))
        .sort())
        hash.update(script).update(readFileSync(join(here, script)))
    digest = hash.digest('hex')
  }
  return digest
}

/** A C parser of its own (tests: each parser has its own in-run and persistent parse caches). */
export async function newCParser(): Promise<Parser> {
  const language = await loadLanguage()
  const parser = new Parser()
  parser.setLanguage(language)
  return parser
}

let runtime: Promise<Language> | undefined

/** The runtime is one per process: initialising it again would strand the parsers made before. */
function loadLanguage(): Promise<Language> {
  runtime ??= (async () => {
    const runtimeWasm = runtimeWasmFile()
    // Emscripten looks for its wasm relative to its own script; after bundling that script is gone.
    await Parser.init({ locateFile: () => runtimeWasm })
    // Bytes rather than a path: Language.load's path branch depends on how the runtime was bundled.
    return Language.load(new Uint8Array(readFileSync(cWasmFile())))
  })().catch((err: unknown) => {
    runtime = undefined
    throw err
  })
  return runtime
}

/** The C parser, loaded once per process. */
export function loadCParser(): Promise<Parser> {
  cached ??= newCParser().catch((err: unknown) => {
    cached = undefined
    throw err
  })
  return cached
}

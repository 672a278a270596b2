import { existsSync, readFileSync } from 'node:fs'
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

async function load(): Promise<Parser> {
  const runtimeWasm = findWasm('tree-sitter.wasm', 'web-tree-sitter/tree-sitter.wasm')
  const cWasm = findWasm('tree-sitter-c.wasm', 'tree-sitter-c/tree-sitter-c.wasm')
  // Emscripten looks for its wasm relative to its own script; after bundling that script is gone.
  await Parser.init({ locateFile: () => runtimeWasm })
  const parser = new Parser()
  // Bytes rather than a path: Language.load's path branch depends on how the runtime was bundled.
  parser.setLanguage(await Language.load(new Uint8Array(readFileSync(cWasm))))
  return parser
}

/** The C parser, loaded once per process. */
export function loadCParser(): Promise<Parser> {
  cached ??= load().catch((err: unknown) => {
    cached = undefined
    throw err
  })
  return cached
}

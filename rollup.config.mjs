import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'
import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'

/** web-tree-sitter loads these at run time from beside the bundle. */
const WASM = [
  'node_modules/tree-sitter-c/tree-sitter-c.wasm',
  'node_modules/web-tree-sitter/tree-sitter.wasm'
]

function copyWasm(outDir) {
  return {
    name: 'copy-wasm',
    writeBundle() {
      mkdirSync(outDir, { recursive: true })
      for (const file of WASM) copyFileSync(file, join(outDir, file.split('/').pop()))
    }
  }
}

/** Exactly one hashbang on the CLI entry, whether or not its entry file carries one; none on its chunks. */
function hashbang() {
  return {
    name: 'hashbang',
    renderChunk(code, chunk) {
      const bare = code.replace(/^(#!.*\n)+/, '')
      return { code: chunk.isEntry ? `#!/usr/bin/env node\n${bare}` : bare, map: null }
    }
  }
}

function plugins(outDir, { strict = true, before = [] } = {}) {
  return [
    ...before,
    typescript({ tsconfig: 'tsconfig.json', noEmitOnError: strict, outDir }),
    nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
    commonjs(),
    json(),
    copyWasm(outDir)
  ]
}

/**
 * Every module the CLI's entry loads that a part (`analyze`'s pipeline, the archive readers) uses
 * too, or that two parts use, goes in cli-shared.js. Left to rollup, each combination of parts
 * sharing modules would be a chunk of its own, named by its order in the build.
 */
/** Per build (rollup's module-info accessor is the build's own), so a watch rebuild starts afresh. */
const sharedByBuild = new WeakMap()

function sharedWithEntry(id, { getModuleIds, getModuleInfo }) {
  const reach = (from, out = new Set()) => {
    for (const next of getModuleInfo(from)?.importedIds ?? []) {
      if (!out.has(next)) reach(next, out.add(next))
    }
    return out
  }
  let shared = sharedByBuild.get(getModuleInfo)
  if (!shared) {
    const entry = [...getModuleIds()].find(m => getModuleInfo(m)?.isEntry)
    const fromEntry = reach(entry)
    const parts = [...getModuleIds()].filter(m => getModuleInfo(m)?.dynamicImporters.length)
    const uses = new Map()
    for (const m of parts.flatMap(p => [...new Set([p, ...reach(p)])]))
      uses.set(m, (uses.get(m) ?? 0) + 1)
    shared = new Set([...uses].filter(([m, n]) => n > 1 || fromEntry.has(m)).map(([m]) => m))
    sharedByBuild.set(getModuleInfo, shared)
  }
  return shared.has(id) ? 'shared' : undefined
}

function onwarn(warning, warn) {
  // The toolkit's TypeScript output uses `this` at module level and has benign cycles.
  if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'CIRCULAR_DEPENDENCY') return
  // web-tree-sitter's Emscripten runtime evals its own EM_ASM snippets; nothing else does.
  if (warning.code === 'EVAL' && warning.id?.includes('web-tree-sitter')) return
  warn(warning)
}

/**
 * `outDir` lets tests build into a scratch folder (never racing a committed dist/); `strict: false`
 * and `before` let them build while files of other parts are mid-edit.
 */
export function makeConfig(outDir = 'dist', options = {}) {
  return [
    {
      input: 'src/action/index.ts',
      output: {
        file: join(outDir, 'index.js'),
        format: 'es',
        sourcemap: false,
        inlineDynamicImports: true
      },
      plugins: plugins(outDir, options),
      onwarn
    },
    {
      input: 'src/cli/index.ts',
      // `analyze` loads its part (cli-pipeline.js) when it runs: `explain` starts without it.
      output: {
        dir: outDir,
        entryFileNames: 'cli.js',
        // cli-pipeline.js, which `analyze` loads, and what both parts share.
        chunkFileNames: chunk => (chunk.isDynamicEntry ? `cli-${chunk.name}.js` : 'cli-shared.js'),
        manualChunks: sharedWithEntry,
        format: 'es',
        sourcemap: false
      },
      plugins: [...plugins(outDir, options), hashbang()],
      onwarn
    },
    {
      // Loaded by both bundles from beside them (src/adapters/fs/scan-pool.ts).
      input: 'src/adapters/fs/scan-worker.ts',
      output: {
        file: join(outDir, 'scan-worker.js'),
        format: 'es',
        sourcemap: false,
        inlineDynamicImports: true
      },
      plugins: plugins(outDir, options),
      onwarn
    }
  ]
}

export default makeConfig()

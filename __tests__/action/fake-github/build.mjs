// Builds the action bundle the way `npm run package` does, into the folder given, for the tests.
// Type errors only warn, and parts of the tree still being written fall back to stand-ins (the
// renderers; the engine when it cannot be bundled yet, marked by an `engine-stub` file), so the
// action shell can be tested meanwhile. `npm run package` stays strict.
import { existsSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { rollup } from 'rollup'
import { makeConfig } from '../../../rollup.config.mjs'

const outDir = process.argv[2]
const here = p => fileURLToPath(new URL(p, import.meta.url))

function fallback(stubEngine) {
  return {
    name: 'fallback',
    resolveId(source, importer) {
      if (!importer) return null
      if (/core\/render\/(markdown|json)\.js$/.test(source)) {
        const real = resolve(dirname(importer), source.replace(/\.js$/, '.ts'))
        return existsSync(real) ? null : here('./minimal-render.mjs')
      }
      if (stubEngine && /app\/pipeline\.js$/.test(source)) return here('./stub-pipeline.mjs')
      return null
    }
  }
}

async function build(stubEngine) {
  const [action] = makeConfig(outDir, { strict: false, before: [fallback(stubEngine)] })
  const bundle = await rollup({ ...action, onwarn: () => undefined })
  await bundle.write(action.output)
  await bundle.close()
}

rmSync(join(outDir, 'engine-stub'), { force: true })
try {
  await build(false)
} catch (error) {
  if (error.code !== 'UNRESOLVED_IMPORT') throw error
  console.warn(`engine not bundleable yet (${error.message}); building with the stub engine`)
  await build(true)
  writeFileSync(join(outDir, 'engine-stub'), error.message)
}

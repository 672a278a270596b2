// The CLI loads the archive readers when an input is an archive; this bundle inlines them, and
// rollup puts a module that is only `import()`ed after this entry, whose top-level await would
// run the whole action before their code is evaluated. Imported here, they come first (and the
// action reads zip artifacts on almost every run anyway).
import '../adapters/fs/read-archive.js'
import { run } from './main.js'

await run()

// Node has the WebAssembly global, but @types/node 20 does not declare it (lib.dom does, which a
// Node project should not pull in): only what line-check.ts uses.
declare namespace WebAssembly {
  class Module {
    constructor(bytes: Uint8Array)
  }
  class Instance {
    constructor(module: Module)
    readonly exports: Record<string, unknown>
  }
  class Memory {
    readonly buffer: ArrayBuffer
    grow(pages: number): number
  }
}

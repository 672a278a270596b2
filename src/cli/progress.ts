/** Where progress goes: a terminal, or nowhere. */
export interface ProgressStream {
  isTTY?: boolean
  columns?: number
  write(text: string): unknown
}

/**
 * Progress for a person watching a terminal: one status line, rewritten in place (the loader's
 * "N files read" counter climbs on it), cleared by `done()` so the report starts on a clean line.
 * Nothing at all when stderr is not a terminal (CI logs, pipes) or under --quiet: there the lines
 * would be noise around the report.
 */
export function makeProgress(
  stream: ProgressStream,
  quiet: boolean
): { progress?: (message: string) => void; done: () => void } {
  if (quiet || !stream.isTTY) return { done: () => undefined }
  let shown = false
  return {
    progress(message) {
      const width = Math.max(20, (stream.columns ?? 80) - 1)
      const line = `klp-affected: ${message}`
      stream.write(`\r\x1b[K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`)
      shown = true
    },
    done() {
      if (shown) stream.write('\r\x1b[K')
      shown = false
    }
  }
}

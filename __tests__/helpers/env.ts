/** Puts an environment variable back as it was after each test of the file (tests set it to force a path). */
export function restoreEnvAfterEach(name: string): void {
  const saved = process.env[name]
  afterEach(() => {
    if (saved === undefined) delete process.env[name]
    else process.env[name] = saved
  })
}

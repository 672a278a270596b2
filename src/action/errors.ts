/**
 * A mistake in the workflow (an input, the event, the workspace), as opposed to a bug or an API
 * outage: reported with what was given and what is allowed, without a stack.
 */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigurationError'
  }
}

/** `input 'policy': 'fast' is not allowed; use a comma list of missing, review, unresolved, or none`. */
export function badInput(input: string, value: string, allowed: string): ConfigurationError {
  return new ConfigurationError(`input '${input}': '${value}' is not allowed; ${allowed}`)
}

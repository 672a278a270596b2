// The renderers belong to the core; this seam keeps the action's imports of them in one place.
export { renderMarkdown } from '../core/render/markdown.js'
export { renderJson } from '../core/render/json.js'

export * from "./templates"
export * from "./render"
export type { EmailContext, EmailMessage } from "./layout"
export { escapeHtml } from "./html"

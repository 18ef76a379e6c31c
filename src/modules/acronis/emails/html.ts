/**
 * A tiny HTML builder: every value interpolated into an `html` template is escaped unless it is itself
 * `html` output, so user data (names, service titles, Acronis error messages) can never become markup.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
}

export function escapeHtml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (char) => ENTITIES[char])
}

type HtmlValue = SafeHtml | string | number | null | undefined | HtmlValue[]

function piece(value: HtmlValue): string {
  if (Array.isArray(value)) {
    return value.map(piece).join("")
  }
  return value instanceof SafeHtml ? value.value : escapeHtml(value)
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, chunk, i) => out + chunk + (i < values.length ? piece(values[i]) : ""), ""))
}

/** Only web addresses become links: a `javascript:` URL in data must not become clickable. */
export const isWebAddress = (url: string): boolean => /^https?:\/\/[^\s]+$/i.test(url)

import { SafeHtml, html, isWebAddress } from "./html"

/** What a template produces: one e-mail, in a text and an HTML part. */
export type EmailMessage = { subject: string; text: string; html: string }

/** What every template knows besides its data. */
export type EmailContext = { shopName: string }

/** A paragraph in both parts: the HTML one escapes, the text one is the same words. */
export type EmailBlock = { html: SafeHtml; text: string }

export const paragraph = (text: string): EmailBlock => ({ html: html`<p>${text}</p>`, text })

export const greeting = (name?: string | null): EmailBlock => paragraph(name ? `Hello ${name},` : "Hello,")

/** A call to action: a link in HTML, the label followed by the bare address in text. */
export function action(label: string, url: string): EmailBlock {
  if (!isWebAddress(url)) {
    return paragraph(`${label}: ${url}`)
  }
  return {
    html: html`<p><a href="${url}" style="display:inline-block;padding:10px 16px;background:#1a5fb4;color:#ffffff;text-decoration:none;border-radius:4px">${label}</a></p>`,
    text: `${label}: ${url}`,
  }
}

export function list(items: string[]): EmailBlock {
  return {
    html: html`<ul>${items.map((item) => html`<li>${item}</li>`)}</ul>`,
    text: items.map((item) => `- ${item}`).join("\n"),
  }
}

/** Puts blocks under the shop's name; the same blocks make the text part, so both always say the same. */
export function compose(context: EmailContext, subject: string, blocks: EmailBlock[]): EmailMessage {
  const body = html`<!doctype html>
<html><head><meta charset="utf-8"><title>${subject}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1f2328;background:#f6f8fa;margin:0;padding:24px">
<div style="max-width:600px;margin:0 auto;background:#ffffff;padding:24px;border-radius:6px">
<h1 style="font-size:18px;margin:0 0 16px">${context.shopName}</h1>
${blocks.map((block) => html`${block.html}\n`)}<p style="color:#57606a;font-size:13px;margin-top:24px">${context.shopName}</p>
</div></body></html>`
  const text = [...blocks.map((block) => block.text), `-- \n${context.shopName}`].join("\n\n")
  return { subject, text: `${text}\n`, html: body.value }
}

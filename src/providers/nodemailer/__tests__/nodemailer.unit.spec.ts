import { mkdtemp, readFile, readdir, rm } from "node:fs/promises"
import { AddressInfo } from "node:net"
import os from "node:os"
import path from "node:path"
import type { Logger } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { ParsedMail, simpleParser } from "mailparser"
import { SMTPServer } from "smtp-server"
import { AcronisEventName, AcronisEvents } from "../../../modules/acronis/events"
import { AcronisEmailTemplateName } from "../../../modules/acronis/emails"
import { ACRONIS_GETTING_STARTED_URL } from "../../../modules/acronis/emails/templates/service-ready"
import { FAKE_ACRONIS_SECRET, HOSTILE_NAME, payloads } from "../../../modules/acronis/emails/__tests__/payloads"
import { NodemailerNotificationService } from "../service"

const SMTP_USER = "shop-mailer"
const SMTP_PASS = "smtp-pa55-w0rd-do-not-leak"
const FROM = "Hostile & Co Shop <shop@shop.test>"

type Received = { envelope: { from: string; to: string[] }; raw: string; mail: ParsedMail }

/** A real SMTP server on 127.0.0.1 that insists on our user and password and keeps what it receives. */
async function startSmtpServer() {
  const received: Received[] = []
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authOptional: false,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASS) {
        return callback(null, { user: auth.username })
      }
      return callback(new Error("Invalid username or password"))
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on("data", (chunk: Buffer) => chunks.push(chunk))
      stream.on("end", async () => {
        const raw = Buffer.concat(chunks).toString("utf8")
        received.push({
          envelope: {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          },
          raw,
          mail: await simpleParser(raw),
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  return { server, received, port: (server.server.address() as AddressInfo).port }
}

function recordingLogger(lines: string[]): Logger {
  const record = (...args: unknown[]) => lines.push(args.map(String).join(" "))
  return { info: record, warn: record, error: record, debug: record, log: record } as unknown as Logger
}

const links = (htmlPart: string) =>
  [...htmlPart.matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map(([, href, label]) => ({ label, href }))

type Expected = {
  event: AcronisEventName
  template: AcronisEmailTemplateName
  to: string
  subject: string
  links: { label: string; href: string }[]
  says: RegExp
}

const expectations: Expected[] = [
  {
    event: AcronisEvents.ORDER_RECEIVED,
    template: "order-received",
    to: "buyer@customer.test",
    subject: "We have received your order #1001",
    links: [],
    says: /This usually happens within minutes, at most four hours\./,
  },
  {
    event: AcronisEvents.SUBSCRIPTION_ACTIVATED,
    template: "service-ready",
    to: "buyer@customer.test",
    subject: "Your Acronis service is ready (order #1001)",
    links: [
      { label: "Manage your service", href: "https://shop.test/account/acronis/acsub_01" },
      { label: "Getting-started guide", href: ACRONIS_GETTING_STARTED_URL },
    ],
    says: /Acronis sends its own e-mail to it@customer\.test/,
  },
  {
    event: AcronisEvents.PROVISIONING_FAILED,
    template: "provisioning-failed",
    to: "ops@shop.test",
    subject: "Provisioning failed for order #1001 (create-tenant)",
    links: [{ label: "Open the order", href: "https://shop.test/app/orders/order_01" }],
    says: /Acronis error: 409 TenantAlreadyExists/,
  },
  {
    event: AcronisEvents.SUB_ACCOUNT_ACTIVATED,
    template: "sub-account-ready",
    to: "contact@reseller.test",
    subject: 'Sub-account "Dental Clinic" is ready',
    links: [{ label: "Manage the sub-account", href: "https://shop.test/account/reseller/sub-accounts/acsa_01" }],
    says: /"Dental Clinic" of Reseller Ltd is set up/,
  },
  {
    event: AcronisEvents.STATEMENT_ISSUED,
    template: "monthly-statement",
    to: "billing@customer.test",
    subject: "Your statement for 1 March 2025 – 31 March 2025",
    links: [{ label: "View the statement", href: "https://shop.test/account/acronis/statements/acst_2025_03" }],
    says: /- Backup storage \(120 GB\): €24\.00\n- Workstations \(5\): €17\.50\nTotal: €41\.50/,
  },
  {
    event: AcronisEvents.FREE_MONTH_ENDING,
    template: "free-month-ending",
    to: "buyer@customer.test",
    subject: "Your free month of Acronis Cyber Protect Cloud — Backup ends on 30 April 2025",
    links: [{ label: "Manage your service", href: "https://shop.test/account/acronis/acsub_01" }],
    says: /cancel before 30 April 2025/,
  },
  {
    event: AcronisEvents.SAAS_ORDER_PLACED,
    template: "saas-order-id",
    to: "it@customer.test",
    subject: "Your Order ID: 1002",
    links: [],
    says: /is placed\. Order ID: 1002\n\n- Acronis Cloud Backup plan — Team \(10 users\), SEK, Pre-paid/,
  },
]

describe("nodemailer notification provider", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>
  const logged: string[] = []

  beforeAll(async () => {
    smtp = await startSmtpServer()
  })

  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()))
  })

  const provider = (pass = SMTP_PASS) =>
    new NodemailerNotificationService(
      { logger: recordingLogger(logged) },
      {
        channels: ["email"],
        from: FROM,
        shopName: "Hostile & Co",
        smtp: { host: "127.0.0.1", port: smtp.port, secure: false, auth: { user: SMTP_USER, pass } },
      }
    )

  describe.each(expectations)("$template", (expected) => {
    let received: Received
    let result: { id?: string }

    beforeAll(async () => {
      const before = smtp.received.length
      result = await provider().send({
        to: expected.to,
        channel: "email",
        template: expected.template,
        data: payloads[expected.event] as Record<string, unknown>,
      })
      expect(smtp.received).toHaveLength(before + 1)
      received = smtp.received[before]
    })

    it("reaches the recipient from the shop, under the subject, with the message id it returned", () => {
      expect(received.envelope).toEqual({ from: "shop@shop.test", to: [expected.to] })
      expect(received.mail.to).toMatchObject({ value: [{ address: expected.to }] })
      expect(received.mail.from).toMatchObject({ value: [{ address: "shop@shop.test", name: "Hostile & Co Shop" }] })
      expect(received.mail.subject).toEqual(expected.subject)
      expect(received.mail.messageId).toEqual(result.id)
    })

    it("says the same in text and HTML, with its links clickable", () => {
      expect(received.mail.text).toMatch(expected.says)
      expect(links(received.mail.html as string)).toEqual(expected.links)
      for (const link of expected.links) {
        expect(received.mail.text).toContain(`${link.label}: ${link.href}`)
      }
      expect(received.mail.html).toContain("Hostile &amp; Co</h1>")
    })

    it("shows a hostile name as text, never as markup", () => {
      expect(received.mail.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;")
      expect(received.mail.html).not.toMatch(/<script/i)
      expect(received.mail.text).toContain(HOSTILE_NAME)
    })

    it("carries no secret: neither the SMTP password nor an Acronis secret in the payload", () => {
      expect(received.raw).not.toContain(SMTP_PASS)
      expect(received.raw).not.toContain(FAKE_ACRONIS_SECRET)
      expect(logged.join("\n")).not.toContain(SMTP_PASS)
    })
  })

  it("sends a notification's own content as it is", async () => {
    const before = smtp.received.length
    await provider().send({
      to: "someone@customer.test",
      channel: "email",
      template: "merchant-newsletter",
      content: { subject: "Spring news", text: "Hello from the shop", html: "<p>Hello from the shop</p>" },
    })
    const { mail } = smtp.received[before]
    expect(mail.subject).toEqual("Spring news")
    expect(mail.text?.trim()).toEqual("Hello from the shop")
    expect(mail.html).toEqual("<p>Hello from the shop</p>")
  })

  it("refuses a notification with neither content nor a known template", async () => {
    const error = await provider()
      .send({ to: "someone@customer.test", channel: "email", template: "no-such-template", data: {} })
      .catch((e) => e)
    expect(error).toBeInstanceOf(MedusaError)
    expect(error.message).toContain('"no-such-template" is not one of the plugin\'s templates')
  })

  it("fails without revealing the password when the server refuses the login", async () => {
    const wrongPass = `${SMTP_PASS}-old`
    const before = smtp.received.length
    const error = await provider(wrongPass)
      .send({ to: "buyer@customer.test", channel: "email", template: "order-received", data: payloads[AcronisEvents.ORDER_RECEIVED] })
      .catch((e) => e)
    expect(error).toBeInstanceOf(MedusaError)
    expect(error.message).toMatch(/could not send "order-received" to buyer@customer\.test: Invalid login/)
    expect(`${error.message}\n${error.stack}`).not.toContain(wrongPass)
    expect(`${error.message}\n${error.stack}`).not.toContain(SMTP_PASS)
    expect(smtp.received).toHaveLength(before)
  })
})

describe("nodemailer provider options", () => {
  const invalid = (options: Record<string, unknown>) => {
    try {
      NodemailerNotificationService.validateOptions(options)
    } catch (error) {
      return error as MedusaError
    }
    throw new Error("options were accepted")
  }

  it.each([
    [{}, "`from`"],
    [{ from: "not an address" }, '`from` must be an address, e.g. "Shop <shop@example.com>"'],
    [{ from: "shop@shop.test", smtp: { host: "mail.shop.test", port: "587" } }, "`smtp.port`"],
    [{ from: "shop@shop.test", smtp: { host: "mail.shop.test", port: 587, auth: { user: "u" } } }, "`smtp.auth.pass`"],
    [{ from: "shop@shop.test", smtp: { host: "h", port: 25 }, outboxDir: "/tmp/x" }, "`outboxDir` set either `smtp` or `outboxDir`, not both"],
    [{ from: "shop@shop.test", smtpHost: "mail.shop.test" }, "unknown option `smtpHost`"],
  ])("refuses %j, naming %s", (options, named) => {
    const error = invalid(options)
    expect(error).toBeInstanceOf(MedusaError)
    expect(error.type).toEqual(MedusaError.Types.INVALID_DATA)
    expect(error.message).toContain(named)
  })

  it("never echoes a password it refuses", () => {
    const error = invalid({ from: "shop@shop.test", smtp: { host: "h", port: 25, auth: { user: "u", pass: 12345678 }, tls: "x" } })
    expect(error.message).toContain("`smtp.auth.pass`")
    expect(error.message).not.toContain("12345678")
  })

  it("accepts SMTP, or an outbox folder, or nothing but a sender", () => {
    expect(() =>
      NodemailerNotificationService.validateOptions({
        channels: ["email"],
        from: "Shop <shop@shop.test>",
        smtp: { host: "mail.shop.test", port: 465, secure: true, auth: { user: "u", pass: "p" } },
      })
    ).not.toThrow()
    expect(() => NodemailerNotificationService.validateOptions({ from: "shop@shop.test", outboxDir: "/tmp/outbox" })).not.toThrow()
    expect(() => NodemailerNotificationService.validateOptions({ from: "shop@shop.test" })).not.toThrow()
  })
})

describe("nodemailer outbox", () => {
  let outboxDir: string

  beforeAll(async () => {
    outboxDir = await mkdtemp(path.join(os.tmpdir(), "acronis-outbox-"))
  })

  afterAll(async () => {
    await rm(outboxDir, { recursive: true, force: true })
  })

  it("writes each message as a .eml file a mail client can read", async () => {
    const provider = new NodemailerNotificationService(
      { logger: recordingLogger([]) },
      { from: "Shop <shop@shop.test>", outboxDir: path.join(outboxDir, "nested") }
    )
    const result = await provider.send({
      to: "buyer@customer.test",
      channel: "email",
      template: "service-ready",
      data: payloads[AcronisEvents.SUBSCRIPTION_ACTIVATED] as Record<string, unknown>,
    })

    const files = await readdir(path.join(outboxDir, "nested"))
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(/\.eml$/)
    const mail = await simpleParser(await readFile(path.join(outboxDir, "nested", files[0])))
    expect(mail.messageId).toEqual(result.id)
    expect(mail.to).toMatchObject({ value: [{ address: "buyer@customer.test" }] })
    expect(mail.subject).toEqual("Your Acronis service is ready (order #1001)")
    expect(links(mail.html as string)).toContainEqual({
      label: "Manage your service",
      href: "https://shop.test/account/acronis/acsub_01",
    })
    expect(mail.text).toContain("Acronis Cyber Protect Cloud — Backup from your order #1001 is active.")
  })
})

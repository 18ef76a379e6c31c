import { MedusaError } from "@medusajs/framework/utils"
import { AcronisEvents } from "../../events"
import { parseAcronisOptions } from "../../options"
import { EmailTemplateOverrides, renderAcronisEmail } from ".."
import { HOSTILE_NAME, payloads } from "./payloads"

const serviceReady = payloads[AcronisEvents.SUBSCRIPTION_ACTIVATED]
const context = { shopName: "Backup Corner" }

describe("renderAcronisEmail", () => {
  it("renders the plugin's message under the shop's name", async () => {
    const message = await renderAcronisEmail("service-ready", serviceReady, context)
    expect(message.subject).toEqual("Your Acronis service is ready (order #1001)")
    expect(message.html).toContain(">Backup Corner</h1>")
    expect(message.text).toMatch(/\n-- \nBackup Corner\n$/)
  })

  it("shows the service's login when the payload has it", async () => {
    const message = await renderAcronisEmail("service-ready", { ...serviceReady, service_login: "admin2.contoso.com" }, context)
    expect(message.text).toContain("Login: admin2.contoso.com\n\nAcronis sends its own e-mail to it@customer.test")
    expect(message.html).toContain("<p>Login: admin2.contoso.com</p>")
    expect((await renderAcronisEmail("service-ready", serviceReady, context)).text).not.toContain("Login:")
  })

  it("renders the Order ID of a SaaS order, and lets a merchant override it like the others", async () => {
    const placed = payloads[AcronisEvents.SAAS_ORDER_PLACED]
    const message = await renderAcronisEmail("saas-order-id", placed, context)
    expect(message.subject).toEqual("Your Order ID: 1002")
    expect(message.html).toContain(">Backup Corner</h1>")
    expect(message.text).toContain("Order ID: 1002")
    const overrides: EmailTemplateOverrides = { "saas-order-id": (data, { defaultMessage }) => ({ ...defaultMessage, subject: `Order ${data.order_display_id} placed` }) }
    expect((await renderAcronisEmail("saas-order-id", placed, { ...context, overrides })).subject).toEqual("Order 1002 placed")
  })

  it("uses a merchant's override, which sees our message and the shop's name", async () => {
    const overrides: EmailTemplateOverrides = {
      "service-ready": (data, { shopName, defaultMessage, escapeHtml }) => ({
        ...defaultMessage,
        subject: `${shopName}: ${data.service_name} is live`,
        html: `<p>Welcome ${escapeHtml(data.customer_name)}</p>`,
      }),
    }
    const message = await renderAcronisEmail("service-ready", serviceReady, { ...context, overrides })
    expect(message.subject).toEqual("Backup Corner: Acronis Cyber Protect Cloud — Backup is live")
    expect(message.text).toContain("Manage your service: https://shop.test/account/acronis/acsub_01")
    expect(message.html).toEqual("<p>Welcome &lt;script&gt;alert(1)&lt;/script&gt;</p>")
  })

  it("leaves the other templates alone and accepts an async override", async () => {
    const overrides: EmailTemplateOverrides = {
      "order-received": async (data) => ({ subject: `Order ${data.order_display_id}`, text: "t", html: "<p>h</p>" }),
    }
    const ready = await renderAcronisEmail("service-ready", serviceReady, { ...context, overrides })
    const received = await renderAcronisEmail("order-received", payloads[AcronisEvents.ORDER_RECEIVED], { ...context, overrides })
    expect(ready.subject).toEqual("Your Acronis service is ready (order #1001)")
    expect(received).toEqual({ subject: "Order 1001", text: "t", html: "<p>h</p>" })
  })

  it("says which override returned an incomplete message", async () => {
    const overrides = { "free-month-ending": () => ({ subject: "Ends soon", text: "t" }) } as unknown as EmailTemplateOverrides
    const error = await renderAcronisEmail("free-month-ending", payloads[AcronisEvents.FREE_MONTH_ENDING], { ...context, overrides }).catch(
      (e) => e
    )
    expect(error).toBeInstanceOf(MedusaError)
    expect(error.message).toContain('`emailTemplates["free-month-ending"]` override must return { subject, text, html }')
    expect(error.message).toContain("`html` is missing")
  })

  it("never turns a non-web address from the data into a link", async () => {
    const message = await renderAcronisEmail("service-ready", { ...serviceReady, manage_url: "javascript:alert(1)" }, context)
    expect(message.html).not.toContain("javascript:alert(1)\"")
    expect(message.html).not.toMatch(/href="javascript/i)
    expect(message.html).toContain("<p>Manage your service: javascript:alert(1)</p>")
  })

  it("escapes user data everywhere in the HTML part, including attribute-breaking quotes", async () => {
    const message = await renderAcronisEmail(
      "sub-account-ready",
      { ...payloads[AcronisEvents.SUB_ACCOUNT_ACTIVATED], sub_account_name: `"><img src=x onerror=alert(1)>` },
      context
    )
    expect(message.html).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
    expect(message.html).not.toMatch(/<img/i)
    expect(message.html).toContain(`Hello ${HOSTILE_NAME.replace(/</g, "&lt;").replace(/>/g, "&gt;")},`)
  })
})

describe("e-mail plugin options", () => {
  it("takes an operations address and override functions", () => {
    const override = () => ({ subject: "s", text: "t", html: "h" })
    const options = parseAcronisOptions({ operationsEmail: "ops@shop.test", emailTemplates: { "service-ready": override } })
    expect(options.operationsEmail).toEqual("ops@shop.test")
    expect(options.emailTemplates?.["service-ready"]).toBe(override)
  })

  it.each([
    [{ emailTemplates: { "service-ready": "Your service is ready" } }, "`emailTemplates.service-ready` must be a function (data, context) => ({ subject, text, html })"],
    [{ emailTemplates: { "service-redy": () => null } }, "`emailTemplates.service-redy` must map template names (order-received, service-ready,"],
    [{ operationsEmail: "operations" }, "`operationsEmail`"],
  ])("refuses %j", (options, named) => {
    expect(() => parseAcronisOptions(options)).toThrow(named)
  })
})

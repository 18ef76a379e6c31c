import { mkdtempSync } from "node:fs"
import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises"
import os from "node:os"
import path from "node:path"
import type { INotificationModuleService, IEventBusModuleService, Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { TestEventUtils, medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { simpleParser } from "mailparser"
import { AcronisEventName, AcronisEvents } from "../../src/modules/acronis/events"
import { sendAcronisEmailWorkflow } from "../../src/workflows"
import { FAKE_ACRONIS_SECRET, payloads } from "../../src/modules/acronis/emails/__tests__/payloads"
import { backgroundWorkSettled } from "./fixtures/settle"

jest.setTimeout(60 * 1000)

const outboxDir = path.join(mkdtempSync(path.join(os.tmpdir(), "acronis-http-")), "outbox")

// The runner reads medusa-config.ts before it applies its `env` option, so settings the config reads must be
// in process.env when the suite starts (jest gives each suite its own copy of process.env).
process.env.NOTIFICATION_OUTBOX_DIR = outboxDir
process.env.ACRONIS_OPERATIONS_EMAIL = "ops@shop.test"

async function outbox() {
  const files = await readdir(outboxDir).catch(() => [] as string[])
  return Promise.all(files.sort().map(async (file) => simpleParser(await readFile(path.join(outboxDir, file)))))
}

medusaIntegrationTestRunner({
  testSuite: ({ getContainer }) => {
    const notifications = () => getContainer().resolve<INotificationModuleService>(Modules.NOTIFICATION)

    /** Emits the events as a feature would, and waits until the plugin's subscriber has handled them all. */
    async function emit(event: AcronisEventName, times = 1) {
      const eventBus = getContainer().resolve<IEventBusModuleService>(Modules.EVENT_BUS)
      const handled = TestEventUtils.waitSubscribersExecution(event, eventBus as never, { triggerCount: times })
      await eventBus.emit(Array.from({ length: times }, () => ({ name: event, data: payloads[event] })))
      await handled
    }

    const sentFor = (event: AcronisEventName) =>
      notifications().listNotifications(
        { trigger_type: event, resource_id: payloads[event].id },
        { select: ["id", "to", "status", "template", "original_notification_id", "external_id"], order: { created_at: "ASC" } }
      )

    beforeEach(async () => {
      await rm(outboxDir, { recursive: true, force: true })
    })

    // An e-mail still being written when the next test empties the outbox would fail on the folder.
    afterEach(() => backgroundWorkSettled(getContainer()))

    afterAll(async () => {
      await rm(path.dirname(outboxDir), { recursive: true, force: true })
    })

    describe("e-mails on the plugin's events", () => {
      it("sends one e-mail for an event emitted twice, into the configured outbox", async () => {
        await emit(AcronisEvents.SUBSCRIPTION_ACTIVATED, 2)

        const mails = await outbox()
        expect(mails).toHaveLength(1)
        expect(mails[0].to).toMatchObject({ value: [{ address: "buyer@customer.test" }] })
        expect(mails[0].subject).toEqual("Your Acronis service is ready (order #1001)")
        expect(mails[0].html).toContain('<a href="https://shop.test/account/acronis/acsub_01"')

        const rows = await sentFor(AcronisEvents.SUBSCRIPTION_ACTIVATED)
        expect(rows).toEqual([
          expect.objectContaining({ to: "buyer@customer.test", template: "service-ready", status: "success", external_id: mails[0].messageId }),
        ])
      })

      it("sends an e-mail with several recipients to each once, an address in another case being the same one", async () => {
        await emit(AcronisEvents.SAAS_ORDER_PLACED, 2)
        await emit(AcronisEvents.SAAS_ORDER_PLACED)

        const mails = await outbox()
        expect(mails.map((mail) => (mail.to as { value: { address: string }[] }).value[0].address).sort()).toEqual([
          "it@customer.test",
          "manager@partner.test",
        ])
        expect(mails.map((mail) => mail.subject)).toEqual(["Your Order ID: 1002", "Your Order ID: 1002"])
        const rows = await sentFor(AcronisEvents.SAAS_ORDER_PLACED)
        expect(rows.map((row) => [row.to, row.template, row.status]).sort()).toEqual([
          ["it@customer.test", "saas-order-id", "success"],
          ["manager@partner.test", "saas-order-id", "success"],
        ])
      })

      it("sends nothing more when the same event comes again later", async () => {
        await emit(AcronisEvents.ORDER_RECEIVED)
        await emit(AcronisEvents.ORDER_RECEIVED)

        expect(await outbox()).toHaveLength(1)
        expect(await sentFor(AcronisEvents.ORDER_RECEIVED)).toHaveLength(1)
      })

      it("answers a concurrent duplicate run with `already_sent` instead of an error", async () => {
        const input = { event: AcronisEvents.STATEMENT_ISSUED, data: payloads[AcronisEvents.STATEMENT_ISSUED] }
        const runs = await Promise.all([
          sendAcronisEmailWorkflow(getContainer()).run({ input }),
          sendAcronisEmailWorkflow(getContainer()).run({ input }),
        ])

        expect(runs.map((run) => run.result.status).sort()).toEqual(["already_sent", "sent"])
        const mails = await outbox()
        expect(mails).toHaveLength(1)
        expect(mails[0].subject).toEqual("Your statement for 1 March 2025 – 31 March 2025")
        expect(await sentFor(AcronisEvents.STATEMENT_ISSUED)).toHaveLength(1)
      })

      it("sends provisioning failures to the operations address, without secrets", async () => {
        await emit(AcronisEvents.PROVISIONING_FAILED)

        const [mail, ...others] = await outbox()
        expect(others).toHaveLength(0)
        expect(mail.to).toMatchObject({ value: [{ address: "ops@shop.test" }] })
        expect(mail.subject).toEqual("Provisioning failed for order #1001 (create-tenant)")
        expect(mail.text).toContain("Acronis error: 409 TenantAlreadyExists")
        expect(`${mail.text}${mail.html}`).not.toContain(FAKE_ACRONIS_SECRET)
      })

      it("retries a send that failed, and then sends once", async () => {
        // A file where the outbox folder should be: the provider cannot write the message.
        await writeFile(outboxDir, "")
        // The failure must be logged; it is collected here so that a deliberate failure leaves no error line in CI.
        const logger = getContainer().resolve<Logger>(ContainerRegistrationKeys.LOGGER)
        const logged: string[] = []
        const logError = logger.error
        logger.error = (...args: unknown[]) => void logged.push(args.map((arg) => (arg as { message?: string })?.message ?? String(arg)).join(" "))
        try {
          await emit(AcronisEvents.FREE_MONTH_ENDING)
        } finally {
          logger.error = logError
        }
        expect(logged.join("\n")).toContain('nodemailer could not send "free-month-ending"')
        const [failed] = await sentFor(AcronisEvents.FREE_MONTH_ENDING)
        expect(failed).toEqual(expect.objectContaining({ status: "failure" }))

        await rm(outboxDir)
        await mkdir(outboxDir)
        await emit(AcronisEvents.FREE_MONTH_ENDING)
        await emit(AcronisEvents.FREE_MONTH_ENDING)

        const mails = await outbox()
        expect(mails).toHaveLength(1)
        expect(mails[0].subject).toEqual("Your free month of Acronis Cyber Protect Cloud — Backup ends on 30 April 2025")
        expect(await sentFor(AcronisEvents.FREE_MONTH_ENDING)).toEqual([
          expect.objectContaining({ id: failed.id, status: "failure" }),
          expect.objectContaining({ status: "success", original_notification_id: failed.id, external_id: mails[0].messageId }),
        ])
      })
    })
  },
})

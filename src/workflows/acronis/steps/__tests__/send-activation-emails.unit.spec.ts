import { AcronisClient } from "../../../../lib/acronis"
import { startAcronisSandbox, type RunningAcronisSandbox } from "../../../../sandbox"
import type { CreatedAcronisUser } from "../create-acronis-users"
import { sendActivationEmails } from "../send-activation-emails"

describe("sendActivationEmails against the sandbox", () => {
  let sandbox: RunningAcronisSandbox
  let client: AcronisClient
  const sentEmails = async () =>
    ((await (await fetch(`${sandbox.url}/__sandbox/emails`)).json()) as { items: { login: string }[] }).items.map((email) => email.login)

  beforeAll(async () => {
    sandbox = await startAcronisSandbox({ controlApi: true })
    client = new AcronisClient({ baseUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret })
  })
  afterAll(() => sandbox.stop())

  async function newUser(login: string): Promise<CreatedAcronisUser> {
    const tenant = await client.tenants.create({ name: `Tenant of ${login}`, kind: "customer", parent_id: sandbox.rootTenantId })
    const user = await client.users.create({ tenant_id: tenant.id, login, contact: { email: `${login}@example.test` } })
    return { email: `${login}@example.test`, login, acronis_user_id: user.id, outcome: "created", activated: false, activation_email_sent: false }
  }

  it("asks once per user, never for one an earlier run e-mailed, and never again for one a crashed run was asking for", async () => {
    const [fresh, emailed, crashed] = await Promise.all([newUser("fresh-user"), newUser("emailed-user"), newUser("crashed-user")])
    const result = await sendActivationEmails(client, {
      users: [fresh, emailed, crashed],
      activation_email_sent_to: [emailed.acronis_user_id],
      activation_email_requested_for: [crashed.acronis_user_id],
    })
    expect(await sentEmails()).toEqual(["fresh-user"])
    expect(result.map((user) => [user.login, user.activation_email_sent, user.activation_email_unconfirmed ?? false])).toEqual([
      ["fresh-user", true, false],
      ["emailed-user", false, false],
      // Acronis may have sent it before the crash: reported for staff to check, not sent a second time.
      ["crashed-user", true, true],
    ])
  })
})

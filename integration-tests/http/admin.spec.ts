import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminHeaders } from "./fixtures/admin"

jest.setTimeout(60 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("GET /admin/acronis/status", () => {
      it("reports the plugin version and sandbox mode, and never the client secret", async () => {
        const admin = await createAdminHeaders(api, getContainer())
        const response = await api.get("/admin/acronis/status", admin)

        expect(response.status).toEqual(200)
        expect(response.data.status).toEqual(
          expect.objectContaining({
            plugin: { name: "medusa-plugin-acronis", version: require("../../package.json").version },
            mode: "sandbox",
          })
        )
        expect(JSON.stringify(response.data)).not.toMatch(/secret/i)
      })

      it("answers 401 without an admin session", async () => {
        const error = await api.get("/admin/acronis/status").catch((e: { response: { status: number } }) => e)
        expect(error.response.status).toEqual(401)
      })
    })
  },
})

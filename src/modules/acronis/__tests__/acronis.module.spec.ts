import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { ACRONIS_MODULE } from ".."
import AcronisModuleService from "../service"

jest.setTimeout(60 * 1000)

moduleIntegrationTestRunner<AcronisModuleService>({
  moduleName: ACRONIS_MODULE,
  resolve: "./src/modules/acronis",
  moduleOptions: { shopName: "Test Shop" },
  testSuite: ({ service }) => {
    it("boots in sandbox mode against an in-process sandbox and reports it without secrets", async () => {
      const status = await service.getStatus()
      expect(status).toEqual(
        expect.objectContaining({
          plugin: { name: "medusa-plugin-acronis", version: expect.stringMatching(/^\d+\.\d+\.\d+/) },
          mode: "sandbox",
          datacenter_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
          root_tenant: { id: expect.any(String), name: "Sandbox MSP" },
        })
      )
      expect(JSON.stringify(status)).not.toMatch(/secret/i)
    })
  },
})

import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { ACRONIS_MODULE } from ".."
import AcronisModuleService from "../service"

jest.setTimeout(60 * 1000)

moduleIntegrationTestRunner<AcronisModuleService>({
  moduleName: ACRONIS_MODULE,
  resolve: "./src/modules/acronis",
  moduleOptions: { shopName: "Test Shop" },
  testSuite: ({ service }) => {
    it("boots in sandbox mode and reports it without secrets", async () => {
      const status = await service.getStatus()
      expect(status).toEqual(
        expect.objectContaining({
          plugin: { name: "medusa-plugin-acronis", version: expect.stringMatching(/^\d+\.\d+\.\d+/) },
          mode: "sandbox",
          client_id: null,
        })
      )
    })
  },
})

import Medusa from "@medusajs/js-sdk"
import { createServer, type IncomingHttpHeaders, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { createAcronisStorefront } from "../index"

// A real sdk against a real HTTP server that records what each request carried.
describe("createAcronisStorefront headers", () => {
  let server: Server
  let baseUrl: string
  const received: { url: string; headers: IncomingHttpHeaders }[] = []

  beforeAll(async () => {
    server = createServer((req, res) => {
      received.push({ url: req.url ?? "", headers: req.headers })
      res.setHeader("content-type", "application/json")
      res.end(JSON.stringify({ subscriptions: [] }))
    })
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done))
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((done) => server.close(() => done())))
  beforeEach(() => {
    received.length = 0
  })

  it("sends the client's headers with every call, under the call's own and with the sdk's publishable key", async () => {
    const sdk = new Medusa({ baseUrl, publishableKey: "pk_test" })
    const acronis = createAcronisStorefront(sdk, { headers: { authorization: "Bearer from-the-server", "x-trace": "client" } })

    await acronis.subscriptions.list()
    await acronis.subscriptions.list({ "x-trace": "call" })

    expect(received.map((r) => r.url)).toEqual(["/store/customers/me/acronis/subscriptions", "/store/customers/me/acronis/subscriptions"])
    expect(received[0].headers).toMatchObject({ authorization: "Bearer from-the-server", "x-trace": "client", "x-publishable-api-key": "pk_test" })
    expect(received[1].headers).toMatchObject({ authorization: "Bearer from-the-server", "x-trace": "call" })
  })

  it("sends no authorization of its own without the option", async () => {
    const acronis = createAcronisStorefront(new Medusa({ baseUrl, publishableKey: "pk_test" }))
    await acronis.subscriptions.list()
    expect(received[0].headers.authorization).toBeUndefined()
  })
})

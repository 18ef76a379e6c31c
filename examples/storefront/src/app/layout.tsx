import type { Metadata } from "next"
import type { ReactNode } from "react"
import { SiteHeader } from "@/components/site-header"
import { storeConfig } from "@/lib/config"
import { Providers } from "./providers"
import "./globals.css"

export const metadata: Metadata = {
  title: { default: "Acronis Store", template: "%s · Acronis Store" },
  description: "Acronis Cyber Protect Cloud, bought and managed in one place.",
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" data-mode="light">
      <body className="bg-ui-bg-subtle text-ui-fg-base min-h-screen">
        <Providers config={storeConfig()}>
          <SiteHeader />
          <main className="mx-auto w-full max-w-6xl px-6 py-10">{children}</main>
          <footer className="text-ui-fg-muted txt-small border-ui-border-base border-t py-8 text-center">
            Example storefront for medusa-plugin-acronis. Payments in this demo use Medusa&apos;s test provider.
          </footer>
        </Providers>
      </body>
    </html>
  )
}

"use client"

import type { AcronisLinkComponent } from "medusa-plugin-acronis/storefront/react"
import Link from "next/link"

/** Next.js's client-side navigation for the plugin's components. */
export const AppLink: AcronisLinkComponent = ({ href, className, children, ...rest }) => (
  <Link href={href} className={className} {...rest}>
    {children}
  </Link>
)

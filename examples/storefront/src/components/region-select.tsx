"use client"

import { NativeSelect } from "medusa-plugin-acronis/storefront/react"
import { useId } from "react"
import { useStore } from "@/lib/store-context"

/** The shopper's region, and so the currency prices show in. */
export function RegionSelect() {
  const { regions, region, setRegionId } = useStore()
  const id = useId()
  return (
    <div className="flex items-center gap-x-2">
      <label htmlFor={id} className="txt-compact-small text-ui-fg-subtle max-sm:sr-only">
        Region
      </label>
      <NativeSelect
        id={id}
        className="w-44"
        value={region?.id ?? ""}
        disabled={!regions.length}
        onChange={(event) => void setRegionId(event.target.value)}
      >
        {regions.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name} ({r.currency_code.toUpperCase()})
          </option>
        ))}
      </NativeSelect>
    </div>
  )
}

import { Heading, StatusBadge, Text } from "@medusajs/ui"
import Link from "next/link"
import { type ReactNode, useEffect, useRef } from "react"

type Props = {
  id: string
  number: number
  title: string
  open: boolean
  done: boolean
  /** What was chosen, shown while the step is closed and done. */
  summary?: ReactNode
  children: ReactNode
}

/** One step of the checkout page: open to fill in, or closed with what was entered and a way back to it. */
export function StepSection({ id, number, title, open, done, summary, children }: Props) {
  const headingId = `checkout-${id}`
  // After Continue (or Edit) the next step opens and the old form is gone: move focus to the step that opened,
  // so keyboard and screen reader users carry on there rather than from the top of the page. Not on page load.
  const wasOpen = useRef(open)
  useEffect(() => {
    if (open && !wasOpen.current) document.getElementById(headingId)?.focus()
    wasOpen.current = open
  }, [open, headingId])
  return (
    <section aria-labelledby={headingId} className="bg-ui-bg-base shadow-elevation-card-rest flex flex-col gap-y-4 rounded-lg p-6">
      <div className="flex items-center justify-between gap-x-4">
        <Heading
          level="h2"
          id={headingId}
          tabIndex={-1}
          className={`outline-none ${open || done ? "text-ui-fg-base" : "text-ui-fg-muted"}`}
        >
          {number}. {title}
        </Heading>
        <div className="flex items-center gap-x-3">
          {done && !open && <StatusBadge color="green">Done</StatusBadge>}
          {done && !open && (
            <Link href={`/checkout?step=${id}`} className="txt-compact-small-plus text-ui-fg-interactive hover:underline" aria-label={`Edit ${title.toLowerCase()}`}>
              Edit
            </Link>
          )}
        </div>
      </div>
      {open ? children : done && summary ? <div className="text-ui-fg-subtle">{summary}</div> : null}
      {!open && !done && (
        <Text size="small" className="text-ui-fg-muted">
          Complete the steps above first.
        </Text>
      )}
    </section>
  )
}

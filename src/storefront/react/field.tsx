"use client"

import { Checkbox, clx, Hint, Label, Text } from "@medusajs/ui"
import { type ReactNode, type SelectHTMLAttributes, useId } from "react"

/** The ids and aria attributes that tie a control to its label, its hint and its error. */
export type FieldControlProps = {
  id: string
  "aria-invalid"?: true
  "aria-describedby"?: string
  "aria-required"?: true
}

type FieldProps = {
  label: ReactNode
  /** Shown under the label; read with the control. */
  hint?: ReactNode
  /** The refusal for this field, shown at it and announced. */
  error?: string | null
  required?: boolean
  className?: string
  children: (control: FieldControlProps) => ReactNode
}

/**
 * A labelled control with its hint and error: the control gets `aria-invalid` and `aria-describedby` pointing
 * at both, so a screen reader reads the error where the shopper is.
 */
export function Field({ label, hint, error, required, className, children }: FieldProps) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ")
  return (
    <div className={clx("flex flex-col gap-y-2", className)}>
      <Label htmlFor={id} weight="plus" size="small">
        {label}
        {required && <span aria-hidden="true" className="text-ui-fg-muted"> *</span>}
      </Label>
      {hint && (
        <Hint id={hintId} className="-mt-1">
          {hint}
        </Hint>
      )}
      {children({
        id,
        ...(error && { "aria-invalid": true as const }),
        ...(describedBy && { "aria-describedby": describedBy }),
        ...(required && { "aria-required": true as const }),
      })}
      {error && (
        <Hint id={errorId} variant="error" role="alert">
          {error}
        </Hint>
      )}
    </div>
  )
}

/**
 * A native drop-down in `@medusajs/ui`'s look: the browser's own list keeps it usable with a keyboard and
 * screen readers in any React app.
 */
export function NativeSelect({ className, children, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <div className={clx("relative", className ?? "w-full")}>
      <select
        {...props}
        className={clx(
          "bg-ui-bg-field shadow-borders-base txt-compact-small text-ui-fg-base h-8 w-full appearance-none rounded-md pl-2 pr-8 outline-none",
          "hover:bg-ui-bg-field-hover focus-visible:shadow-borders-interactive-with-active",
          "aria-[invalid=true]:shadow-borders-error disabled:bg-ui-bg-disabled disabled:text-ui-fg-disabled"
        )}
      >
        {children}
      </select>
      <svg aria-hidden="true" viewBox="0 0 15 15" className="text-ui-fg-muted pointer-events-none absolute right-2 top-1/2 h-[15px] w-[15px] -translate-y-1/2" fill="none">
        <path stroke="currentColor" strokeLinecap="round" strokeLinejoin="round" strokeWidth="1.5" d="m4.5 6 3 3 3-3" />
      </svg>
    </div>
  )
}

/** A checkbox with its label beside it, and its hint and error tied to it. */
export function CheckboxField(props: { label: ReactNode; hint?: string; error?: string; checked: boolean; disabled?: boolean; onChange: (checked: boolean) => void }) {
  const id = useId()
  const describedBy = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined
  return (
    <div className="flex items-start gap-x-2">
      <Checkbox
        id={id}
        disabled={props.disabled}
        checked={props.checked}
        onCheckedChange={(checked) => props.onChange(checked === true)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
      />
      <div className="flex flex-col gap-y-1">
        <Label htmlFor={id} size="small">
          {props.label}
        </Label>
        {props.hint && (
          <Text id={`${id}-hint`} size="small" className="text-ui-fg-subtle">
            {props.hint}
          </Text>
        )}
        {props.error && (
          <Text id={`${id}-error`} role="alert" size="small" className="text-ui-fg-error">
            {props.error}
          </Text>
        )}
      </div>
    </div>
  )
}

"use client"

import { Input, Label, Text } from "@medusajs/ui"
import type { ComponentType, ReactNode } from "react"
import { describedBy } from "./account-format"

/** How the app links between pages (Next.js's `Link`, a router's…); a plain `<a>` when it gives none. */
export type AcronisLinkComponent = ComponentType<{ href: string; className?: string; children: ReactNode; "aria-label"?: string }>

export const PlainLink: AcronisLinkComponent = ({ href, className, children, ...rest }) => (
  <a href={href} className={className} {...rest}>
    {children}
  </a>
)

/** The error text of a field, the one its input's `aria-describedby` names. */
export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null
  return (
    <Text id={`${id}-error`} size="small" className="text-ui-fg-error" role="alert">
      {error}
    </Text>
  )
}

type TextFieldProps = {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  error?: string
  hint?: string
  type?: string
  required?: boolean
  autoComplete?: string
  inputMode?: "text" | "numeric" | "email" | "tel"
  min?: number
  max?: number
}

export function TextField({ id, label, value, onChange, error, hint, type = "text", required, autoComplete, inputMode, min, max }: TextFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined
  return (
    <div className="flex flex-col gap-y-1">
      <Label htmlFor={id} size="small" weight="plus">
        {label}
        {required ? "" : " (optional)"}
      </Label>
      <Input
        {...describedBy(id, error, hintId)}
        type={type}
        value={value}
        aria-required={required || undefined}
        autoComplete={autoComplete}
        inputMode={inputMode}
        min={min}
        max={max}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && (
        <Text id={hintId} size="xsmall" className="text-ui-fg-muted">
          {hint}
        </Text>
      )}
      <FieldError id={id} error={error} />
    </div>
  )
}

type SelectFieldProps = {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  options: { value: string; label: string }[]
  error?: string
  hint?: string
  required?: boolean
}

/** A native select: the keyboard, screen readers and autofill all know it. */
export function SelectField({ id, label, value, onChange, options, error, hint, required = true }: SelectFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined
  return (
    <div className="flex flex-col gap-y-1">
      <Label htmlFor={id} size="small" weight="plus">
        {label}
      </Label>
      <select
        {...describedBy(id, error, hintId)}
        value={value}
        aria-required={required || undefined}
        onChange={(event) => onChange(event.target.value)}
        className="bg-ui-bg-field shadow-borders-base txt-compact-small text-ui-fg-base h-8 rounded-md px-2 outline-none focus-visible:shadow-borders-interactive-with-active aria-[invalid=true]:shadow-borders-error"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint && (
        <Text id={hintId} size="xsmall" className="text-ui-fg-muted">
          {hint}
        </Text>
      )}
      <FieldError id={id} error={error} />
    </div>
  )
}

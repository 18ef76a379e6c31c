"use client"

import { Text } from "@medusajs/ui"
import type { AcronisBasketSettings, AcronisOfferSetting } from "../types"
import { Field, NativeSelect } from "./field"

export type AcronisBasketSettingsErrors = Partial<Record<keyof AcronisBasketSettings, string>>

type Props = {
  /** The offer's `settings` (`acronis.offers.retrieve(productId)`). */
  settings: AcronisOfferSetting[]
  value: Partial<AcronisBasketSettings>
  onChange: (value: Partial<AcronisBasketSettings>) => void
  errors?: AcronisBasketSettingsErrors
  disabled?: boolean
  /** Side by side, without the list of every option's description (e.g. in the cart). */
  compact?: boolean
}

/** What a missing choice says, at its field. */
export const missingChoice = (setting: Pick<AcronisOfferSetting, "label">) => `Choose a ${setting.label}.`

/** The settings a pay-per-use item still lacks, as errors by field; empty when every choice is made. */
export function missingBasketSettings(settings: AcronisOfferSetting[], value: Partial<AcronisBasketSettings>): AcronisBasketSettingsErrors {
  return Object.fromEntries(settings.filter((setting) => !value[setting.key]).map((setting) => [setting.key, missingChoice(setting)]))
}

/**
 * The pay-per-use basket settings: one required drop-down per licensing model, each option's description
 * shown beside the list so the shopper knows what each bills by.
 */
export function AcronisBasketSettingsForm({ settings, value, onChange, errors = {}, disabled, compact }: Props) {
  return (
    <div className={compact ? "grid grid-cols-1 gap-4 sm:grid-cols-2" : "flex flex-col gap-y-6"}>
      {settings.map((setting) => {
        const chosen = setting.options.find((option) => option.value === value[setting.key])
        return (
          <Field
            key={setting.key}
            label={setting.label}
            required
            error={errors[setting.key]}
            hint={chosen ? chosen.description : "Required: choose how this service is licensed and billed."}
          >
            {(control) => (
              <NativeSelect
                {...control}
                name={setting.key}
                disabled={disabled}
                value={value[setting.key] ?? ""}
                onChange={(event) => onChange({ ...value, [setting.key]: event.target.value || undefined })}
              >
                <option value="">Choose…</option>
                {setting.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </NativeSelect>
            )}
          </Field>
        )
      })}
      {!compact && (
        <dl className="bg-ui-bg-subtle flex flex-col gap-y-3 rounded-lg p-4">
          {settings.flatMap((setting) =>
            setting.options.map((option) => (
              <div key={`${setting.key}-${option.value}`}>
                <dt>
                  <Text size="small" weight="plus" as="span">
                    {setting.label}: {option.label}
                  </Text>
                </dt>
                <dd>
                  <Text size="small" className="text-ui-fg-subtle">
                    {option.description}
                  </Text>
                </dd>
              </div>
            ))
          )}
        </dl>
      )}
    </div>
  )
}

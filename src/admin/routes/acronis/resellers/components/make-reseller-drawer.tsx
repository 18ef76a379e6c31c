import { Button, Drawer, Input, Label, Text, toast } from "@medusajs/ui"
import { useMutation } from "@tanstack/react-query"
import { useState } from "react"
import { sdk } from "../../../../lib/sdk"

type Customer = { id: string; email: string; first_name?: string | null; last_name?: string | null; company_name?: string | null }

/** A new reseller is usually the customer's company: its name, else the person's, else the e-mail. */
const suggestedName = (customer: Customer) =>
  customer.company_name?.trim() || [customer.first_name, customer.last_name].filter(Boolean).join(" ").trim() || customer.email

/**
 * Makes a customer act for a new reseller (`POST /admin/acronis/resellers`). Acronis is not touched here: the
 * reseller's partner tenant is made with its first sub-account.
 */
export const MakeResellerDrawer = ({ customer, onCreated }: { customer: Customer; onCreated: (reseller: { id: string; name: string }) => void }) => {
  const [open, setOpen] = useState(false)
  const [name, setName] = useState(suggestedName(customer))
  const create = useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ reseller: { id: string; name: string } }>("/admin/acronis/resellers", {
        method: "POST",
        body: { customer_id: customer.id, name: name.trim() },
      }),
    onSuccess: ({ reseller }) => {
      toast.success(`${customer.email} now acts for reseller ${reseller.name}`)
      setOpen(false)
      onCreated(reseller)
    },
    onError: (error: Error) => toast.error(error.message),
  })

  return (
    <Drawer
      open={open}
      onOpenChange={(next) => {
        setOpen(next)
        if (next) setName(suggestedName(customer))
      }}
    >
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary">
          Make reseller
        </Button>
      </Drawer.Trigger>
      <Drawer.Content>
        <form
          className="flex flex-1 flex-col overflow-hidden"
          onSubmit={(event) => {
            event.preventDefault()
            create.mutate()
          }}
        >
          <Drawer.Header>
            <Drawer.Title>Make {customer.email} a reseller</Drawer.Title>
            <Drawer.Description>
              The customer then orders for the reseller in the store: CSP contracts, and sub-accounts for its own customers.
            </Drawer.Description>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
            <div className="flex flex-col gap-y-2">
              <Label htmlFor="reseller-name" size="small" weight="plus">
                Reseller name
              </Label>
              <Input id="reseller-name" value={name} maxLength={255} onChange={(event) => setName(event.target.value)} autoFocus />
              <Text size="xsmall" className="text-ui-fg-subtle">
                As the reseller's partner tenant will be named in Acronis, made with its first sub-account.
              </Text>
            </div>
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">
                Cancel
              </Button>
            </Drawer.Close>
            <Button size="small" type="submit" isLoading={create.isPending} disabled={!name.trim()}>
              Make reseller
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}

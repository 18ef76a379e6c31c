import { Badge, Button, Container, Heading, Input, Label, Select, Switch, Text, Textarea, toast } from "@medusajs/ui"
import { useMutation, useQuery } from "@tanstack/react-query"
import { useEffect, useMemo, useState } from "react"
import { Link, useSearchParams } from "react-router-dom"
import { FILE_SYNC_SHARE_MODEL_LABELS, OFFER_TYPE_LABELS, PROTECTION_MODEL_LABELS } from "../../../lib/acronis-labels"
import { customerName } from "../../../lib/acronis-subscriptions"
import { sdk } from "../../../lib/sdk"
import { missingPlanOrderField, newPlanOrderDraft, toPlanOrder, type PlanForm, type PlanOrderDraft } from "../../../lib/plan-order-draft"
import { PlanOrderFields, PlanOrderSummary } from "./plan-order-fields"

type Customer = { id: string; email: string; first_name: string | null; last_name: string | null; company_name: string | null }
type Product = {
  id: string
  title: string
  acronis_offer: {
    type: "ppu" | "contract" | "plan"
    protection_models: string[]
    file_sync_share_models: string[]
    plan: { billing_intervals?: string[] } | null
  } | null
}

// The subscription states the server counts as an open pay per use (pending, on its way, or in service).
const OPEN_PAY_PER_USE_STATUSES = ["pending", "provisioning", "active", "failed"]

const STEPS = ["Customer", "Plan", "Interval", "Details", "Confirm"] as const

/** What the server accepts as `billing_interval`: a plan's intervals; pay per use and contracts are monthly. */
const intervalsOf = (offer: Product["acronis_offer"] | undefined) =>
  offer?.type === "plan" && offer.plan?.billing_intervals?.length ? offer.plan.billing_intervals : ["month"]

/**
 * "Add product to customer" (seed 000): five steps, then an order placed on the customer's behalf. It waits
 * for execution unless the account manager provisions it at once.
 */
const AddAcronisProductPage = () => {
  const [params] = useSearchParams()
  const [step, setStep] = useState(0)
  const [search, setSearch] = useState("")
  const [customerId, setCustomerId] = useState(params.get("customer_id") ?? "")
  const [productId, setProductId] = useState("")
  const [interval, setInterval] = useState("month")
  const [reference, setReference] = useState("")
  const [details, setDetails] = useState("")
  const [login, setLogin] = useState("")
  const [email, setEmail] = useState("")
  const [protection, setProtection] = useState("")
  const [fileSyncShare, setFileSyncShare] = useState("")
  const [execute, setExecute] = useState(true)
  const [planDraft, setPlanDraft] = useState<PlanOrderDraft | null>(null)

  const customers = useQuery({
    queryKey: ["acronis-wizard-customers", search],
    queryFn: () =>
      sdk.client.fetch<{ customers: Customer[] }>("/admin/customers", {
        query: { q: search || undefined, limit: 20, fields: "id,email,first_name,last_name,company_name" },
      }),
  })
  const products = useQuery({
    queryKey: ["acronis-wizard-products"],
    queryFn: () =>
      sdk.client.fetch<{ products: Product[] }>("/admin/products", {
        query: { limit: 100, fields: "id,title,+acronis_offer.*" },
      }),
  })
  const acronisProducts = useMemo(
    () => (products.data?.products ?? []).filter((product) => product.acronis_offer),
    [products.data]
  )
  // The chosen customer by id: the search list may not hold them (a customer given in the URL, or a new search).
  const chosenCustomer = useQuery({
    queryKey: ["acronis-wizard-customer", customerId],
    enabled: !!customerId,
    queryFn: () => sdk.admin.customer.retrieve(customerId, { fields: "id,email,first_name,last_name,company_name" }),
  })
  const customer: Customer | undefined =
    customers.data?.customers.find((c) => c.id === customerId) ?? (chosenCustomer.data?.customer as Customer | undefined)
  // What this customer may buy: contracts only as a reseller, and one open pay per use at a time.
  const reseller = useQuery({
    queryKey: ["acronis-wizard-reseller", customerId],
    enabled: !!customerId,
    queryFn: () =>
      sdk.client.fetch<{ resellers: { id: string; name: string }[] }>("/admin/acronis/resellers", { query: { customer_id: customerId, limit: 1 } }),
  })
  const openPayPerUse = useQuery({
    queryKey: ["acronis-wizard-open-ppu", customerId],
    enabled: !!customerId,
    queryFn: () =>
      sdk.client.fetch<{ subscriptions: { id: string; status: string }[] }>("/admin/acronis/subscriptions", {
        query: { customer_id: customerId, type: "ppu", status: OPEN_PAY_PER_USE_STATUSES, limit: 1 },
      }),
  })
  const isReseller = !!reseller.data?.resellers.length
  const openPpu = openPayPerUse.data?.subscriptions[0]
  /** Why this customer may not be given a product, or null when they may. */
  const refusalOf = (p: Product): string | null => {
    // Until both answers are in, offer everything: the server refuses what the customer may not buy anyway.
    if (p.acronis_offer?.type === "contract" && reseller.data && !isReseller) {
      return "CSP contracts are sold only to resellers, and this customer is not one."
    }
    if (p.acronis_offer?.type === "ppu" && openPpu) {
      return `This customer already has a pay-per-use subscription (${openPpu.status}); a customer has at most one.`
    }
    return null
  }
  const product = acronisProducts.find((p) => p.id === productId)
  const offer = product?.acronis_offer
  const intervals = intervalsOf(offer)
  // A plan's order form, with the data locations Acronis offers now.
  const planFormQuery = useQuery({
    queryKey: ["acronis-wizard-plan-form", productId],
    queryFn: () => sdk.client.fetch<{ plan_form: PlanForm }>(`/admin/products/${productId}/acronis-offer/plan-form`),
    enabled: offer?.type === "plan",
  })
  const planForm = offer?.type === "plan" ? planFormQuery.data?.plan_form : undefined
  // Plans with fixed terms are ordered without the form, as before it existed.
  const withPlanForm = !!planForm?.order_form_required
  useEffect(() => setPlanDraft(planForm ? newPlanOrderDraft(planForm) : null), [planForm])
  const planOrder = withPlanForm && planDraft && !missingPlanOrderField(planForm!, planDraft) ? toPlanOrder(planDraft) : null
  // The interval step offers only what the product is sold by: start on its first.
  const chooseProduct = (p: Product) => {
    setProductId(p.id)
    const allowed = intervalsOf(p.acronis_offer)
    if (!allowed.includes(interval)) setInterval(allowed[0])
  }

  const create = useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ order: { id: string; display_id: number }; subscriptions: { status: string }[] }>(
        "/admin/acronis/customer-orders",
        {
          method: "POST",
          body: {
            customer_id: customerId,
            product_id: productId,
            billing_interval: interval,
            reference,
            details: details || undefined,
            login: login || undefined,
            // A plan's credentials go to whom its form says.
            email: withPlanForm ? undefined : email || undefined,
            protection_licensing_model: offer?.type === "ppu" ? protection : undefined,
            file_sync_share_licensing_model: offer?.type === "ppu" ? fileSyncShare : undefined,
            plan_order: planOrder ?? undefined,
            execute,
          },
        }
      ),
    onSuccess: ({ order }) => toast.success(`Order #${order.display_id} created`),
    onError: (error: Error) => toast.error(error.message),
  })

  const canContinue = [
    !!customerId,
    !!product && !refusalOf(product),
    intervals.includes(interval),
    reference.trim().length > 0 &&
      (offer?.type !== "ppu" || (!!protection && !!fileSyncShare)) &&
      (offer?.type !== "plan" || (!!planForm && (!withPlanForm || !!planOrder))),
    true,
  ][step]

  if (create.data) {
    return (
      <Container className="flex flex-col gap-y-3 px-6 py-4">
        <Heading>Product added</Heading>
        <Text>
          Order #{create.data.order.display_id} for {customerName(customer)}.{" "}
          {execute
            ? "Provisioning has started; the account is usually ready within minutes, at most four hours."
            : "It waits until you execute it from the Acronis subscriptions."}
        </Text>
        <div>
          <Link to={`/orders/${create.data.order.id}`}>
            <Button size="small" variant="secondary">
              Open the order
            </Button>
          </Link>
        </div>
      </Container>
    )
  }

  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4">
      <div className="flex items-center justify-between">
        <Heading>Add an Acronis product to a customer</Heading>
        <Badge>
          Step {step + 1} of {STEPS.length}: {STEPS[step]}
        </Badge>
      </div>

      {step === 0 && (
        <div className="flex flex-col gap-y-2">
          <Input placeholder="Search customers" value={search} onChange={(e) => setSearch(e.target.value)} />
          {(customers.data?.customers ?? []).map((c) => (
            <label key={c.id} className="flex items-center gap-x-2">
              <input type="radio" name="customer" checked={customerId === c.id} onChange={() => setCustomerId(c.id)} />
              <Text size="small">
                {[c.first_name, c.last_name].filter(Boolean).join(" ") || c.email} — {c.email}
                {c.company_name ? ` (${c.company_name})` : ""}
              </Text>
            </label>
          ))}
        </div>
      )}

      {step === 1 && (
        <div className="flex flex-col gap-y-2">
          {acronisProducts.length === 0 && <Text size="small">No Acronis products yet: give a product an Acronis offer first.</Text>}
          <Text size="small" className="text-ui-fg-subtle">
            For {customerName(customer)}
            {isReseller ? " (reseller)" : ""}
          </Text>
          {acronisProducts.map((p) => {
            const refusal = refusalOf(p)
            return (
              <label key={p.id} className="flex items-start gap-x-2">
                <input
                  type="radio"
                  name="product"
                  className="mt-1"
                  disabled={!!refusal}
                  checked={productId === p.id}
                  onChange={() => chooseProduct(p)}
                />
                <div className="flex flex-col">
                  <Text size="small" className={refusal ? "text-ui-fg-disabled" : undefined}>
                    {p.title} — {OFFER_TYPE_LABELS[p.acronis_offer!.type]}
                  </Text>
                  {refusal && (
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      {refusal}
                    </Text>
                  )}
                </div>
              </label>
            )
          })}
        </div>
      )}

      {step === 2 && (
        <div>
          <Label htmlFor="billing-interval">Billing interval</Label>
          <Select value={interval} onValueChange={setInterval}>
            <Select.Trigger id="billing-interval">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {intervals.map((value) => (
                <Select.Item key={value} value={value}>
                  {value === "month" ? "Monthly" : "Yearly"}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      )}

      {step === 3 && (
        <div className="flex flex-col gap-y-3">
          <div>
            <Label htmlFor="reference">Reference (shown to the customer)</Label>
            <Input id="reference" value={reference} onChange={(e) => setReference(e.target.value)} />
          </div>
          <div>
            <Label htmlFor="details">Details (optional)</Label>
            <Textarea id="details" value={details} onChange={(e) => setDetails(e.target.value)} />
          </div>
          {offer?.type === "plan" && !planForm && (
            <Text size="small" className={planFormQuery.error ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
              {planFormQuery.error ? `The plan's order form could not be loaded: ${planFormQuery.error.message}` : "Loading the plan's order form…"}
            </Text>
          )}
          {withPlanForm && planDraft ? (
            <PlanOrderFields form={planForm!} value={planDraft} onChange={setPlanDraft} login={login} onLoginChange={setLogin} />
          ) : (
            <div className="grid grid-cols-2 gap-2">
              <div>
                <Label htmlFor="login">Acronis login (default: the customer's e-mail)</Label>
                <Input id="login" value={login} onChange={(e) => setLogin(e.target.value)} />
              </div>
              <div>
                <Label htmlFor="email">Activation e-mail (default: the customer's)</Label>
                <Input id="email" value={email} onChange={(e) => setEmail(e.target.value)} />
              </div>
            </div>
          )}
          {offer?.type === "ppu" && (
            <div className="grid grid-cols-2 gap-2">
              <div>
                <Label htmlFor="protection-model">Protection licensing model</Label>
                <Select value={protection} onValueChange={setProtection}>
                  <Select.Trigger id="protection-model">
                    <Select.Value placeholder="Choose" />
                  </Select.Trigger>
                  <Select.Content>
                    {offer.protection_models.map((m) => (
                      <Select.Item key={m} value={m}>
                        {PROTECTION_MODEL_LABELS[m]}
                      </Select.Item>
                    ))}
                  </Select.Content>
                </Select>
              </div>
              <div>
                <Label htmlFor="file-sync-share-model">File Sync & Share licensing model</Label>
                <Select value={fileSyncShare} onValueChange={setFileSyncShare}>
                  <Select.Trigger id="file-sync-share-model">
                    <Select.Value placeholder="Choose" />
                  </Select.Trigger>
                  <Select.Content>
                    {offer.file_sync_share_models.map((m) => (
                      <Select.Item key={m} value={m}>
                        {FILE_SYNC_SHARE_MODEL_LABELS[m]}
                      </Select.Item>
                    ))}
                  </Select.Content>
                </Select>
              </div>
            </div>
          )}
        </div>
      )}

      {step === 4 && (
        <div className="flex flex-col gap-y-2">
          <Text size="small">
            Customer: {customer?.email ?? "…"}
            {customer && customerName(customer) !== customer.email ? ` — ${customerName(customer)}` : ""}
          </Text>
          <Text size="small">Product: {product?.title}</Text>
          <Text size="small">Interval: {interval === "month" ? "Monthly" : "Yearly"}</Text>
          <Text size="small">Reference: {reference}</Text>
          {planOrder && <PlanOrderSummary form={planForm!} order={planOrder} login={login} />}
          <div className="flex items-center gap-x-2">
            <Switch id="execute" checked={execute} onCheckedChange={setExecute} />
            <Label htmlFor="execute">Provision now (otherwise the order waits to be executed)</Label>
          </div>
        </div>
      )}

      <div className="flex gap-x-2">
        {step > 0 && (
          <Button variant="secondary" onClick={() => setStep(step - 1)}>
            Back
          </Button>
        )}
        {step < STEPS.length - 1 ? (
          <>
            <Button disabled={!canContinue} onClick={() => setStep(step + 1)}>
              Next
            </Button>
            {step === 3 && withPlanForm && planDraft && !planOrder && (
              <Text size="small" className="text-ui-fg-subtle self-center">
                To continue, {missingPlanOrderField(planForm!, planDraft)}.
              </Text>
            )}
          </>
        ) : (
          <Button isLoading={create.isPending} onClick={() => create.mutate()}>
            Create
          </Button>
        )}
      </div>
    </Container>
  )
}

export default AddAcronisProductPage

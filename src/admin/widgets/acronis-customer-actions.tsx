import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"

/** The customer page's entry to the "add product to customer" wizard, with this customer chosen. */
const AcronisCustomerActionsWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => (
  <Container className="flex items-center justify-between px-6 py-4">
    <div>
      <Heading level="h2">Acronis</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        Place an Acronis product for this customer on their behalf.
      </Text>
    </div>
    <Link to={`/acronis/add-product?customer_id=${customer.id}`}>
      <Button size="small" variant="secondary">
        Add product
      </Button>
    </Link>
  </Container>
)

export const config = defineWidgetConfig({ zone: "customer.details.after" })

export default AcronisCustomerActionsWidget

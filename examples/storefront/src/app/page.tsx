import { Catalogue } from "@/components/catalogue/catalogue"

export default function CataloguePage() {
  return <Catalogue />
}

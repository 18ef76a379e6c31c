import type { Metadata } from "next"
import { Suspense } from "react"
import { RegisterForm } from "@/components/account/auth-forms"

export const metadata: Metadata = { title: "Create your account" }

export default function RegisterPage() {
  return (
    <Suspense>
      <RegisterForm />
    </Suspense>
  )
}

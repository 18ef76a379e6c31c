"use client"

import { Alert, Button, Container, Heading, Input, Text } from "@medusajs/ui"
import { errorMessage, errorStatus, Field, looksLikeEmail } from "medusa-plugin-acronis/storefront/react"
import Link from "next/link"
import { useRouter, useSearchParams } from "next/navigation"
import { type FormEvent, type ReactNode, useState } from "react"
import { nextPath } from "@/lib/next-path"
import { useStore } from "@/lib/store-context"

function AuthCard({ title, intro, children }: { title: string; intro: ReactNode; children: ReactNode }) {
  return (
    <Container className="mx-auto flex w-full max-w-md flex-col gap-y-6 p-8">
      <div className="flex flex-col gap-y-2">
        <Heading level="h1">{title}</Heading>
        <Text className="text-ui-fg-subtle">{intro}</Text>
      </div>
      {children}
    </Container>
  )
}

type Errors = Record<string, string>


export function SignInForm() {
  const { signIn } = useStore()
  const router = useRouter()
  const next = useSearchParams().get("next")
  const [email, setEmail] = useState("")
  const [password, setPassword] = useState("")
  const [errors, setErrors] = useState<Errors>({})
  const [refusal, setRefusal] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const found: Errors = {}
    if (!looksLikeEmail(email.trim())) found.email = "Enter your e-mail address."
    if (!password) found.password = "Enter your password."
    setErrors(found)
    setRefusal(null)
    if (Object.keys(found).length) return
    setBusy(true)
    try {
      await signIn(email.trim(), password)
      router.push(nextPath(next))
    } catch (error) {
      setRefusal(errorStatus(error) === 401 ? "The e-mail address or the password is wrong." : errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  const register = `/account/register${next ? `?next=${encodeURIComponent(next)}` : ""}`
  return (
    <AuthCard
      title="Sign in"
      intro={
        next === "/checkout"
          ? "Acronis services are bought with an account: sign in, or create one, and you are taken back to checkout."
          : "Sign in to buy Acronis services and manage your subscriptions."
      }
    >
      <form noValidate onSubmit={submit} className="flex flex-col gap-y-4">
        <Field label="E-mail" required error={errors.email}>
          {(control) => <Input {...control} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field label="Password" required error={errors.password}>
          {(control) => (
            <Input {...control} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          )}
        </Field>
        {refusal && (
          <Alert variant="error" role="alert">
            {refusal}
          </Alert>
        )}
        <Button type="submit" size="large" isLoading={busy}>
          Sign in
        </Button>
      </form>
      <Text size="small" className="text-ui-fg-subtle">
        New here?{" "}
        <Link href={register} className="text-ui-fg-interactive hover:underline">
          Create an account
        </Link>
      </Text>
    </AuthCard>
  )
}

export function RegisterForm() {
  const { register } = useStore()
  const router = useRouter()
  const next = useSearchParams().get("next")
  const [values, setValues] = useState({ first_name: "", last_name: "", email: "", phone: "", password: "" })
  const [errors, setErrors] = useState<Errors>({})
  const [refusal, setRefusal] = useState<ReactNode>(null)
  const [busy, setBusy] = useState(false)
  const set = (key: keyof typeof values) => (event: { target: { value: string } }) => setValues({ ...values, [key]: event.target.value })
  const signIn = `/account/sign-in${next ? `?next=${encodeURIComponent(next)}` : ""}`

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const found: Errors = {}
    if (!values.first_name.trim()) found.first_name = "Enter your first name."
    if (!values.last_name.trim()) found.last_name = "Enter your last name."
    if (!looksLikeEmail(values.email.trim())) found.email = "Enter a valid e-mail address."
    if (values.password.length < 8) found.password = "Use at least 8 characters."
    setErrors(found)
    setRefusal(null)
    if (Object.keys(found).length) return
    setBusy(true)
    try {
      await register({
        email: values.email.trim(),
        password: values.password,
        first_name: values.first_name.trim(),
        last_name: values.last_name.trim(),
        ...(values.phone.trim() && { phone: values.phone.trim() }),
      })
      router.push(nextPath(next))
    } catch (error) {
      const message = errorMessage(error)
      if (/already exists/i.test(message)) {
        setErrors({ email: "An account with this e-mail already exists." })
        setRefusal(
          <>
            An account with this e-mail already exists.{" "}
            <Link href={signIn} className="underline">
              Sign in instead
            </Link>
            .
          </>
        )
      } else {
        setRefusal(message)
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <AuthCard title="Create your account" intro="One account for your orders, your Acronis subscriptions and their bills.">
      <form noValidate onSubmit={submit} className="flex flex-col gap-y-4">
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Field label="First name" required error={errors.first_name}>
            {(control) => <Input {...control} autoComplete="given-name" value={values.first_name} onChange={set("first_name")} />}
          </Field>
          <Field label="Last name" required error={errors.last_name}>
            {(control) => <Input {...control} autoComplete="family-name" value={values.last_name} onChange={set("last_name")} />}
          </Field>
        </div>
        <Field label="E-mail" required error={errors.email}>
          {(control) => <Input {...control} type="email" autoComplete="email" value={values.email} onChange={set("email")} />}
        </Field>
        <Field label="Phone" hint="Optional.">
          {(control) => <Input {...control} type="tel" autoComplete="tel" value={values.phone} onChange={set("phone")} />}
        </Field>
        <Field label="Password" required error={errors.password} hint="At least 8 characters.">
          {(control) => <Input {...control} type="password" autoComplete="new-password" value={values.password} onChange={set("password")} />}
        </Field>
        {refusal && (
          <Alert variant="error" role="alert">
            {refusal}
          </Alert>
        )}
        <Button type="submit" size="large" isLoading={busy}>
          Create account
        </Button>
      </form>
      <Text size="small" className="text-ui-fg-subtle">
        Already have an account?{" "}
        <Link href={signIn} className="text-ui-fg-interactive hover:underline">
          Sign in
        </Link>
      </Text>
    </AuthCard>
  )
}

export * from "./send-acronis-email"
export * from "./steps/prepare-acronis-email"
export * from "./steps/send-email-once"

import { config as endFreeMonths } from "../../../../jobs/acronis-end-free-months"
import { config as monthlyClose } from "../../../../jobs/acronis-monthly-close"
import { config as provisioningRecovery } from "../../../../jobs/acronis-provisioning-recovery"
import { config as subscriptionLifecycle } from "../../../../jobs/acronis-subscription-lifecycle"
import { config as termChanges } from "../../../../jobs/acronis-term-changes"
import { config as usageSync } from "../../../../jobs/acronis-usage-sync"

/** The plugin's scheduled jobs as the admin reads them: the schedule each file was loaded with, and what it does. */
export const ACRONIS_JOBS = [
  { ...usageSync, schedule_env: "ACRONIS_USAGE_SYNC_SCHEDULE", description: "Reads each tenant's usage from Acronis" },
  { ...monthlyClose, schedule_env: "ACRONIS_MONTHLY_CLOSE_SCHEDULE", description: "Closes ended months: statements and their orders" },
  { ...provisioningRecovery, schedule_env: "ACRONIS_PROVISIONING_RECOVERY_SCHEDULE", description: "Restarts provisioning a crash or restart left behind" },
  { ...subscriptionLifecycle, schedule_env: "ACRONIS_SUBSCRIPTION_LIFECYCLE_SCHEDULE", description: "Warns, then deletes the tenants of suspended subscriptions" },
  { ...termChanges, schedule_env: "ACRONIS_TERM_CHANGES_SCHEDULE", description: "Applies scheduled changes of terms in Acronis" },
  { ...endFreeMonths, schedule_env: null, description: "Ends first-month-free trials in Acronis" },
].map(({ name, schedule, schedule_env, description }) => ({ name, schedule, schedule_env, description }))

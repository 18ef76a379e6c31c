const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()

// The plugin's hourly (and the recovery's every-minute) jobs would fire in the middle of a suite that moves the clock through months, and change
// what it asserts. In tests they run once a day at 00:30 UTC instead; their defaults are checked by the jobs'
// unit test, and the HTTP suites check that no job runs in a loop.
for (const name of ["ACRONIS_MONTHLY_CLOSE_SCHEDULE", "ACRONIS_USAGE_SYNC_SCHEDULE", "ACRONIS_SUBSCRIPTION_LIFECYCLE_SCHEDULE", "ACRONIS_TERM_CHANGES_SCHEDULE", "ACRONIS_PROVISIONING_RECOVERY_SCHEDULE"]) {
  process.env[name] ??= "30 0 * * *"
}

// The suites read Acronis's state through the in-process sandbox's control API, which is off unless asked for.
process.env.ACRONIS_SANDBOX_CONTROL_API ??= "true"

export { AcronisOffer } from "./acronis-offer"
export { AcronisSubscription } from "./acronis-subscription"
export { AcronisProvisioningLog } from "./acronis-provisioning-log"
export { AcronisJobRun } from "./acronis-job-run"

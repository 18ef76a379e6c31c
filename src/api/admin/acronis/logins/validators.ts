import type { z } from "@medusajs/framework/zod"
import { LoginProposalQuery } from "../../../login-proposal"

/** The wizard's proposal: no cart, so no reservation of the account manager's own to leave out. */
export const AdminAcronisLoginProposal = LoginProposalQuery
export type AdminAcronisLoginProposalType = z.infer<typeof AdminAcronisLoginProposal>

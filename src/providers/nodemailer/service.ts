import { mkdir, writeFile } from "node:fs/promises"
import path from "node:path"
import type {
  Logger,
  ProviderSendNotificationDTO,
  ProviderSendNotificationResultsDTO,
} from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import nodemailer, { SendMailOptions, Transporter } from "nodemailer"
import type { EmailMessage } from "../../modules/acronis/emails"
import { isAcronisEmailTemplate, renderAcronisEmail } from "../../modules/acronis/emails"
import { DEFAULT_OUTBOX_DIR, NodemailerOptions, parseNodemailerOptions } from "./options"

type InjectedDependencies = { logger: Logger }

const DEFAULT_SHOP_NAME = "Acronis Cyber Protect Cloud"

/**
 * Sends the `email` channel through nodemailer: to an SMTP server, or, without one, into an outbox folder
 * as one `.eml` file per message (what `npm run dev` and the demo use). Either way nodemailer builds the
 * MIME message.
 */
export class NodemailerNotificationService extends AbstractNotificationProviderService {
  static identifier = "nodemailer"

  protected readonly options_: ReturnType<typeof parseNodemailerOptions>
  protected readonly transporter_: Transporter
  protected readonly outboxDir_: string | null
  protected readonly logger_: Logger

  static validateOptions(options: Record<string, unknown>): void {
    parseNodemailerOptions(options)
  }

  constructor({ logger }: InjectedDependencies, options: NodemailerOptions) {
    super()
    this.logger_ = logger
    this.options_ = parseNodemailerOptions(options)
    const { smtp } = this.options_
    if (smtp) {
      this.outboxDir_ = null
      this.transporter_ = nodemailer.createTransport({
        host: smtp.host,
        port: smtp.port,
        secure: smtp.secure ?? smtp.port === 465,
        requireTLS: smtp.requireTLS,
        auth: smtp.auth,
      })
    } else {
      this.outboxDir_ = path.resolve(this.options_.outboxDir ?? DEFAULT_OUTBOX_DIR)
      this.transporter_ = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" })
      this.logger_.info(`nodemailer: no SMTP server configured, e-mails are written to ${this.outboxDir_}`)
    }
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const message = await this.messageFor(notification)
    const mail: SendMailOptions = {
      from: notification.from || this.options_.from,
      to: notification.to,
      ...message,
      attachments: notification.attachments?.map((attachment) => ({
        filename: attachment.filename,
        content: attachment.content,
        encoding: "base64",
        contentType: attachment.content_type,
        contentDisposition: attachment.disposition === "inline" ? "inline" : "attachment",
        cid: attachment.id,
      })),
    }
    try {
      const info = await this.transporter_.sendMail(mail)
      if (this.outboxDir_) {
        await this.writeToOutbox(info.messageId, info.message as Buffer)
      }
      return { id: info.messageId }
    } catch (error) {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        this.redact(`nodemailer could not send "${notification.template}" to ${notification.to}: ${(error as Error).message}`)
      )
    }
  }

  /** The notification's own content when it has some, else one of the plugin's templates. */
  protected async messageFor({ template, data, content }: ProviderSendNotificationDTO): Promise<EmailMessage> {
    if (content?.subject && (content.text || content.html)) {
      return { subject: content.subject, text: content.text ?? "", html: content.html ?? "" }
    }
    if (!isAcronisEmailTemplate(template)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `nodemailer: notification has no content (subject and text or html) and "${template}" is not one of the plugin's templates`
      )
    }
    return renderAcronisEmail(template, data as never, { shopName: this.options_.shopName ?? DEFAULT_SHOP_NAME })
  }

  protected async writeToOutbox(messageId: string, raw: Buffer): Promise<void> {
    const stamp = new Date().toISOString().replace(/[:.]/g, "-")
    const name = `${stamp}-${messageId.replace(/[^A-Za-z0-9@.-]/g, "")}.eml`
    await mkdir(this.outboxDir_!, { recursive: true })
    await writeFile(path.join(this.outboxDir_!, name), raw)
  }

  /** Transport errors may quote the server's reply; make sure the SMTP password is never part of it. */
  protected redact(text: string): string {
    const pass = this.options_.smtp?.auth?.pass
    return pass ? text.split(pass).join("[redacted]") : text
  }
}

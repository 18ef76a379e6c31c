import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261204191532 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "acronis_subscription" drop constraint if exists "acronis_subscription_status_check";`);

    this.addSql(`alter table if exists "acronis_subscription" add column if not exists "service_spans" jsonb null, add column if not exists "terminate_after" timestamptz null, add column if not exists "deletion_warned_at" timestamptz null, add column if not exists "terminated_at" timestamptz null;`);
    this.addSql(`alter table if exists "acronis_subscription" add constraint "acronis_subscription_status_check" check("status" in ('pending', 'provisioning', 'active', 'suspended', 'terminated', 'cancelled', 'failed'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "acronis_subscription" drop constraint if exists "acronis_subscription_status_check";`);

    this.addSql(`alter table if exists "acronis_subscription" drop column if exists "service_spans", drop column if exists "terminate_after", drop column if exists "deletion_warned_at", drop column if exists "terminated_at";`);

    this.addSql(`alter table if exists "acronis_subscription" add constraint "acronis_subscription_status_check" check("status" in ('pending', 'provisioning', 'active', 'suspended', 'cancelled', 'failed'));`);
  }

}

import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261204193629 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "acronis_subscription" add column if not exists "terms_history" jsonb null, add column if not exists "next_change_on" text null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_acronis_subscription_next_change_on" ON "acronis_subscription" ("next_change_on") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_acronis_subscription_next_change_on";`);
    this.addSql(`alter table if exists "acronis_subscription" drop column if exists "terms_history", drop column if exists "next_change_on";`);
  }

}

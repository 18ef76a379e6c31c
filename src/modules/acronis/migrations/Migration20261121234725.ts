import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261121234725 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "acronis_subscription" drop constraint if exists "acronis_subscription_line_item_id_unique";`);
    this.addSql(`create table if not exists "acronis_subscription" ("id" text not null, "type" text check ("type" in ('ppu', 'contract', 'plan')) not null, "status" text check ("status" in ('pending', 'provisioning', 'active', 'suspended', 'cancelled', 'failed')) not null default 'pending', "execution" text check ("execution" in ('automatic', 'manual')) not null default 'automatic', "customer_id" text null, "sub_account_id" text null, "reseller_id" text null, "order_id" text not null, "line_item_id" text not null, "offer_id" text not null, "service_name" text not null, "tenant_kind" text check ("tenant_kind" in ('customer', 'partner')) not null, "tenant_id" text null, "parent_tenant_id" text null, "user_id" text null, "login" text not null, "email" text not null, "protection_licensing_model" text null, "file_sync_share_licensing_model" text null, "editions" text[] null, "billing_cycle" text null, "commitment" jsonb null, "pricing_mode" text check ("pricing_mode" in ('trial', 'production')) null, "manage_url" text null, "last_error" jsonb null, "attempts" integer not null default 0, "activated_at" timestamptz null, "suspended_at" timestamptz null, "cancelled_at" timestamptz null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "acronis_subscription_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_acronis_subscription_order_id" ON "acronis_subscription" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_acronis_subscription_line_item_id_unique" ON "acronis_subscription" ("line_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_acronis_subscription_deleted_at" ON "acronis_subscription" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "acronis_provisioning_log" ("id" text not null, "attempt" integer not null default 0, "step" text not null, "outcome" text not null, "acronis_status" integer null, "acronis_code" text null, "message" text null, "at" timestamptz not null, "subscription_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "acronis_provisioning_log_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_acronis_provisioning_log_subscription_id" ON "acronis_provisioning_log" ("subscription_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_acronis_provisioning_log_deleted_at" ON "acronis_provisioning_log" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "acronis_provisioning_log" add constraint "acronis_provisioning_log_subscription_id_foreign" foreign key ("subscription_id") references "acronis_subscription" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "acronis_provisioning_log" drop constraint if exists "acronis_provisioning_log_subscription_id_foreign";`);

    this.addSql(`drop table if exists "acronis_subscription" cascade;`);

    this.addSql(`drop table if exists "acronis_provisioning_log" cascade;`);
  }

}

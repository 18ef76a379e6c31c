import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261121234726 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "acronis_usage_snapshot" drop constraint if exists "acronis_usage_snapshot_subscription_id_offering_item_infra_id_day_unique";`);
    this.addSql(`alter table if exists "acronis_usage_report" drop constraint if exists "acronis_usage_report_period_unique";`);
    this.addSql(`alter table if exists "acronis_statement" drop constraint if exists "acronis_statement_subscription_id_period_unique";`);
    this.addSql(`alter table if exists "acronis_billing_account" drop constraint if exists "acronis_billing_account_subscription_id_unique";`);
    this.addSql(`create table if not exists "acronis_billing_account" ("id" text not null, "subscription_id" text not null, "last_synced_at" timestamptz null, "last_sync_attempt_at" timestamptz null, "last_sync_error" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "acronis_billing_account_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_acronis_billing_account_subscription_id_unique" ON "acronis_billing_account" ("subscription_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_acronis_billing_account_deleted_at" ON "acronis_billing_account" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "acronis_statement" ("id" text not null, "subscription_id" text not null, "customer_id" text null, "period" text not null, "currency_code" text not null, "status" text check ("status" in ('draft', 'issued', 'billed')) not null default 'draft', "total" text not null, "order_id" text null, "draft_order_id" text null, "reconciliation" jsonb null, "issued_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "acronis_statement_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_acronis_statement_subscription_id" ON "acronis_statement" ("subscription_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_acronis_statement_deleted_at" ON "acronis_statement" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_acronis_statement_subscription_id_period_unique" ON "acronis_statement" ("subscription_id", "period") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "acronis_statement_line" ("id" text not null, "kind" text check ("kind" in ('usage', 'commitment_shortfall', 'seat', 'overage', 'free_month', 'proration')) not null, "offering_item" text null, "description" text not null, "quantity" text not null, "unit" text not null, "unit_price" text not null, "amount" text not null, "sources" jsonb not null, "position" integer not null default 0, "statement_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "acronis_statement_line_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_acronis_statement_line_statement_id" ON "acronis_statement_line" ("statement_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_acronis_statement_line_deleted_at" ON "acronis_statement_line" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "acronis_usage_report" ("id" text not null, "period" text not null, "report_id" text not null, "rows" jsonb not null, "fetched_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "acronis_usage_report_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_acronis_usage_report_period_unique" ON "acronis_usage_report" ("period") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_acronis_usage_report_deleted_at" ON "acronis_usage_report" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "acronis_usage_snapshot" ("id" text not null, "subscription_id" text not null, "tenant_id" text not null, "offering_item" text not null, "edition" text null, "infra_id" text not null default '', "measurement_unit" text not null, "day" text not null, "value" text not null, "absolute_value" text not null, "synced_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "acronis_usage_snapshot_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_acronis_usage_snapshot_subscription_id" ON "acronis_usage_snapshot" ("subscription_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_acronis_usage_snapshot_deleted_at" ON "acronis_usage_snapshot" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_acronis_usage_snapshot_subscription_id_offering_item_infra_id_day_unique" ON "acronis_usage_snapshot" ("subscription_id", "offering_item", "infra_id", "day") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "acronis_statement_line" add constraint "acronis_statement_line_statement_id_foreign" foreign key ("statement_id") references "acronis_statement" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "acronis_statement_line" drop constraint if exists "acronis_statement_line_statement_id_foreign";`);

    this.addSql(`drop table if exists "acronis_billing_account" cascade;`);

    this.addSql(`drop table if exists "acronis_statement" cascade;`);

    this.addSql(`drop table if exists "acronis_statement_line" cascade;`);

    this.addSql(`drop table if exists "acronis_usage_report" cascade;`);

    this.addSql(`drop table if exists "acronis_usage_snapshot" cascade;`);
  }

}

import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261121233201 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "acronis_offer" ("id" text not null, "type" text check ("type" in ('ppu', 'contract', 'plan')) not null, "protection_models" text[] not null default '{}', "file_sync_share_models" text[] not null default '{}', "services" text[] not null default '{}', "contract_tier" integer null, "commitments" jsonb null, "plan" jsonb null, "offering_items" jsonb not null, "unit_prices" jsonb null, "storage_basis" text check ("storage_basis" in ('peak', 'last_day')) not null default 'peak', "pricing_mode" text check ("pricing_mode" in ('trial', 'production')) not null default 'production', "parent_tenant_id" text null, "datacenter_url" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "acronis_offer_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_acronis_offer_deleted_at" ON "acronis_offer" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "acronis_offer" cascade;`);
  }

}

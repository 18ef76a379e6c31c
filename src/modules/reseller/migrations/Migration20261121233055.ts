import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261121233055 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "reseller_sub_account_user" drop constraint if exists "reseller_sub_account_user_sub_account_id_email_unique";`);
    this.addSql(`create table if not exists "reseller" ("id" text not null, "name" text not null, "status" text check ("status" in ('active', 'disabled')) not null default 'active', "acronis_tenant_id" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "reseller_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_reseller_deleted_at" ON "reseller" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "reseller_sub_account" ("id" text not null, "kind" text check ("kind" in ('end_customer', 'sub_division')) not null, "name" text not null, "email" text not null, "phone" text null, "address_1" text not null, "address_2" text null, "city" text not null, "province" text null, "postal_code" text not null, "country_code" text not null, "notification_customer_id" text not null, "status" text check ("status" in ('pending', 'active', 'disabled')) not null default 'pending', "account_number" text null, "acronis_tenant_id" text null, "activated_at" timestamptz null, "provisioning_error" text null, "reseller_id" text not null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "reseller_sub_account_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_reseller_sub_account_reseller_id" ON "reseller_sub_account" ("reseller_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_reseller_sub_account_deleted_at" ON "reseller_sub_account" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "reseller_sub_account_user" ("id" text not null, "email" text not null, "first_name" text not null, "last_name" text not null, "language" text not null, "time_zone" text not null, "status" text check ("status" in ('invited', 'disabled')) not null default 'invited', "acronis_user_id" text null, "sub_account_id" text not null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "reseller_sub_account_user_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_reseller_sub_account_user_sub_account_id" ON "reseller_sub_account_user" ("sub_account_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_reseller_sub_account_user_deleted_at" ON "reseller_sub_account_user" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_reseller_sub_account_user_sub_account_id_email_unique" ON "reseller_sub_account_user" ("sub_account_id", "email") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "reseller_sub_account" add constraint "reseller_sub_account_reseller_id_foreign" foreign key ("reseller_id") references "reseller" ("id") on update cascade;`);

    this.addSql(`alter table if exists "reseller_sub_account_user" add constraint "reseller_sub_account_user_sub_account_id_foreign" foreign key ("sub_account_id") references "reseller_sub_account" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "reseller_sub_account" drop constraint if exists "reseller_sub_account_reseller_id_foreign";`);

    this.addSql(`alter table if exists "reseller_sub_account_user" drop constraint if exists "reseller_sub_account_user_sub_account_id_foreign";`);

    this.addSql(`drop table if exists "reseller" cascade;`);

    this.addSql(`drop table if exists "reseller_sub_account" cascade;`);

    this.addSql(`drop table if exists "reseller_sub_account_user" cascade;`);
  }

}

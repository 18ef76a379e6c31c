import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207013033 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "acronis_pay_per_use_hold" drop constraint if exists "acronis_pay_per_use_hold_consumer_key_unique";`);
    this.addSql(`create table if not exists "acronis_pay_per_use_hold" ("id" text not null, "consumer_key" text not null, "cart_id" text null, "order_id" text null, "released_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "acronis_pay_per_use_hold_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_acronis_pay_per_use_hold_deleted_at" ON "acronis_pay_per_use_hold" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_acronis_pay_per_use_hold_consumer_key_unique" ON "acronis_pay_per_use_hold" ("consumer_key") WHERE released_at IS NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_acronis_pay_per_use_hold_cart_id" ON "acronis_pay_per_use_hold" ("cart_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "acronis_pay_per_use_hold" cascade;`);
  }

}

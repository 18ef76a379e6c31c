import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261121233903 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "acronis_login_reservation" drop constraint if exists "acronis_login_reservation_login_unique";`);
    this.addSql(`create table if not exists "acronis_login_reservation" ("id" text not null, "login" text not null, "cart_id" text not null, "order_id" text null, "released_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "acronis_login_reservation_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_acronis_login_reservation_deleted_at" ON "acronis_login_reservation" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_acronis_login_reservation_login_unique" ON "acronis_login_reservation" ("login") WHERE released_at IS NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_acronis_login_reservation_cart_id" ON "acronis_login_reservation" ("cart_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_acronis_login_reservation_order_id" ON "acronis_login_reservation" ("order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "acronis_terms_consent" ("id" text not null, "cart_id" text not null, "order_id" text null, "customer_id" text null, "terms_url" text not null, "terms_version" text not null, "accepted_at" timestamptz not null, "ip_address" text null, "user_agent" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "acronis_terms_consent_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_acronis_terms_consent_deleted_at" ON "acronis_terms_consent" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_acronis_terms_consent_cart_id" ON "acronis_terms_consent" ("cart_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_acronis_terms_consent_order_id" ON "acronis_terms_consent" ("order_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "acronis_login_reservation" cascade;`);

    this.addSql(`drop table if exists "acronis_terms_consent" cascade;`);
  }

}

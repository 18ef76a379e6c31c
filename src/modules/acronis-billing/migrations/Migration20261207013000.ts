import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207013000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "acronis_statement" add column if not exists "claim_token" text null, add column if not exists "claimed_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "acronis_statement" drop column if exists "claim_token", drop column if exists "claimed_at";`);
  }

}

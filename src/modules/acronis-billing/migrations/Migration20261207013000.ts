import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207013000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "acronis_statement" add column if not exists "claim_token" text null, add column if not exists "claimed_at" timestamptz null, add column if not exists "order_attempted_at" timestamptz null;`);
    // A statement issued before this column existed may have an order its run never recorded: look for it.
    this.addSql(`update "acronis_statement" set "order_attempted_at" = "updated_at" where "status" = 'issued' and "order_id" is null and "draft_order_id" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "acronis_statement" drop column if exists "claim_token", drop column if exists "claimed_at", drop column if exists "order_attempted_at";`);
  }

}

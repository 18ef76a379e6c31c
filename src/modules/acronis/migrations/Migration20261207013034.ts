import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207013034 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "acronis_subscription" add column if not exists "heartbeat_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "acronis_subscription" drop column if exists "heartbeat_at";`);
  }

}

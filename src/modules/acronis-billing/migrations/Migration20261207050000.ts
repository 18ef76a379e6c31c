import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207050000 extends Migration {

  override async up(): Promise<void> {
    // Snapshots synced before this column were all billed: production.
    this.addSql(`alter table if exists "acronis_usage_snapshot" add column if not exists "pricing_mode" text not null default 'production';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "acronis_usage_snapshot" drop column if exists "pricing_mode";`);
  }

}

import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261204191531 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "acronis_statement" drop constraint if exists "acronis_statement_status_check";`);

    this.addSql(`alter table if exists "acronis_statement_line" drop constraint if exists "acronis_statement_line_kind_check";`);

    this.addSql(`alter table if exists "acronis_statement" add column if not exists "hold_reason" jsonb null;`);
    this.addSql(`alter table if exists "acronis_statement" add constraint "acronis_statement_status_check" check("status" in ('draft', 'on_hold', 'issued', 'billed'));`);

    this.addSql(`alter table if exists "acronis_statement_line" add constraint "acronis_statement_line_kind_check" check("kind" in ('usage', 'commitment_shortfall', 'seat', 'overage', 'free_month', 'proration', 'credit'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "acronis_statement" drop constraint if exists "acronis_statement_status_check";`);

    this.addSql(`alter table if exists "acronis_statement_line" drop constraint if exists "acronis_statement_line_kind_check";`);

    this.addSql(`alter table if exists "acronis_statement" drop column if exists "hold_reason";`);

    this.addSql(`alter table if exists "acronis_statement" add constraint "acronis_statement_status_check" check("status" in ('draft', 'issued', 'billed'));`);

    this.addSql(`alter table if exists "acronis_statement_line" add constraint "acronis_statement_line_kind_check" check("kind" in ('usage', 'commitment_shortfall', 'seat', 'overage', 'free_month', 'proration'));`);
  }

}

import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261207082145 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "acronis_job_run" ("id" text not null, "name" text not null, "started_at" timestamptz not null, "finished_at" timestamptz null, "outcome" text check ("outcome" in ('running', 'succeeded', 'failed')) not null, "error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "acronis_job_run_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_acronis_job_run_deleted_at" ON "acronis_job_run" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_acronis_job_run_name_unique" ON "acronis_job_run" ("name") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "acronis_job_run" cascade;`);
  }

}

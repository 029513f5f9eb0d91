using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Meridian.Platform.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SimpleApi : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "simple_records",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    backend = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    domain_type = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    domain = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    subdomain = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    to = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ttl = table.Column<int>(type: "INTEGER", nullable: false),
                    zone_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    record_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    provider_record_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_simple_records", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_simple_records_backend_domain",
                table: "simple_records",
                columns: new[] { "backend", "domain" });

            migrationBuilder.CreateIndex(
                name: "ix_simple_records_backend_domain_type_domain_subdomain",
                table: "simple_records",
                columns: new[] { "backend", "domain_type", "domain", "subdomain" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "simple_records");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Meridian.Platform.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EmailDns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "account_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    environment = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    token_hash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_account_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_account_sessions_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    friendly_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    xml = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dkim_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    environment = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    domain = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    selector = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    public_key = table.Column<string>(type: "TEXT", nullable: false),
                    protected_private_key = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dkim_keys", x => x.id);
                    table.ForeignKey(
                        name: "fk_dkim_keys_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "email_dns_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    environment = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    principal = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    domain = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    provider = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    record_type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    records = table.Column<string>(type: "TEXT", nullable: false),
                    warnings = table.Column<string>(type: "TEXT", nullable: false),
                    error = table.Column<string>(type: "TEXT", nullable: true),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_email_dns_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_email_dns_changes_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "provider_connections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    environment = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    domain = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    provider = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    protected_credentials = table.Column<string>(type: "TEXT", nullable: false),
                    verified_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_provider_connections", x => x.id);
                    table.ForeignKey(
                        name: "fk_provider_connections_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_account_sessions_account_id",
                table: "account_sessions",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_account_sessions_token_hash",
                table: "account_sessions",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dkim_keys_account_id_environment_domain_selector",
                table: "dkim_keys",
                columns: new[] { "account_id", "environment", "domain", "selector" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_email_dns_changes_account_id_environment_domain_at",
                table: "email_dns_changes",
                columns: new[] { "account_id", "environment", "domain", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_provider_connections_account_id_environment_domain_provider",
                table: "provider_connections",
                columns: new[] { "account_id", "environment", "domain", "provider" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "account_sessions");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "dkim_keys");

            migrationBuilder.DropTable(
                name: "email_dns_changes");

            migrationBuilder.DropTable(
                name: "provider_connections");
        }
    }
}
